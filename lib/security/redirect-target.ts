// The one gate for every redirect to a place a request names (redirect_to, a form's "back",
// Auth.js's callbackUrl): only a path on this site comes out. Browsers drop TAB and CR/LF inside a
// URL and read "\" as "/", so "/\t/evil.example" or "/\evil.example" in a Location header is
// "//evil.example", another site; a layer of percent-encoding hides the same, and a server or
// browser that decodes once more meets it. Every decoding of the target must therefore be clean,
// and what is sent back is the path of the URL as parsed against this site's origin. Pure (no
// database), so that validation schemas shared with forms can use it.

// C0 controls, DEL and the backslash: no legitimate path on this site needs them.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const MAX_DECODINGS = 3;
// Stands for "this site" when the caller accepts paths only: no absolute URL can share its origin.
const PATHS_ONLY = "http://inkwell.invalid";

// Byte by byte, so that a stray "%" (a search for "100%") neither throws nor hides what follows it.
const decodeOnce = (s: string) => s.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function cleanLayers(target: string): boolean {
  let layer = target;
  for (let i = 0; i <= MAX_DECODINGS; i++) {
    if (UNSAFE.test(layer) || layer.startsWith("//")) return false;
    const next = decodeOnce(layer);
    if (next === layer) return true;
    layer = next;
  }
  return false; // encoded more deeply than any link of ours
}

/**
 * A same-origin path (with its query and fragment) for a user-given redirect target, or `fallback`.
 * Accepts "/admin/posts/?view=trash", and an absolute URL when `origin` (this site's, e.g. siteUrl())
 * is given and matches; refuses everything else.
 */
export function safeRedirectPath(target: unknown, fallback = "/admin/", origin: string = PATHS_ONLY): string {
  if (typeof target !== "string" || target === "" || target.length > 2048) return fallback;
  if (!cleanLayers(target)) return fallback;
  if (origin === PATHS_ONLY && !target.startsWith("/")) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // "/.//evil.example" parses to the path "//evil.example": still a way off the site when sent back.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") && cleanLayers(path) ? path : fallback;
}

/** As safeRedirectPath, and only to a place under `prefix` (a screen sending you back to itself). */
export function safeRedirectUnder(target: unknown, prefix: string, origin?: string): string {
  const path = safeRedirectPath(target, prefix, origin);
  return path.startsWith(prefix) ? path : prefix;
}
