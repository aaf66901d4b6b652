// Every remote document Fedify reads (actors, keys, objects) comes through the SSRF-safe fetch
// (lib/net/safe-fetch.ts): public addresses only unless OUTBOUND_ALLOW_HOSTS names the host, at
// most 1 MB, 10 s, 3 redirects each checked again. JSON-LD contexts are never fetched: only the
// ones Fedify ships (ActivityStreams, security, Mastodon's…) are known, anything else fails.
import dns from "node:dns/promises";
import net from "node:net";
import { FetchError, getRemoteDocument, preloadedContexts, type DocumentLoader, type RemoteDocument } from "@fedify/vocab-runtime";
import { signRequest } from "@fedify/fedify";
import { hostKey, isPublicAddress } from "@/lib/net/address";
import { allowHostsFrom, checkUrl, safeFetch } from "@/lib/net/safe-fetch";

const ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams";q=0.9, application/json;q=0.5';

async function load(url: string, headersFor: (url: string) => Promise<Record<string, string>>): Promise<RemoteDocument> {
  let res;
  try {
    res = await safeFetch(url, { headers: await headersFor(url) });
  } catch (e) {
    throw new FetchError(url, `${url}: ${(e as Error).message}`);
  }
  if (res.truncated) throw new FetchError(url, `${url}: the document is larger than the fetch limit`);
  const response = new Response(res.status === 204 || res.status === 304 ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
  Object.defineProperty(response, "url", { value: res.url });
  // An HTML page may point at its JSON-LD alternate: Fedify follows it through this loader again.
  return await getRemoteDocument(url, response, (next) => load(next, headersFor));
}

export const safeDocumentLoader: DocumentLoader = async (url: string) => await load(url, async () => ({ accept: ACCEPT }));

/**
 * The same fetch signed with the blog's key, for servers that answer only signed requests
 * (Mastodon's authorized fetch); Fedify uses it on the actor's own inbox.
 */
export function signedDocumentLoader(identity: { keyId: URL; privateKey: CryptoKey }): DocumentLoader {
  return async (url: string) =>
    await load(url, async (target) => {
      const signed = await signRequest(new Request(target, { headers: { accept: ACCEPT } }), identity.privateKey, identity.keyId);
      return Object.fromEntries(signed.headers);
    });
}

/**
 * Pleroma's and Akkoma's activities name a LitePub context on their own host
 * (`https://<host>/schemas/litepub-0.1.jsonld`). Of its terms on top of ActivityStreams and the
 * security vocabulary (which their activities name as well) this site reads only `EmojiReact`
 * (counted as a like): it is read as that one term instead of being fetched from every server.
 */
const LITEPUB_CONTEXT = /^https?:\/\/[^/]+\/schemas\/litepub-0\.1\.jsonld$/;

export const fixedContextLoader: DocumentLoader = async (url: string): Promise<RemoteDocument> => {
  if (url in preloadedContexts) return { contextUrl: null, documentUrl: url, document: preloadedContexts[url] };
  if (LITEPUB_CONTEXT.test(url)) return { contextUrl: null, documentUrl: url, document: { "@context": { litepub: "http://litepub.social/ns#", EmojiReact: "litepub:EmojiReact" } } };
  throw new FetchError(url, `the JSON-LD context ${url} is not one this site loads`);
};

/**
 * Whether an inbox may be delivered to: Fedify posts with the global fetch, so its address is
 * checked here first, as the safe fetch would (every address the name resolves to is public,
 * unless the host is allowed).
 */
export async function isDeliverableInbox(raw: string): Promise<boolean> {
  const allow = allowHostsFrom();
  let url: URL;
  try {
    url = checkUrl(raw, allow);
  } catch {
    return false;
  }
  const host = hostKey(url.hostname);
  if (allow.has(host) || net.isIP(host)) return true;
  try {
    const addresses = await dns.lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((a) => isPublicAddress(a.address));
  } catch {
    return false;
  }
}
