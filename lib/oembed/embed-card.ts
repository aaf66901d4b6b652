// A post's embed view (…/embed/), what the oEmbed html's iframe shows on another site: WordPress's
// wp-embed card (featured image, title, excerpt, site icon and name, comments count), as one small
// HTML document with its own styles (light, or dark where the reader's system prefers it, as the
// site's own themes follow it), no theme and nothing from a third party. It speaks
// WordPress's wp-embed protocol (postMessage "height" and "link" with the #?secret= of the frame's
// URL), so a WordPress site that embeds it sizes the frame and opens clicked links in its window;
// without scripts the links open in the top window where the frame's sandbox allows it.
import { createHash } from "node:crypto";
import { escapeHtml } from "@/lib/content/escape";
import { htmlToText } from "@/lib/content/html-text";
import { renderContent } from "@/lib/content/blocks";
import { splitMore } from "@/lib/content/format";
import { stripShortcodes } from "@/lib/content/shortcodes";
import type { FeaturedImage } from "@/lib/content/views";
import { titleText } from "@/lib/content/title";

export interface EmbedCardPost {
  title: string;
  permalink: string;
  excerpt: string;
  content: string;
  commentCount: number;
  commentsOpen: boolean;
}

export interface EmbedCardSite {
  name: string;
  url: string;
  icon?: FeaturedImage;
}

const WORDS = 35;

/** The card's excerpt: the post's own, else the first words of its teaser, shortcodes left out. */
export function embedExcerpt(p: Pick<EmbedCardPost, "excerpt" | "content">): { text: string; more: boolean } {
  const source = p.excerpt.trim() ? p.excerpt : renderContent(splitMore(p.content).teaser);
  const words = htmlToText(stripShortcodes(source)).split(/\s+/).filter(Boolean);
  // As wp_embed_excerpt_more: "Continue reading" only when the words were cut.
  return { text: words.slice(0, WORDS).join(" "), more: words.length > WORDS };
}

const STYLE = `
html,body{height:100%;margin:0;background:transparent}
body{font:400 14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen-Sans,Ubuntu,Cantarell,"Helvetica Neue",sans-serif;color:#50575e}
.wp-embed{box-sizing:border-box;height:100%;display:flex;flex-direction:column;padding:25px;background:#fff;border:1px solid #dcdcde;box-shadow:0 1px 1px rgba(0,0,0,.05);overflow:hidden}
.wp-embed a{color:#50575e;text-decoration:none}
.wp-embed a:hover,.wp-embed a:focus-visible{text-decoration:underline;color:#2271b1}
.wp-embed-body{flex:1;min-height:0;overflow:hidden}
.wp-embed-featured-image{margin:0 0 15px}
.wp-embed-featured-image img{display:block;max-width:100%;height:auto;border:0}
.wp-embed-featured-image.rectangular img{width:100%;max-height:180px;object-fit:cover}
.wp-embed-featured-image.square{float:left;max-width:160px;margin-right:20px}
.wp-embed-heading{margin:0 0 15px;font-weight:600;font-size:22px;line-height:1.3;overflow-wrap:anywhere}
.wp-embed-heading a{color:#2c3338}
.wp-embed-excerpt p{margin:0;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden}
.wp-embed-more{color:#646970}
.wp-embed-footer{display:flex;align-items:center;justify-content:space-between;gap:10px;margin-top:20px;font-size:14px;line-height:25px}
.wp-embed-site-title{font-weight:600;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.wp-embed-site-icon{width:25px;height:25px;margin-right:10px;vertical-align:top;border:0}
.wp-embed-comments{white-space:nowrap}
.wp-embed-comments svg{vertical-align:-3px;margin-right:4px;fill:currentColor}
.screen-reader-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(1px,1px,1px,1px);white-space:nowrap}
@media (max-width:400px){.wp-embed{padding:16px}.wp-embed-heading{font-size:18px}.wp-embed-featured-image.square{max-width:90px;margin-right:12px}}
@media (prefers-color-scheme:dark){
body{color:#c3c4c7}
.wp-embed{background:#1d2327;border-color:#3c434a;box-shadow:0 1px 1px rgba(0,0,0,.3)}
.wp-embed a{color:#c3c4c7}
.wp-embed a:hover,.wp-embed a:focus-visible{color:#72aee6}
.wp-embed-heading a{color:#f0f0f1}
.wp-embed-more{color:#a7aaad}
}
`;

// wp-embed-template.js's part of the protocol, for WordPress hosts (whose wp-embed.js answers it).
const SCRIPT = `(function(){var m=/[#&]\\?secret=([A-Za-z0-9]{1,20})/.exec(location.hash);if(!m||window.parent===window)return;var s=m[1];function send(k,v){window.parent.postMessage({message:k,value:v,secret:s},"*")}function size(){send("height",Math.ceil(document.documentElement.scrollHeight))}size();addEventListener("resize",size);document.addEventListener("click",function(e){var a=e.target.closest&&e.target.closest("a[href]");if(a){e.preventDefault();send("link",a.href)}})})();`;

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

/** The card's own policy: its inline style and script only, framed by any site (frame-ancestors *). */
export const EMBED_CARD_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const COMMENT_ICON = `<svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true"><path d="M5 2h9c1.1 0 2 .9 2 2v7c0 1.1-.9 2-2 2h-2l-5 5v-5H5c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2z"/></svg>`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, follow"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}<script>${SCRIPT}</script></body></html>`;
}

function footer(site: EmbedCardSite, meta = ""): string {
  const icon = site.icon ? `<img src="${escapeHtml(site.icon.src)}" width="25" height="25" alt="" class="wp-embed-site-icon">` : "";
  return `<div class="wp-embed-footer"><div class="wp-embed-site-title"><a href="${escapeHtml(site.url)}" target="_top">${icon}<span>${escapeHtml(site.name)}</span></a></div>${meta}</div>`;
}

export function embedCardHtml(p: EmbedCardPost, site: EmbedCardSite, image?: FeaturedImage): string {
  const link = escapeHtml(p.permalink);
  const title = escapeHtml(titleText(p.title));
  const { text, more } = embedExcerpt(p);
  const shape = image && image.width / image.height >= 1.75 ? "rectangular" : "square";
  const figure = image
    ? `<div class="wp-embed-featured-image ${shape}"><a href="${link}" target="_top"><img src="${escapeHtml(image.src)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}"></a></div>`
    : "";
  const moreLink = more ? ` <a href="${link}" class="wp-embed-more" target="_top">Continue reading<span class="screen-reader-text"> ${title}</span></a>` : "";
  const n = p.commentCount;
  const comments = p.commentsOpen || n
    ? `<div class="wp-embed-meta"><div class="wp-embed-comments"><a href="${link}#comments" target="_top">${COMMENT_ICON}${n}<span class="screen-reader-text"> ${n === 1 ? "Comment" : "Comments"}</span></a></div></div>`
    : "";
  return page(
    `${titleText(p.title)} – ${site.name}`,
    `<div class="wp-embed"><div class="wp-embed-body">${shape === "rectangular" ? figure : ""}<p class="wp-embed-heading"><a href="${link}" target="_top">${title}</a></p>${shape === "square" ? figure : ""}<div class="wp-embed-excerpt"><p>${escapeHtml(text)}${text && more ? " …" : ""}${moreLink}</p></div></div>${footer(site, comments)}</div>`,
  );
}

/** WordPress's embed-404 template: what a frame shows for a post that is gone or hidden. */
export function embedNotFoundHtml(site: EmbedCardSite): string {
  return page(
    `Page not found – ${site.name}`,
    `<div class="wp-embed"><div class="wp-embed-body"><p class="wp-embed-heading">Oops! That embed cannot be found.</p><div class="wp-embed-excerpt"><p>It looks like nothing was found at this location. Maybe try visiting <a href="${escapeHtml(site.url)}" target="_top">${escapeHtml(site.name)}</a> directly?</p></div></div>${footer(site)}</div>`,
  );
}
