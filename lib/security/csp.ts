// The Content-Security-Policy of every page: scripts run only with this response's nonce
// (Next.js puts it on its own scripts when it finds it in the request's CSP header), so a script
// that got into the HTML some other way does not run. Styles may be inline (React style props).
import { randomBytes } from "node:crypto";
import { EMBED_FRAME_HOSTS } from "@/lib/content/embeds";
import { getOption } from "@/db/queries/options";
import { currentVersion } from "@/lib/site/cache";
import { logEvent } from "@/lib/log";

// Origins of embeds found by oEmbed discovery (the oembed_frame_hosts option, lib/oembed/cache.ts),
// read again by the reader routing when the content version has moved (the job's write moves it)
// or every few seconds, never per response.
let discoveredFrameHosts: string[] = [];
let framesReadAt = 0;
let framesVersion: string | undefined;
const FRAME_HOSTS_TTL_MS = 5000;

export async function refreshFrameHosts(force = false): Promise<void> {
  try {
    const version = currentVersion();
    if (!force && version === framesVersion && Date.now() - framesReadAt < FRAME_HOSTS_TTL_MS) return;
    framesReadAt = Date.now();
    framesVersion = version;
    discoveredFrameHosts = (await getOption("oembed_frame_hosts")).split(/\s+/).filter((h) => /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(h));
  } catch (e) {
    // No database yet (a build step): the players' hosts alone.
    logEvent("csp.frame_hosts", { error: e instanceof Error ? e.message : String(e) }, "error");
  }
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    // Posts may show images and embeds from anywhere (imported WordPress content hotlinks them).
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' https: http:",
    // Frames only from the players lib/content/embeds.ts builds from a post's URLs, and the
    // providers oEmbed discovery found for them.
    `frame-src 'self' ${[...EMBED_FRAME_HOSTS, ...discoveredFrameHosts].join(" ")}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/**
 * A cached page was rendered once with a placeholder nonce; each response gets a fresh one.
 * The placeholder is secret (random per process), so no stored content can contain it.
 */
export function withFreshNonce(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const n = Buffer.from(nonce);
  const out: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i) out.push(n);
    out.push(p);
  });
  return Buffer.concat(out);
}

/** Splits a rendered page at every occurrence of the placeholder nonce. */
export function splitAtNonce(body: Buffer, placeholder: string): Buffer[] {
  const needle = Buffer.from(placeholder);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}
