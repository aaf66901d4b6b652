// Whether a state-changing request came from this site's own pages. Server actions have Next's
// own origin check; the route handlers that act on a session cookie (the comment form, media
// uploads, WXR import) ask this, since SameSite=Lax does not keep the cookie off a POST from a
// sibling subdomain (same site) nor from a client that ignores SameSite.
export function isSameOriginRequest(headers: Headers): boolean {
  // Fetch metadata, where the browser sends it: "none" is the person's own navigation.
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  // No Origin: an old browser or a script, neither of which carries a visitor's cookie cross-site.
  if (!origin) return true;
  // X-Forwarded-Host survives only from TRUSTED_PROXIES (server/main.mjs drops it otherwise).
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed frame, a redirect across origins) is not this site.
    return false;
  }
}
