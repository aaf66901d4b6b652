// The blog follows other fediverse accounts (Users → Following), as WordPress's ActivityPub
// plugin's "Following" does: the account is found by its handle (WebFinger) or its profile
// address, through the SSRF-safe fetch; a Follow goes out through the job queue and the row waits
// as pending until the account's server Accepts (a Reject removes it). Unfollow sends
// Undo(Follow). The follower here is a local actor identifier, the blog ("blog") for now, so that
// authors can follow too once they are actors.
import { Follow, Undo, isActor, type Actor } from "@fedify/vocab";
import { deleteFollowing, deleteReaderItemsByActor, getFollowingByActorId, getFollowingById, upsertFollowing, acceptFollowing } from "@/db/queries/following";
import type { FederationFollowing } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { allowHostsFrom, safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { hostKey } from "@/lib/net/address";
import { siteUrl } from "@/lib/site-url";
import { BLOG, describeFollower, getFederation } from "./federation";
import { isDeliverableInbox } from "./loader";

export const MAX_ACCOUNT_LENGTH = 500;

export class FollowError extends Error {}

/** What the admin typed: a handle (`@user@server`, `user@server`, `acct:…`) or a profile URL. */
export function parseAccount(raw: string): { kind: "handle"; user: string; host: string } | { kind: "url"; url: URL } {
  const input = raw.trim();
  if (!input) throw new FollowError("Type an account, e.g. @someone@mastodon.social, or its profile address.");
  if (input.length > MAX_ACCOUNT_LENGTH) throw new FollowError("That account is too long.");
  const handle = /^@?([^@\s/:]+)@([^@\s/]+)$/.exec(input.replace(/^acct:/i, ""));
  if (handle) return { kind: "handle", user: handle[1]!, host: handle[2]!.toLowerCase() };
  if (/^https?:\/\//i.test(input) && URL.canParse(input)) return { kind: "url", url: new URL(input) };
  throw new FollowError("That is neither a fediverse handle (@someone@server) nor a profile address (https://…).");
}

/**
 * The actor address a handle names, by the server's WebFinger (RFC 7033). HTTPS, as every server
 * serves it; plain HTTP only for a host OUTBOUND_ALLOW_HOSTS names (a test server on loopback).
 */
async function webfinger(user: string, host: string): Promise<URL> {
  const resource = encodeURIComponent(`acct:${user}@${host}`);
  const schemes = allowHostsFrom().has(hostKey(host.replace(/:\d+$/, ""))) ? ["https", "http"] : ["https"];
  let lastError = `${host} could not be reached.`;
  for (const scheme of schemes) {
    let res;
    try {
      res = await safeFetch(`${scheme}://${host}/.well-known/webfinger?resource=${resource}`, { headers: { accept: "application/jrd+json, application/json" }, maxBytes: 64 * 1024 });
    } catch (e) {
      if (e instanceof SafeFetchError && (e.code === "blocked" || e.code === "invalid_url")) throw new FollowError(`${host} is not a public server.`);
      lastError = `${host} could not be reached. Check the name and try again.`;
      continue;
    }
    if (res.status === 404) throw new FollowError(`${host} knows no account @${user}.`);
    if (res.status !== 200) {
      lastError = `${host} answered ${res.status} when asked for @${user}.`;
      continue;
    }
    try {
      const jrd = JSON.parse(res.text()) as { links?: { rel?: unknown; type?: unknown; href?: unknown }[] };
      const self = jrd.links?.find((l) => l.rel === "self" && typeof l.href === "string" && /^application\/(activity\+json|ld\+json)/.test(String(l.type ?? "")));
      if (self && URL.canParse(self.href as string)) return new URL(self.href as string);
    } catch {
      // not JSON: said below
    }
    throw new FollowError(`${host} has no fediverse profile for @${user}.`);
  }
  throw new FollowError(lastError);
}

/** The remote actor a handle or profile address names, fetched (signed) through the SSRF-safe loader. */
export async function lookupAccount(raw: string, sender = BLOG): Promise<Actor> {
  const parsed = parseAccount(raw);
  const address = parsed.kind === "handle" ? await webfinger(parsed.user, parsed.host) : parsed.url;
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  let found;
  try {
    found = await ctx.lookupObject(address.href, { documentLoader: await ctx.getDocumentLoader({ identifier: sender }) });
  } catch (e) {
    logEvent("federation.lookup_failed", { address: address.href, error: (e as Error).message }, "info");
    found = null;
  }
  if (!isActor(found) || !found.id || !found.inboxId) throw new FollowError(`No fediverse account was found at ${address.href}.`);
  if (found.id.origin === new URL(await siteUrl()).origin) throw new FollowError("That is this site’s own account.");
  if (!(await isDeliverableInbox(found.inboxId.href))) throw new FollowError(`${found.id.host} is not a public server.`);
  return found;
}

export type FollowOutcome = { status: "sent" | "already"; row: FederationFollowing };

/** Sends a Follow from `sender` to the account, recorded as pending until its server accepts. */
export async function followAccount(raw: string, sender = BLOG): Promise<FollowOutcome> {
  const actor = await lookupAccount(raw, sender);
  const known = await getFollowingByActorId(actor.id!.href, sender);
  if (known?.status === "accepted") return { status: "already", row: known };
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  const me = ctx.getActorUri(sender);
  const followId = new URL(`#follow-${crypto.randomUUID()}`, me);
  const described = describeFollower(actor);
  if (described.sharedInbox && !(await isDeliverableInbox(described.sharedInbox))) described.sharedInbox = null;
  const row = await upsertFollowing({ ...described, localActor: sender, status: "pending", followId: followId.href });
  await ctx.sendActivity({ identifier: sender }, actor, new Follow({ id: followId, actor: me, object: actor.id }));
  logEvent("federation.follow_sent", { actor: actor.id!.href, sender });
  return { status: "sent", row };
}

/** Stops following: Undo(Follow) to the account's inbox, the row and its Reader posts go. */
export async function unfollowAccount(id: number): Promise<FederationFollowing | undefined> {
  const row = await getFollowingById(id);
  if (!row || !(await deleteFollowing(row.actorId, { localActor: row.localActor }))) return undefined;
  await deleteReaderItemsByActor(row.localActor, row.actorId);
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  const me = ctx.getActorUri(row.localActor);
  const follow = new Follow({ id: new URL(row.followId), actor: me, object: new URL(row.actorId) });
  const recipient = { id: new URL(row.actorId), inboxId: new URL(row.inbox), endpoints: row.sharedInbox ? { sharedInbox: new URL(row.sharedInbox) } : null };
  await ctx.sendActivity({ identifier: row.localActor }, recipient, new Undo({ id: new URL(`#undo-${crypto.randomUUID()}`, me), actor: me, object: follow }));
  logEvent("federation.unfollow_sent", { actor: row.actorId });
  return row;
}

/** Accept(Follow) at the inbox: the Follow it names, sent by us to this actor, is accepted. */
export async function receiveFollowAnswer(kind: "accept" | "reject", actorId: URL | null, followId: URL | null): Promise<boolean> {
  if (!actorId) return false;
  // Our Follow ids are `<actor>#follow-<uuid>`: an answer naming another id is not about ours.
  const ours = followId && /#follow-[0-9a-f-]{36}$/.test(followId.href) ? followId.href : null;
  if (followId && !ours) return false;
  if (kind === "accept") return !!(await acceptFollowing(actorId.href, ours));
  return await deleteFollowing(actorId.href, { followId: ours });
}
