// "Follow from your server": the reader names their fediverse server (mastodon.social) or their
// own address (@me@mastodon.social), and lands on that server's follow screen for the blog. As
// WordPress's ActivityPub plugin does: the server's WebFinger gives the OStatus subscribe
// template (http://ostatus.org/schema/1.0/subscribe, "…/authorize_interaction?uri={uri}" on
// Mastodon); without one, Mastodon's own path is tried. The WebFinger request goes through the
// SSRF-safe fetch: a server on a private address is refused, not fetched and not redirected to.
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";

export const SUBSCRIBE_REL = "http://ostatus.org/schema/1.0/subscribe";
export const MAX_INSTANCE_LENGTH = 255;

export class RemoteFollowError extends Error {
  constructor(message: string, public status: 400 | 502) {
    super(message);
  }
}

/** The server the reader typed, as an origin, and their own account if they typed one. */
export function parseInstance(raw: string): { origin: string; host: string; account?: string } {
  let input = raw.trim();
  if (!input) throw new RemoteFollowError("Type your server’s name, e.g. mastodon.social.", 400);
  if (input.length > MAX_INSTANCE_LENGTH) throw new RemoteFollowError("That server name is too long.", 400);
  let account: string | undefined;
  const acct = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(input.replace(/^acct:/i, ""));
  if (acct) {
    account = `${acct[1]}@${acct[2]}`;
    input = acct[2]!;
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    throw new RemoteFollowError("That is not a server name (e.g. mastodon.social).", 400);
  }
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(url.hostname) && !/^\[[0-9a-f:.]+\]$/i.test(url.hostname)) {
    throw new RemoteFollowError("That is not a server name (e.g. mastodon.social).", 400);
  }
  return { origin: url.origin, host: url.host, account };
}

/**
 * Where to send the reader to follow `target` (the blog's handle@host) from `instance`: the
 * subscribe template of the server's WebFinger, else its /authorize_interaction.
 */
export async function remoteFollowUrl(instance: string, target: string, opts: { allowHosts?: string } = {}): Promise<string> {
  const { origin, host, account } = parseInstance(instance);
  const resource = `acct:${account ?? `${new URL(origin).hostname}@${host}`}`;
  let template: string | undefined;
  try {
    const res = await safeFetch(`${origin}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`, {
      headers: { accept: "application/jrd+json, application/json" },
      maxBytes: 64 * 1024,
      timeoutMs: 5000,
      allowHosts: opts.allowHosts,
    });
    if (res.status === 200) {
      const jrd = JSON.parse(res.body.toString("utf8")) as { links?: { rel?: unknown; template?: unknown }[] };
      const link = jrd.links?.find((l) => l.rel === SUBSCRIBE_REL && typeof l.template === "string" && l.template.includes("{uri}"));
      template = link?.template as string | undefined;
    }
  } catch (e) {
    if (e instanceof SafeFetchError && (e.code === "blocked" || e.code === "invalid_url")) throw new RemoteFollowError(`${host} is not a public server.`, 400);
    if (e instanceof SafeFetchError) throw new RemoteFollowError(`${host} could not be reached. Check the name and try again.`, 502);
    // Not JSON: the server has no usable WebFinger; Mastodon's path is tried below.
  }
  const next = template ? template.replace("{uri}", encodeURIComponent(target)) : `${origin}/authorize_interaction?uri=${encodeURIComponent(target)}`;
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    throw new RemoteFollowError(`${host} gave a follow address that is not a URL.`, 502);
  }
  // The template is the server's to choose, but it must stay a web page (no javascript: or data:).
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RemoteFollowError(`${host} gave a follow address that is not a web page.`, 502);
  return url.href;
}
