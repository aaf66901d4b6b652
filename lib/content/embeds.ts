// Embeds: a URL on its own line (WordPress's autoembed) or in an embed block becomes the
// provider's player, built from the URL alone. Nothing is fetched (no oEmbed round trip, no
// server-side request a post could aim at an internal address), only providers whose player
// address follows from the URL are embedded, and anything else stays a plain link.
// A reader first gets a click-to-load preview (previewHtml): nothing reaches the provider until
// they ask. Every player is sandboxed; YouTube's is its privacy-enhanced (no-cookie) host.
import { escapeHtml as escapeAttr } from "@/lib/content/escape";

export type EmbedType = "video" | "rich";

export interface Embed {
  /** WordPress's providerNameSlug: "youtube", "vimeo"… */
  provider: string;
  name: string;
  type: EmbedType;
  /** The player's address (https, on one of EMBED_FRAME_HOSTS). */
  src: string;
  /** A fixed height in px for players that are not 16:9 video. */
  height?: number;
}

interface Provider {
  slug: string;
  name: string;
  type: EmbedType;
  hosts: string[];
  player: (url: URL) => { src: string; height?: number } | null;
}

const YT_ID = /^[A-Za-z0-9_-]{11}$/;
const seconds = (t: string | null) => {
  if (!t) return 0;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
};

const PROVIDERS: Provider[] = [
  {
    slug: "youtube",
    name: "YouTube",
    type: "video",
    hosts: ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean);
      const id = url.hostname === "youtu.be" ? path[0] : path[0] === "watch" && path.length === 1 ? url.searchParams.get("v") : ["embed", "shorts", "live", "v"].includes(path[0] ?? "") ? path[1] : null;
      if (!id || !YT_ID.test(id)) return null;
      const start = seconds(url.searchParams.get("t") ?? url.searchParams.get("start"));
      return { src: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ""}` };
    },
  },
  {
    slug: "vimeo",
    name: "Vimeo",
    type: "video",
    hosts: ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean);
      // vimeo.com/123, /123/unlistedhash, /channels/x/123, /groups/x/videos/123, player.vimeo.com/video/123
      const at = path.findIndex((p) => /^\d{1,12}$/.test(p));
      if (at < 0) return null;
      const hash = path[at + 1] && /^[0-9a-f]{6,20}$/.test(path[at + 1]!) ? path[at + 1] : url.searchParams.get("h");
      return { src: `https://player.vimeo.com/video/${path[at]}?dnt=1${hash && /^[0-9a-f]{6,20}$/.test(hash) ? `&h=${hash}` : ""}` };
    },
  },
  {
    slug: "dailymotion",
    name: "Dailymotion",
    type: "video",
    hosts: ["dailymotion.com", "www.dailymotion.com", "dai.ly"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean);
      const raw = url.hostname === "dai.ly" ? path[0] : path[0] === "video" ? path[1] : null;
      const id = raw?.split("_")[0];
      return id && /^x[0-9a-z]{3,12}$/i.test(id) ? { src: `https://www.dailymotion.com/embed/video/${id}` } : null;
    },
  },
  {
    slug: "spotify",
    name: "Spotify",
    type: "rich",
    hosts: ["open.spotify.com"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean).filter((p) => !p.startsWith("intl-"));
      const [kind, id] = path;
      if (!kind || !id || !["track", "album", "playlist", "episode", "show", "artist"].includes(kind) || !/^[A-Za-z0-9]{10,40}$/.test(id)) return null;
      return { src: `https://open.spotify.com/embed/${kind}/${id}`, height: kind === "track" || kind === "episode" ? 152 : 352 };
    },
  },
  {
    slug: "soundcloud",
    name: "SoundCloud",
    type: "rich",
    hosts: ["soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean);
      if (path.length < 2 || path.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return null;
      const page = `https://soundcloud.com/${path.join("/")}`;
      return { src: `https://w.soundcloud.com/player/?url=${encodeURIComponent(page)}&visual=true`, height: path[1] === "sets" ? 450 : 300 };
    },
  },
  {
    slug: "ted",
    name: "TED",
    type: "video",
    hosts: ["ted.com", "www.ted.com"],
    player(url) {
      const path = url.pathname.split("/").filter(Boolean);
      return path[0] === "talks" && path[1] && /^[A-Za-z0-9_-]+$/.test(path[1]) ? { src: `https://embed.ted.com/talks/${path[1]}` } : null;
    },
  },
];

/** The hosts a post's players load from: the CSP's frame-src (lib/security/csp.ts). */
export const EMBED_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://www.dailymotion.com", "https://open.spotify.com", "https://w.soundcloud.com", "https://embed.ted.com"];

/** The player for a URL, or null: not http(s), a provider we do not know, or a URL it would not play. */
export function parseEmbedUrl(raw: string): Embed | null {
  const text = raw.trim();
  if (text.length > 2048 || !/^https?:\/\/[^\s<>"']+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // https://youtube.com@evil.example/ names evil.example: the host is compared whole, after parsing.
  if (url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const p = PROVIDERS.find((x) => x.hosts.includes(host));
  const player = p?.player(url);
  return p && player ? { provider: p.slug, name: p.name, type: p.type, ...player } : null;
}

const decodeText = (s: string) => s.replace(/&amp;/g, "&").replace(/&#0?38;/g, "&").trim();

/** The sandboxed, lazy player, 16:9 and as wide as the column (or the provider's own height). `autoplay`: the reader clicked play. */
export function playerHtml(e: Embed, opts: { autoplay?: boolean } = {}): string {
  let src = e.src;
  if (opts.autoplay && e.type === "video") src += `${src.includes("?") ? "&" : "?"}autoplay=1`;
  const frame = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(`Embedded ${e.name} ${e.type === "video" ? "video" : "player"}`)}" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation" allow="${opts.autoplay ? "autoplay; " : ""}encrypted-media; picture-in-picture; fullscreen" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"`;
  if (e.height) return `${frame} style="display:block;width:100%;height:${e.height}px;border:0"></iframe>`;
  return `<div class="wp-embed-responsive" style="position:relative;width:100%;aspect-ratio:16/9">${frame} style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe></div>`;
}

const displayUrl = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");

/** A preview's picture: a copy in our own media (lib/oembed/thumbnails.ts), its public path and size. */
export interface PreviewThumb {
  src: string;
  width: number;
  height: number;
}

/**
 * What a reader first sees of a player: a link to the provider's page, with its name, a play
 * button and, once the job queue has copied it into our media, the provider's thumbnail, the size
 * the player will be. Nothing is loaded from the provider: components/site/embed-loader.tsx
 * swaps it for the player when clicked; without scripts the link opens the provider's page.
 */
export function previewHtml(e: Embed, url: string, title?: string, thumb?: PreviewThumb): string {
  return previewBox({ url, type: e.type, name: e.name, title: title || `${e.name} ${e.type === "video" ? "video" : "player"}`, size: e.height ? `height:${e.height}px` : "aspect-ratio:16/9", thumb });
}

/**
 * The same preview for an embed found by oEmbed discovery (lib/oembed/discover.ts): its player, an
 * iframe already rebuilt and sandboxed by us, waits in an inert <template> until the click.
 */
export function discoveredPreviewHtml(d: { url: string; title: string; providerName: string; html: string; height: number }, thumb?: PreviewThumb): string {
  return previewBox({ url: d.url, type: "rich", name: d.providerName, title: d.title || `${d.providerName} post`, size: `height:${d.height}px`, player: d.html, thumb });
}

/** Only a path on this site ("/wp-content/uploads/…") is ever shown as a preview's picture. */
const ownImage = (t?: PreviewThumb) => !!t && /^\/[^/\\]/.test(t.src) && t.width > 0 && t.height > 0;

function previewBox(p: { url: string; type: EmbedType; name: string; title: string; size: string; player?: string; thumb?: PreviewThumb }): string {
  const thumb = ownImage(p.thumb) ? p.thumb! : undefined;
  return (
    `<div class="wp-embed-preview is-type-${p.type}${thumb ? " has-thumbnail" : ""}" style="${p.size}">` +
    `<a class="wp-embed-preview__link" href="${escapeAttr(p.url)}">` +
    (thumb ? `<img class="wp-embed-preview__thumbnail" src="${escapeAttr(thumb.src)}" width="${Math.round(thumb.width)}" height="${Math.round(thumb.height)}" alt="${escapeAttr(p.title)}" loading="lazy" decoding="async">` : "") +
    `<span class="wp-embed-preview__play" aria-hidden="true"></span>` +
    `<span class="wp-embed-preview__text"><span class="wp-embed-preview__title">${escapeAttr(p.title)}</span>` +
    `<span class="wp-embed-preview__note">${p.type === "video" ? "Play" : "Load"} from ${escapeAttr(p.name)}<span class="wp-embed-preview__url"> · ${escapeAttr(displayUrl(p.url))}</span></span></span>` +
    `</a>${p.player ? `<template class="wp-embed-preview__player">${p.player}</template>` : ""}</div>`
  );
}

const linkHtml = (url: string) => (/^https?:\/\//i.test(url) ? `<a href="${escapeAttr(url)}">${escapeAttr(url)}</a>` : escapeAttr(url));

/** WordPress's markup for an embed block, as its block editor saves it. */
export function embedBlockHtml(url: string): string | null {
  const e = parseEmbedUrl(url);
  if (!e) return null;
  const attrs = JSON.stringify({ url: url.trim(), type: e.type, providerNameSlug: e.provider }).replace(/--/g, "\\u002d\\u002d").replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `<!-- wp:embed ${attrs} --><figure class="wp-block-embed is-type-${e.type} is-provider-${e.provider} wp-block-embed-${e.provider}"><div class="wp-block-embed__wrapper">${escapeAttr(url.trim())}</div></figure><!-- /wp:embed -->`;
}

const EMBED_FIGURE = /(<figure\b[^>]*\bclass="[^"]*\bwp-block-embed\b[^"]*"[^>]*>\s*<div class="wp-block-embed__wrapper">)([^<]{0,2100})(<\/div>)/gi;
const URL_PARAGRAPH = /<p(?:\s[^>]*)?>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi;
const URL_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gim;

/**
 * Embeds found before rendering (lib/site/embed-set.ts): this site's own posts (their embed card),
 * providers found by oEmbed discovery, and known players' previews with the title and thumbnail
 * the job queue found. URL → the wrapper's HTML, already safe.
 */
export type KnownEmbeds = ReadonlyMap<string, string>;

/** Calls `each` for every URL a reader's page would try to embed, in (sanitized) post HTML. */
function scanEmbeds(html: string, each: (url: string, kind: "block" | "paragraph" | "line", whole: string, open?: string, close?: string) => string): string {
  if (!html.includes("http")) return html;
  return html
    .split(/(<pre\b[\s\S]*?<\/pre>)/i)
    .map((part, i) => {
      if (i % 2) return part;
      return part
        .replace(EMBED_FIGURE, (whole, open: string, text: string, close: string) => each(decodeText(text), "block", whole, open, close))
        .replace(URL_PARAGRAPH, (whole, url: string) => each(decodeText(url), "paragraph", whole))
        // Lines are looked for in text only, never inside a tag's attributes.
        .split(/(<[^>]*>)/)
        .map((seg) => (seg.startsWith("<") ? seg : seg.replace(URL_LINE, (whole, _a: string, url: string) => each(decodeText(url), "line", whole))))
        .join("");
    })
    .join("");
}

/**
 * The URLs in post HTML that would be embedded if their embed were known (not built from the URL
 * alone); with `withPlayers`, the URLs of players built from the URL too (their title and thumbnail
 * are looked up by the job queue).
 */
export function embedCandidates(html: string, opts: { withPlayers?: boolean } = {}): string[] {
  const out = new Set<string>();
  const add = (url: string) => {
    if (url.length <= 2048 && URL.canParse(url) && /^https?:\/\//i.test(url) && (opts.withPlayers || !parseEmbedUrl(url))) out.add(url);
  };
  scanEmbeds(html, (url, _kind, whole) => (add(url), whole));
  // [embed]URL[/embed] becomes an embed block only when shortcodes render; stored content has the shortcode.
  for (const m of html.matchAll(/\[embed(?:\s[^\]]*)?\]\s*(https?:\/\/[^\s<>"[\]]+)\s*\[\/embed\]/gi)) add(decodeText(m[1]!));
  return [...out];
}

/**
 * What a reader sees of embeds in (sanitized) post HTML: embed blocks get their player, and a URL
 * alone on its line or in its own paragraph (classic posts) becomes one when its provider is known
 * (from the URL, or in `known`). An unknown URL in an embed block is a plain link; an unknown bare
 * URL is left as it was written. Text inside <pre> is code, never embedded.
 */
export function renderEmbeds(html: string, known?: KnownEmbeds): string {
  return scanEmbeds(html, (url, kind, whole, open, close) => {
    const e = parseEmbedUrl(url);
    const found = known?.get(url);
    if (kind === "block") return `${open}${found ?? (e ? previewHtml(e, url) : linkHtml(url))}${close}`;
    return e ? autoEmbed(e, url, found) : found ? figure(found.includes("wp-embed-preview") ? "rich" : "wp-embed", found.includes("wp-embed-preview") ? "oembed" : "site", found) : whole;
  });
}

const figure = (type: string, provider: string, inner: string) =>
  `<figure class="wp-block-embed is-type-${type} is-provider-${provider} wp-block-embed-${provider}"><div class="wp-block-embed__wrapper">${inner}</div></figure>`;
const autoEmbed = (e: Embed, url: string, found?: string) => figure(e.type, e.provider, found ?? previewHtml(e, url));
