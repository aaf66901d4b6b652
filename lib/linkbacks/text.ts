// Turning what another blog sent into plain text, once: tags dropped, entities decoded one time
// (WordPress sends "&#8220;quotes&#8221; &#038; 5 &lt; 6": a reader must see “quotes” & 5 < 6,
// neither the raw entities nor a double-escaped "&amp;lt;").
export { htmlToText } from "@/lib/content/html-text";

/** Cuts to `max` characters (code points, never half a surrogate pair), adding … when cut. */
export function truncate(s: string, max: number, ellipsis = "…"): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return chars.slice(0, Math.max(0, max - ellipsis.length)).join("").trimEnd() + ellipsis;
}

/** An absolute http(s) URL, or null. */
export function httpUrl(raw: string, base?: string): URL | null {
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u : null;
  } catch {
    return null;
  }
}

/** Two URLs name the same page: same after parsing, ignoring the fragment. */
export function sameUrl(a: string, b: string): boolean {
  const x = httpUrl(a);
  const y = httpUrl(b);
  if (!x || !y) return false;
  x.hash = "";
  y.hash = "";
  return x.toString() === y.toString();
}
