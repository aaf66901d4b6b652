// The one way Inkwell fetches a URL that a stranger chose (pingback sources, webmention
// sources, endpoint discovery on linked pages). The address is checked after DNS resolution,
// in the socket's own lookup, so the socket connects to exactly the address that was checked
// (no second resolution to rebind); IP literals are checked before connecting; redirects are
// followed by hand, at most 3, each hop checked again. Time, size and concurrency are bounded.
import dns from "node:dns";
import net from "node:net";
import iconv from "iconv-lite";
import { Agent, buildConnector, request } from "undici";
import { siteUrl } from "@/lib/site-url";
import { hostKey, isPublicAddress, parseAllowHosts } from "./address";

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 3;
export const FETCH_MAX_CONCURRENT = 4;
/** Fetches waiting for a slot beyond this are refused at once rather than piling up. */
export const FETCH_MAX_WAITING = 32;
/** Like WordPress's "WordPress/6.1.9; http://site": who is asking, and from which site. */
export const userAgent = async () => `Inkwell/0.1; ${await siteUrl()}`;

export type FetchErrorCode = "invalid_url" | "blocked" | "timeout" | "network" | "too_many_redirects" | "busy";

export class SafeFetchError extends Error {
  constructor(public code: FetchErrorCode, message: string) {
    super(message);
    this.name = "SafeFetchError";
  }
}

export interface SafeFetchOptions {
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Extra allowed hosts (the `outbound_allow_hosts` option); OUTBOUND_ALLOW_HOSTS is always added. */
  allowHosts?: string;
  /** Only these ports (unless the host is allowlisted); default any. */
  ports?: number[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Hand back a redirect as it came instead of following it (the caller decides where it may go). */
  manualRedirect?: boolean;
}

export interface SafeFetchResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Headers;
  body: Buffer;
  /** The body was longer than maxBytes and was cut there. */
  truncated: boolean;
  text(): string;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup that refuses to hand a non-public address to the socket. */
export function guardedLookup(allow: Set<string>) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const list = addresses as dns.LookupAddress[];
      if (!allow.has(hostKey(hostname))) {
        const bad = list.find((a) => !isPublicAddress(a.address));
        if (bad || !list.length) {
          return callback(new SafeFetchError("blocked", `${hostname} resolves to a non-public address`) as unknown as NodeJS.ErrnoException, "");
        }
      }
      if (options.all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

const agents = new Map<string, Agent>();

function agentFor(allow: Set<string>): Agent {
  const key = [...allow].sort().join(",");
  let agent = agents.get(key);
  if (!agent) {
    const base = buildConnector({ timeout: FETCH_TIMEOUT_MS, lookup: guardedLookup(allow) as never });
    agent = new Agent({
      connect: (opts, cb) => {
        const host = hostKey(opts.hostname);
        // Literal addresses never reach lookup(): check them here.
        if (net.isIP(host) && !allow.has(host) && !isPublicAddress(host)) {
          return cb(new SafeFetchError("blocked", `${host} is not a public address`), null);
        }
        base(opts, cb);
      },
      connections: 2,
      pipelining: 0,
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Throws unless `raw` is an http(s) URL whose literal host (if any) may be reached. */
export function checkUrl(raw: string, allow: Set<string>, ports?: number[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError("invalid_url", "not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SafeFetchError("invalid_url", "only http and https URLs");
  if (url.username || url.password) throw new SafeFetchError("invalid_url", "URLs with credentials are refused");
  const host = hostKey(url.hostname);
  if (allow.has(host)) return url;
  if (net.isIP(host) && !isPublicAddress(host)) throw new SafeFetchError("blocked", `${host} is not a public address`);
  if (host === "localhost" || host.endsWith(".localhost")) throw new SafeFetchError("blocked", "localhost is not public");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (ports && !ports.includes(port)) throw new SafeFetchError("blocked", `port ${port} is not allowed`);
  return url;
}

export function allowHostsFrom(option?: string): Set<string> {
  return parseAllowHosts(process.env.OUTBOUND_ALLOW_HOSTS, option);
}

// A small semaphore: strangers can trigger fetches, so at most a few run at once per process.
let active = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= FETCH_MAX_CONCURRENT) {
    if (waiting.length >= FETCH_MAX_WAITING) throw new SafeFetchError("busy", "too many outbound fetches at once");
    await new Promise<void>((r) => waiting.push(r));
  }
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
  }
  return h;
}

export async function safeFetch(rawUrl: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const allow = allowHostsFrom(opts.allowHosts);
  const maxBytes = opts.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? FETCH_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  return withSlot(async () => {
    let url = checkUrl(rawUrl, allow, opts.ports);
    let method = opts.method ?? "GET";
    let body = opts.body;
    for (let hop = 0; ; hop++) {
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(url, {
          method,
          body: method === "POST" ? body : undefined,
          headers: { "user-agent": await userAgent(), accept: "*/*", ...opts.headers },
          dispatcher: agentFor(allow),
          signal,
          headersTimeout: opts.timeoutMs ?? FETCH_TIMEOUT_MS,
          bodyTimeout: opts.timeoutMs ?? FETCH_TIMEOUT_MS,
        });
      } catch (e) {
        throw translate(e, signal);
      }
      const headers = toHeaders(res.headers);
      const location = headers.get("location");
      if (res.statusCode >= 300 && res.statusCode < 400 && location && !opts.manualRedirect) {
        res.body.resume();
        if (hop >= maxRedirects) throw new SafeFetchError("too_many_redirects", `more than ${maxRedirects} redirects`);
        url = checkUrl(new URL(location, url).toString(), allow, opts.ports);
        // 303, and 301/302 after a POST, continue as GET, as browsers do.
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      try {
        if (method !== "HEAD") {
          for await (const chunk of res.body) {
            const buf = chunk as Buffer;
            if (size + buf.length > maxBytes) {
              chunks.push(buf.subarray(0, maxBytes - size));
              size = maxBytes;
              truncated = true;
              res.body.destroy();
              break;
            }
            chunks.push(buf);
            size += buf.length;
          }
        } else res.body.resume();
      } catch (e) {
        throw translate(e, signal);
      }
      const bytes = Buffer.concat(chunks);
      return {
        status: res.statusCode,
        url: url.toString(),
        headers,
        body: bytes,
        truncated,
        text: () => decodeBody(bytes, headers.get("content-type")),
      };
    }
  });
}

/** The body as text in the charset the Content-Type names (or a <meta charset>), else UTF-8. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  let charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (!charset) charset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(bytes.subarray(0, 2048).toString("latin1"))?.[1];
  const name = charset?.toLowerCase();
  if (!name || name === "utf-8" || name === "utf8" || name.includes("utf-7") || !iconv.encodingExists(name)) return bytes.toString("utf8");
  return iconv.decode(bytes, name);
}

function translate(e: unknown, signal: AbortSignal): SafeFetchError {
  if (e instanceof SafeFetchError) return e;
  const err = e as { cause?: unknown; name?: string; message?: string; code?: string };
  if (err.cause instanceof SafeFetchError) return err.cause;
  if (signal.aborted || err.name === "TimeoutError" || /timeout/i.test(err.code ?? "")) return new SafeFetchError("timeout", "timed out");
  return new SafeFetchError("network", err.message ?? "network error");
}
