// The loopback plumbing every federation test shares: the blog's federation served over real
// HTTP on 127.0.0.1 (lib/federation/http.ts, as the server wing calls it), a second, independent
// Fedify (the "remote server", with its own keys and actors, allowPrivateAddress on for it only:
// a test peer on loopback), and a wait for the blog's queued federation jobs.
// The app is imported lazily: a test sets SITE_URL (and the like) before its first import.
import http from "node:http";
import { createFederation, generateCryptoKeyPair, MemoryKvStore, type Federation } from "@fedify/fedify";
import { Endpoints, Person } from "@fedify/vocab";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

/** An HTTP server on 127.0.0.1:port; a handler that throws answers 500 with the error. */
export function listen(port: number, handler: Handler): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  return new Promise<http.Server>((r) => server.listen(port, "127.0.0.1", () => r(server)));
}

export async function closeServers(servers: http.Server[]): Promise<void> {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
}

/** A node request as a fetch Request (for Fedify's `fetch`). */
export async function toRequest(req: http.IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url!, base), { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
}

/** The blog's federation endpoints on 127.0.0.1:port; anything else is "a page" (404 HTML). */
export async function serveBlog(port: number): Promise<http.Server> {
  const { serveFederation } = await import("@/lib/federation/http");
  return await listen(port, async (req, res) => {
    req.headers["x-inkwell-client-ip"] = "127.0.0.1";
    if (!(await serveFederation(req, res))) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<p>a page</p>");
    }
  });
}

type PersonInit = NonNullable<ConstructorParameters<typeof Person>[0]>;

export interface RemoteOptions {
  /** Its origin, e.g. http://127.0.0.1:5642 (the port it is served on). */
  origin: string;
  /** The actors it knows (/users/<name>); omitted: any name is an actor. */
  actors?: string[];
  /** Each actor's extra properties (name, url, icon, aliases…), over the defaults. */
  profile?: (identifier: string) => Partial<PersonInit>;
  /** Ed25519 too (integrity proofs); default on. */
  ed25519?: boolean;
}

/**
 * A second Fedify with its own keys (one pair set shared by all its actors): actors at
 * /users/<name>, inboxes at /users/<name>/inbox and /inbox. Add inbox listeners with `inbox.on`.
 */
export async function makeRemote(opts: RemoteOptions) {
  const keys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), ...(opts.ed25519 === false ? [] : [await generateCryptoKeyPair("Ed25519")])];
  const federation: Federation<void> = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
  federation
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (opts.actors && !opts.actors.includes(identifier)) return null;
      const k = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: identifier,
        inbox: ctx.getInboxUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: k[0]!.cryptographicKey,
        assertionMethods: k.length > 1 ? k.map((x) => x.multikey) : [],
        ...opts.profile?.(identifier),
      });
    })
    .setKeyPairsDispatcher(() => keys);
  const inbox = federation.setInboxListeners("/users/{identifier}/inbox", "/inbox");
  const ctx = () => federation.createContext(new URL(opts.origin), undefined);
  return {
    federation,
    keys,
    inbox,
    ctx,
    actor: (who: string) => ctx().getActorUri(who),
    /** Serves it on its origin's port; `extra` answers first when it returns true (media, test routes). */
    serve: (extra?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean) =>
      listen(Number(new URL(opts.origin).port), async (req, res) => {
        if (extra?.(req, res)) return;
        const response = await federation.fetch(await toRequest(req, opts.origin), { contextData: undefined });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      }),
  };
}

/**
 * Waits until the blog's queued federation jobs (an inbox's activity, an Accept's delivery, a
 * fan-out) have run: the queue runs them right after they are queued, this runs any it left due.
 * `horizonMs`: jobs due that soon count as due (quick retries).
 */
export async function settle({ horizonMs = 0, pauseMs = 50, seconds = 5 } = {}): Promise<void> {
  const { drainJobs } = await import("@/lib/jobs/queue");
  const { queryRow, rawSql } = await import("@/db");
  for (let i = 0; i < (seconds * 1000) / pauseMs; i++) {
    await new Promise((r) => setTimeout(r, pauseMs));
    await drainJobs(50);
    const busy = await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM jobs WHERE status = 'running' OR (status = 'queued' AND run_at <= ?)", Date.now() + horizonMs));
    if (Number(busy?.n) === 0) return;
  }
  throw new Error(`federation jobs still running after ${seconds} s`);
}
