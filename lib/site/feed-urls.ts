// A feed item leaves the site: a reader resolves nothing against the page it came from (many
// ignore xml:base), so `src="/wp-content/uploads/…"` shows as a broken image there. Every URL an
// attribute of content carries is made absolute against the item's own permalink, as a browser
// would resolve it on that page; media the content plays become RSS enclosures, as WordPress's
// do_enclose() lists them.
import { parseHtml } from "@/lib/content/html-parse";
import { escapeHtml as encodeAttr } from "@/lib/content/escape";

const URL_ATTRS = new Set(["href", "src", "poster", "cite", "longdesc", "data", "action", "background"]);
const ATTR = /(\s)([^\s"'>/=]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };
function decodeAttr(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== "#") return NAMED[e.toLowerCase()] ?? m;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** `value` resolved against `base`; unchanged when it already names its scheme or cannot be resolved. */
export function absolutize(value: string, base: string): string {
  const v = value.trim();
  if (!v || HAS_SCHEME.test(v)) return value;
  try {
    return new URL(v, base).href;
  } catch {
    return value;
  }
}

function absolutizeSrcset(value: string, base: string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [absolutize(url, base), ...descriptor].join(" ");
    })
    .join(", ");
}

function rewriteTag(tag: string, base: string): string {
  return tag.replace(ATTR, (whole, space: string, name: string, eq: string, dq?: string, sq?: string, bare?: string) => {
    const lower = name.toLowerCase();
    const isSet = lower === "srcset";
    if (!isSet && !URL_ATTRS.has(lower)) return whole;
    const raw = decodeAttr(dq ?? sq ?? bare ?? "");
    const abs = isSet ? absolutizeSrcset(raw, base) : absolutize(raw, base);
    return abs === raw ? whole : `${space}${name}${eq}"${encodeAttr(abs)}"`;
  });
}

/** Every open tag of `html` with its URL attributes (href, src, srcset, poster…) made absolute. */
export function absolutizeHtml(html: string, base: string): string {
  if (!html.includes("<")) return html;
  const out: string[] = [];
  let from = 0;
  parseHtml(html, (parser) => ({
    onopentag() {
      const start = parser.startIndex;
      const end = parser.endIndex + 1;
      if (start < from) return;
      out.push(html.slice(from, start), rewriteTag(html.slice(start, end), base));
      from = end;
    },
  }));
  out.push(html.slice(from));
  return out.join("");
}

export interface Enclosure {
  url: string;
  type: string;
  /** Bytes; 0 when unknown, as the RSS Advisory Board's profile allows. */
  length: number;
}

const MEDIA_TYPES: Record<string, string> = {
  mp3: "audio/mpeg", m4a: "audio/mp4", ogg: "audio/ogg", oga: "audio/ogg", wav: "audio/wav", flac: "audio/flac", aac: "audio/aac",
  mp4: "video/mp4", m4v: "video/mp4", webm: "video/webm", ogv: "video/ogg", mov: "video/quicktime",
};
const mediaType = (url: string) => MEDIA_TYPES[/\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? ""];

/**
 * The audio and video `html` plays or links to, absolute, in order, each once: <audio>/<video>/
 * <source> sources, links to media files, and the URLs of [audio]/[video] shortcodes (feeds show
 * shortcodes as text, so their players are not in the markup).
 */
export function mediaEnclosures(html: string, base: string): Enclosure[] {
  const found: { url: string; type?: string }[] = [];
  parseHtml(html, () => ({
    onopentag(name, attrs) {
      if ((name === "audio" || name === "video" || name === "source") && attrs.src) found.push({ url: attrs.src, type: attrs.type || undefined });
      else if (name === "a" && attrs.href && mediaType(attrs.href)) found.push({ url: attrs.href });
    },
  }));
  for (const sc of html.matchAll(/\[(?:audio|video)\b([^\]]*)\]/g)) {
    for (const m of sc[1]!.matchAll(/\b(?:src|mp3|m4a|ogg|oga|wav|flac|mp4|m4v|webm|ogv|mov)\s*=\s*(?:"([^"]+)"|'([^']+)'|(\S+))/g)) found.push({ url: decodeAttr(m[1] ?? m[2] ?? m[3]!) });
  }
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const f of found) {
    const url = absolutize(f.url, base);
    const type = f.type || mediaType(url);
    if (!/^https?:/i.test(url) || !type || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, type, length: 0 });
  }
  return out;
}
