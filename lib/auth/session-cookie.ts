// Auth.js's session cookie (chunked as .0, .1… when large; __Secure- prefixed over https). A
// request without one has no session: Auth.js need not be asked (it decrypts nothing, but still
// costs most of a millisecond per request).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** Does this Cookie header carry an Auth.js session? */
export function hasSessionCookie(cookie: string | null | undefined): boolean {
  return SESSION_COOKIE.test(cookie ?? "");
}
