// Turning what another blog sent into plain text, once: tags dropped, entities decoded one time
// (WordPress sends "&#8220;quotes&#8221; &#038; 5 &lt; 6": a reader must see “quotes” & 5 < 6,
// neither the raw entities nor a double-escaped "&amp;lt;").
import { Parser } from "htmlparser2";

// Elements that separate words; inline ones (a, em, b...) do not.
const BLOCK = /^(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|header|footer|pre|hr|dd|dt)$/;

/** Plain text from an HTML fragment: tags removed, entities decoded once, whitespace collapsed. */
export function htmlToText(html: string): string {
  let out = "";
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skip++;
        if (BLOCK.test(name)) out += " ";
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
        else if (BLOCK.test(name)) out += " ";
      },
      ontext(text) {
        if (!skip) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, " ").trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#039;");
}

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
