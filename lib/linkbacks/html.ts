// Reading other blogs' pages: endpoint discovery (pingback, webmention), the links a page
// holds, whether it links to us and the words around that link, its title and h-entry.
import { parseHtml } from "@/lib/content/html-parse";
import { mf2 } from "microformats-parser";
import { escapeHtml } from "@/lib/content/escape";
import { htmlToText, httpUrl, sameUrl, truncate } from "./text";

/** Parses an HTTP Link header into (url, rels) pairs, resolving relative URLs against `base`. */
export function parseLinkHeader(value: string, base: string): { url: string; rels: string[] }[] {
  const out: { url: string; rels: string[] }[] = [];
  // Split on commas that start a new <...> (URLs may hold commas inside the brackets).
  for (const part of value.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]!);
    if (!rel) continue;
    const url = httpUrl(m[1]!, base);
    if (url) out.push({ url: url.toString(), rels: (rel[1] ?? rel[2] ?? "").toLowerCase().split(/\s+/).filter(Boolean) });
  }
  return out;
}

export interface PageScan {
  /** <base href> resolved, else the page URL. */
  base: string;
  title: string;
  /** Every <a href>, <img src>, ... resolved against the base, in document order. */
  links: { url: string; tag: string }[];
  /** First <link>/<a> with rel=webmention / rel=pingback (only <link> for pingback, as the spec says). */
  webmention: string | null;
  pingback: string | null;
  /** False when the page nests elements past HTML_MAX_DEPTH: only the part before was read. */
  complete: boolean;
}

const LINK_ATTRS: Record<string, string[]> = {
  a: ["href"],
  img: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  source: ["src"],
  area: ["href"],
  blockquote: ["cite"],
  q: ["cite"],
  iframe: ["src"],
};

export function scanHtml(html: string, pageUrl: string): PageScan {
  let base = pageUrl;
  let title = "";
  let inTitle = false;
  let titleDone = false;
  const raw: { href: string; tag: string }[] = [];
  let webmentionRaw: string | null = null;
  let pingbackRaw: string | null = null;
  let baseSeen = false;
  const complete = parseHtml(
    html,
    () => ({
      onopentag(name, attrs) {
        if (name === "base" && attrs.href && !baseSeen) {
          baseSeen = true;
          const b = httpUrl(attrs.href, pageUrl);
          if (b) base = b.toString();
        }
        if (name === "title" && !titleDone) inTitle = true;
        const rels = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        if ((name === "link" || name === "a") && attrs.href !== undefined && rels.includes("webmention") && webmentionRaw === null) {
          webmentionRaw = attrs.href;
        }
        if (name === "link" && attrs.href && rels.includes("pingback") && pingbackRaw === null) pingbackRaw = attrs.href;
        for (const attr of LINK_ATTRS[name] ?? []) if (attrs[attr]) raw.push({ href: attrs[attr]!, tag: name });
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === "title" && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    }),
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const resolve = (href: string | null) => (href === null ? null : (httpUrl(href, base)?.toString() ?? null));
  return {
    base,
    title: title.replace(/\s+/g, " ").trim(),
    links: raw.flatMap(({ href, tag }) => {
      const u = httpUrl(href, base);
      return u ? [{ url: u.toString(), tag }] : [];
    }),
    // An empty href="" is the page itself, as the Webmention spec says.
    webmention: resolve(webmentionRaw),
    pingback: resolve(pingbackRaw),
    complete,
  };
}

/** Endpoints of a linked page: Webmention (Link header, then HTML), Pingback (X-Pingback, then HTML). */
export function discoverEndpoints(headers: Headers, html: string, pageUrl: string): { webmention: string | null; pingback: string | null } {
  const linkHeader = headers.get("link");
  let webmention: string | null = null;
  if (linkHeader) webmention = parseLinkHeader(linkHeader, pageUrl).find((l) => l.rels.includes("webmention"))?.url ?? null;
  const xp = headers.get("x-pingback");
  let pingback = xp ? (httpUrl(xp.trim())?.toString() ?? null) : null;
  if (!webmention || !pingback) {
    const scan = html ? scanHtml(html, pageUrl) : null;
    webmention ??= scan?.webmention ?? null;
    pingback ??= scan?.pingback ?? null;
  }
  return { webmention, pingback };
}

/** Does the page link to `target` (exact URL, fragment aside)? */
export function linksTo(scan: Pick<PageScan, "links">, target: string): boolean {
  return scan.links.some((l) => sameUrl(l.url, target));
}

/**
 * The words around the first link to `target`, as WordPress shows a pingback:
 * "[…] text before <link text> text after […]", plain text, at most ~100 chars each side.
 */
export function contextExcerpt(html: string, pageUrl: string, target: string, side = 100): string {
  const MARK_OPEN = "\u0001";
  const MARK_CLOSE = "\u0002";
  let out = "";
  let depth = 0;
  let marked = false;
  let skip = 0;
  let base = pageUrl;
  parseHtml(
    html,
    () => ({
      onopentag(name, attrs) {
        if (name === "base" && attrs.href) base = httpUrl(attrs.href, pageUrl)?.toString() ?? base;
        if (name === "script" || name === "style" || name === "head") skip++;
        if (name === "a" && !marked && attrs.href && sameUrl(httpUrl(attrs.href, base)?.toString() ?? "", target)) {
          out += MARK_OPEN;
          depth = 1;
          marked = true;
        } else if (name === "a" && depth) depth++;
        if (/^(p|div|br|li|h[1-6]|blockquote|tr|section|article)$/.test(name)) out += " ";
      },
      onclosetag(name) {
        if (name === "script" || name === "style" || name === "head") skip = Math.max(0, skip - 1);
        if (name === "a" && depth) {
          depth--;
          if (!depth) out += MARK_CLOSE;
        }
        if (/^(p|div|li|h[1-6]|blockquote|tr|section|article)$/.test(name)) out += " ";
      },
      ontext(text) {
        if (!skip) out += text;
      },
    }),
    { decodeEntities: true },
  );
  const text = out.replace(/\s+/g, " ");
  const start = text.indexOf(MARK_OPEN);
  if (start < 0) return "";
  const end = text.indexOf(MARK_CLOSE, start);
  const linkText = text.slice(start + 1, end < 0 ? undefined : end).trim();
  const before = Array.from(text.slice(0, start)).slice(-side).join("").trimStart();
  const after = Array.from(end < 0 ? "" : text.slice(end + 1)).slice(0, side).join("").trimEnd();
  return `[…] ${before}${linkText}${after} […]`.replace(/[\u0001\u0002]/g, "").replace(/\s+/g, " ");
}

export interface HEntry {
  authorName: string;
  authorUrl: string;
  authorPhoto: string;
  content: string;
  name: string;
  url: string;
}

function firstString(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as { value?: unknown; html?: unknown };
    if (typeof o.value === "string") return o.value;
  }
  return "";
}

/** The first h-entry on the page: author (from its h-card), photo, plain-text content. */
export function parseHEntry(html: string, pageUrl: string): HEntry | null {
  let doc: ReturnType<typeof mf2>;
  try {
    doc = mf2(html, { baseUrl: pageUrl });
  } catch {
    return null;
  }
  const entry = doc.items.find((i) => i.type?.includes("h-entry")) ?? doc.items.flatMap((i) => i.children ?? []).find((i) => i.type?.includes("h-entry"));
  if (!entry) return null;
  const p = entry.properties;
  const author = p.author?.[0];
  let authorName = "";
  let authorUrl = "";
  let authorPhoto = "";
  if (typeof author === "string") authorName = author;
  else if (author && typeof author === "object" && "properties" in author) {
    authorName = firstString(author.properties.name?.[0]);
    authorUrl = firstString(author.properties.url?.[0]);
    authorPhoto = firstString(author.properties.photo?.[0]);
  }
  const contentProp = p.content?.[0];
  const content =
    contentProp && typeof contentProp === "object" && "html" in contentProp ? htmlToText(contentProp.html) : firstString(contentProp) || firstString(p.summary?.[0]);
  return {
    authorName: authorName.trim(),
    authorUrl: httpUrl(authorUrl)?.toString() ?? "",
    authorPhoto: httpUrl(authorPhoto)?.toString() ?? "",
    content: content.trim(),
    name: firstString(p.name?.[0]).trim(),
    url: httpUrl(firstString(p.url?.[0]))?.toString() ?? "",
  };
}

/** The stored body of a pingback or webmention: escaped plain text, never the source's HTML. */
export function mentionContent(text: string, max = 500): string {
  return escapeHtml(truncate(text, max));
}

/** Links in our own post's HTML that are worth pinging: absolute http(s), deduplicated. */
export function externalLinks(html: string, postUrl: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of scanHtml(html, postUrl).links) {
    if (l.tag !== "a") continue;
    const u = new URL(l.url);
    u.hash = "";
    // WordPress skips bare domain roots: a link to a home page is not a mention of a post.
    if (u.pathname === "/" && !u.search) continue;
    const s = u.toString();
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

/** The TrackBack RDF block, inside an HTML comment; "--" is escaped so the comment stays one. */
export function trackbackRdf(permalink: string, title: string, pingUrl: string): string {
  const attr = (s: string) => escapeHtml(s).replace(/--/g, "&#x2d;&#x2d;").replace(/-(?=$)/, "&#x2d;");
  return `<!--
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/">
  <rdf:Description rdf:about="${attr(permalink)}" dc:identifier="${attr(permalink)}" dc:title="${attr(title)}"
    trackback:ping="${attr(pingUrl)}" />
</rdf:RDF>
-->`;
}
