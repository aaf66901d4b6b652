// ActivityPub over HTTP, on Node's request ahead of Next (server/routing.ts calls it first):
// WebFinger, NodeInfo, the actor and its collections and inboxes (Fedify answers them), and a
// post's own permalink asked for as `application/activity+json` (its Article). The request's URL
// is rebuilt on the site's address (Settings → General), so every id Fedify writes is public.
import type { IncomingMessage, ServerResponse } from "node:http";
import { consumeRate } from "@/db/queries/rate-limits";
import { ACTIVITYPUB_MAX_BODY } from "@/lib/http/body-limits";
import { CLIENT_IP_HEADER } from "@/lib/request-ip";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { postById, publishDuePosts } from "@/lib/site/reads";
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { AP_BASE, BLOG, getFederation } from "./federation";
import { federates, postArticle } from "./objects";
import { activeAuthor, postAttribution, userIdOfActor } from "./authors";
import { getFediverseUser, hasActorKeys } from "@/db/queries/federation";
import { wantsActivityJson } from "./accept";
import { inboxRefuses } from "./blocks";
import { commentIdParam, commentNote, federatedComment } from "./comment-object";
import { claimSignature } from "./replay";

/** Inbox POSTs a minute: per remote host (the signing key's) and per client address. */
export const INBOX_RATE = { perHost: 300, perIp: 600, seconds: 60 };

const AP_PATH = /^\/(?:\.well-known\/(?:webfinger|nodeinfo)$|wp-json\/activitypub\/1\.0(?:\/|$))/;


export function isFederationPath(pathname: string): boolean {
  return AP_PATH.test(pathname);
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

/** The host of the key a request says it is signed with (draft-cavage Signature or RFC 9421 Signature-Input). */
export function signingHost(req: IncomingMessage): string | undefined {
  const raw = header(req, "signature") ?? header(req, "signature-input") ?? "";
  const keyId = /keyid="([^"]+)"/i.exec(raw)?.[1];
  if (!keyId) return undefined;
  try {
    return new URL(keyId).host.toLowerCase();
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  res.writeHead(status, headers);
  res.end(body);
}

async function writeResponse(res: ServerResponse, response: Response, head: boolean) {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  res.end(head ? undefined : Buffer.from(await response.arrayBuffer()));
}

/** The post a reader path names, if it is one that federates. */
async function postAtPath(url: URL) {
  // As the reader routing does first: the read cache catches up with the content version.
  await publishDuePosts();
  const route = url.pathname === "/" ? await resolveQuery(Object.fromEntries(url.searchParams)) : await resolveSegments(url.pathname.split("/").filter(Boolean), { paged: null });
  if (route?.kind !== "single") return undefined;
  const post = await postById(route.post.id);
  return post && federates(post) ? post : undefined;
}

/**
 * The actor path of the author an address names (their archive, /author/<nicename>/, or
 * /?author=ID), if that author is a fediverse actor now: the archive asked for as ActivityStreams
 * answers with the actor, as the plugin's author URL does, and WebFinger finds it by that URL.
 */
async function authorActorPath(url: URL): Promise<string | undefined> {
  const byId = url.pathname === "/" ? userIdOfActor(url.searchParams.get("author") ?? "") : null;
  const nicename = /^\/author\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  if (byId === null && !nicename) return undefined;
  let name: string | undefined;
  try {
    name = nicename ? decodeURIComponent(nicename) : undefined;
  } catch {
    return undefined;
  }
  const author = await activeAuthor(byId !== null ? { id: byId } : { nicename: name! });
  return author ? `${AP_BASE}/actors/${author.id}` : undefined;
}

/** WebFinger by an author's URL (resource=https://site/author/name/): asked as the actor's own address. */
async function webfingerByAuthorUrl(incoming: URL, base: string): Promise<URL> {
  const resource = incoming.searchParams.get("resource");
  if (incoming.pathname !== "/.well-known/webfinger" || !resource || !URL.canParse(resource)) return incoming;
  const asked = new URL(resource);
  if (asked.origin !== new URL(base).origin) return incoming;
  const actorPath = await authorActorPath(asked).catch(() => undefined);
  if (!actorPath) return incoming;
  const rewritten = new URL(incoming);
  rewritten.searchParams.set("resource", new URL(actorPath, base).href);
  return rewritten;
}

/**
 * Answers the request if it is ActivityPub's; false hands it on to the reader routing and Next
 * (a post's HTML, or a path Fedify does not know).
 */
export async function serveFederation(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const method = req.method || "GET";
  let incoming = new URL(req.url || "/", "http://inkwell.invalid");
  const accept = header(req, "accept");
  let apPath = isFederationPath(incoming.pathname);
  if (!apPath) {
    if (method !== "GET" && method !== "HEAD") return false;
    // A comment's ActivityPub id (/?c=N): its Note for ActivityPub clients, the comment for browsers.
    const commentId = commentIdParam(incoming);
    if (commentId !== undefined) {
      const found = await federatedComment(commentId).catch(() => undefined);
      if (!found) return false;
      if (!wantsActivityJson(accept)) {
        send(res, 302, { location: found.link, vary: "Accept" }, "");
        return true;
      }
      const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
      const note = await commentNote(found, ctx.getActorUri(BLOG));
      const json = JSON.stringify(await note.toJsonLd({ contextLoader: ctx.contextLoader, format: "compact" }));
      send(res, 200, { "content-type": "application/activity+json", vary: "Accept", "cache-control": "no-store" }, method === "HEAD" ? "" : json);
      return true;
    }
    if (!wantsActivityJson(accept)) return false;
    const authorPath = await authorActorPath(incoming).catch(() => undefined);
    if (authorPath) {
      // An author archive: Fedify answers with the author's actor, below.
      incoming = new URL(authorPath, incoming);
      apPath = true;
    } else {
      const post = await postAtPath(incoming).catch(() => undefined);
      if (!post) return false;
      const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
      // Attributed to whoever sent it (an author who is an actor, else the blog).
      const by = await postAttribution(post);
      const article = await postArticle(post, ctx.getActorUri(by), ctx.getFollowersUri(by));
      const json = JSON.stringify(await article.toJsonLd({ contextLoader: ctx.contextLoader, format: "compact" }));
      send(res, 200, { "content-type": "application/activity+json", vary: "Accept", "cache-control": "no-store" }, method === "HEAD" ? "" : json);
      return true;
    }
  }

  let body: Buffer | undefined;
  if (method === "POST") {
    const host = signingHost(req);
    const ip = header(req, CLIENT_IP_HEADER) || req.socket.remoteAddress || "unknown";
    if ((host && !(await consumeRate("inbox-host", host, INBOX_RATE.perHost, INBOX_RATE.seconds))) || !(await consumeRate("inbox-ip", ip, INBOX_RATE.perIp, INBOX_RATE.seconds))) {
      send(res, 429, { "content-type": "application/json", "retry-after": String(INBOX_RATE.seconds) }, JSON.stringify({ error: "Too many requests from this server; try again later." }));
      return true;
    }
    body = await readBody(req);
    if (body.length > ACTIVITYPUB_MAX_BODY) {
      send(res, 413, { "content-type": "application/json" }, JSON.stringify({ error: "The activity is too large." }));
      return true;
    }
    let activity: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(body.toString("utf8"));
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      activity = parsed as Record<string, unknown>;
    } catch {
      send(res, 400, { "content-type": "application/json" }, JSON.stringify({ error: "The body is not a JSON object." }));
      return true;
    }
    // Blocked servers and accounts (Settings → Discussion), before any other work.
    if (await inboxRefuses(host, activity)) {
      logEvent("federation.inbox_blocked", { host, actor: typeof activity.actor === "string" ? activity.actor : undefined }, "info");
      send(res, 403, { "content-type": "application/json" }, JSON.stringify({ error: "This server does not accept activities from you." }));
      return true;
    }
    // A signature seen before is a replay: Fedify checks the Date's window, not reuse within it.
    if (!(await claimSignature(req.headers))) {
      send(res, 401, { "content-type": "application/json" }, JSON.stringify({ error: "This signature was already used." }));
      return true;
    }
  }

  const base = await siteUrl();
  incoming = await webfingerByAuthorUrl(incoming, base);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  // Signatures cover the Host the sender addressed; the rebuilt URL keeps the path and query.
  const request = new Request(new URL(incoming.pathname + incoming.search, base), { method, headers, body: body && body.length ? new Uint8Array(body) : undefined });
  let passed = false;
  const response = await getFederation().fetch(request, {
    contextData: undefined,
    onNotFound: () => {
      passed = true;
      return Response.json({ error: "Not found." }, { status: 404 });
    },
    onNotAcceptable: () => {
      passed = true;
      return Response.json({ error: "Ask for application/activity+json." }, { status: 406 });
    },
  });
  // An author who turned their fediverse profile off (or was deleted): their actor and its
  // collections are gone (410), not unknown. One the actor mode hides is only not found (404).
  const authorId = new RegExp(`^${AP_BASE}/actors/(\\d+)(?:/|$)`).exec(incoming.pathname)?.[1];
  if (passed && authorId && !(await getFediverseUser({ id: Number(authorId) }))?.fediverse && (await hasActorKeys(authorId))) {
    send(res, 410, { "content-type": "application/json" }, JSON.stringify({ error: "This fediverse profile was deleted." }));
    return true;
  }
  // A browser on the actor's address gets the blog's home page, as on WordPress; on an author's, their archive.
  if (passed && incoming.pathname.startsWith(`${AP_BASE}/actors/`) && method === "GET" && !wantsActivityJson(accept)) {
    const author = authorId ? await activeAuthor({ id: Number(authorId) }) : undefined;
    send(res, 302, { location: author ? `${base}/author/${encodeURIComponent(author.nicename)}/` : `${base}/`, vary: "Accept" }, "");
    return true;
  }
  if (passed && !incoming.pathname.startsWith(AP_BASE)) return false;
  if (response.status >= 400 && method === "POST") logEvent("federation.inbox_refused", { path: incoming.pathname, status: response.status }, "info");
  await writeResponse(res, response, method === "HEAD");
  return true;
}
