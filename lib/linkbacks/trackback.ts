// TrackBack 1.2: the form a sender posts, and the XML we answer (always HTTP 200, text/xml).
import iconv from "iconv-lite";
import { escapeHtml } from "@/lib/content/escape";
import { htmlToText, httpUrl, truncate } from "./text";

export { TRACKBACK_MAX_BODY } from "@/lib/http/body-limits";
export const TRACKBACK_TITLE_MAX = 250;
export const TRACKBACK_EXCERPT_MAX = 252;
export const TRACKBACK_BLOG_NAME_MAX = 250;
export const TRACKBACK_URL_MAX = 2000;

export interface TrackbackPing {
  url: string;
  title: string;
  excerpt: string;
  blogName: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function percentDecode(s: string): Buffer {
  const bytes: number[] = [];
  const plus = s.replace(/\+/g, " ");
  for (let i = 0; i < plus.length; i++) {
    const c = plus.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(plus.slice(i + 1, i + 3))) {
      bytes.push(parseInt(plus.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else bytes.push(...Buffer.from(plus[i]!, "utf8"));
  }
  return Buffer.from(bytes);
}

/** The raw fields of an x-www-form-urlencoded body, as bytes: the charset is applied later. */
export function parseFormBytes(body: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = percentDecode(eq < 0 ? pair : pair.slice(0, eq)).toString("latin1");
    if (!out.has(name)) out.set(name, percentDecode(eq < 0 ? "" : pair.slice(eq + 1)));
  }
  return out;
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a TrackBack form. The charset comes from the optional `charset` field (as in
 * WordPress, not the Content-Type header); without it UTF-8 is assumed, and bytes that are not
 * UTF-8 are read as Windows-1252, the usual legacy blog charset. UTF-7 is refused (it smuggles
 * markup past filters).
 */
export function parseTrackbackForm(body: string): ParseResult<TrackbackPing> {
  const fields = parseFormBytes(body);
  const charsetRaw = fields.get("charset")?.toString("latin1").trim() ?? "";
  let decode: (b: Buffer) => string;
  if (charsetRaw) {
    const charset = charsetRaw.toLowerCase();
    if (charset.includes("utf-7") || charset.includes("utf7")) return { ok: false, message: "The UTF-7 charset is not accepted." };
    if (!/^[a-z0-9._:-]{1,40}$/.test(charset) || !iconv.encodingExists(charset)) {
      return { ok: false, message: "Unknown charset." };
    }
    decode = (b) => iconv.decode(b, charset);
  } else {
    decode = (b) => (isValidUtf8(b) ? b.toString("utf8") : iconv.decode(b, "windows-1252"));
  }
  const text = (name: string) => {
    const b = fields.get(name);
    return b ? htmlToText(decode(b).replace(/\0/g, "")) : "";
  };
  const urlText = fields.get("url") ? decode(fields.get("url")!).trim() : "";
  if (!urlText) return { ok: false, message: "The url field is required." };
  const url = httpUrl(urlText);
  if (!url || urlText.length > TRACKBACK_URL_MAX) return { ok: false, message: "The url field must be an http or https URL." };
  // TrackBack 1.2 makes the title optional and says to use the URL then.
  const title = truncate(text("title") || url.toString(), TRACKBACK_TITLE_MAX);
  const excerpt = truncate(text("excerpt"), TRACKBACK_EXCERPT_MAX);
  const blogName = truncate(text("blog_name") || url.hostname, TRACKBACK_BLOG_NAME_MAX);
  return { ok: true, value: { url: url.toString(), title, excerpt, blogName } };
}

/** The stored comment body, as WordPress stores it: <strong>title</strong>, blank line, excerpt. */
export function trackbackContent(p: Pick<TrackbackPing, "title" | "excerpt">): string {
  return `<strong>${escapeHtml(p.title)}</strong>\n\n${escapeHtml(p.excerpt)}`;
}

export function trackbackResponse(error?: string): string {
  if (error === undefined) return `<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>0</error>\n</response>\n`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>1</error>\n<message>${escapeHtml(error)}</message>\n</response>\n`;
}

/** What a receiver answered: WordPress ignores the body; we read the error flag when there is one. */
export function parseTrackbackResponse(xml: string): { ok: boolean; message: string } {
  const err = /<error>\s*(\d+)\s*<\/error>/i.exec(xml);
  const msg = /<message>([^<]*)<\/message>/i.exec(xml);
  const message = msg ? htmlToText(msg[1]!) : "";
  if (err && err[1] !== "0") return { ok: false, message: message || "The receiver answered with an error." };
  return { ok: true, message };
}

/** The form we send (UTF-8, as WordPress sends it, plus the charset field the spec allows). */
export function trackbackForm(p: TrackbackPing): string {
  return new URLSearchParams({ title: p.title, url: p.url, blog_name: p.blogName, excerpt: p.excerpt, charset: "UTF-8" }).toString();
}
