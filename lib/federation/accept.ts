// Whether a request asks for ActivityStreams JSON: activity+json, or ld+json (which Mastodon
// sends with the ActivityStreams profile). Apart from lib/federation/http.ts so that the page
// cache can ask without loading Fedify.
export function wantsActivityJson(accept: string | null | undefined): boolean {
  return !!accept && /application\/(?:activity\+json|ld\+json)/i.test(accept);
}
