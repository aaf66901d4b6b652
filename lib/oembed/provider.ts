// Inkwell as an oEmbed provider, as WordPress is one (wp-includes/embed.php): other sites, and
// WordPress itself, turn a link to one of our posts into a card. Only what a visitor may read is
// embeddable: a draft, a private, a scheduled or a password-protected post answers as a URL that
// names nothing (404 oembed_invalid_url), so the endpoint says no more than the permalink does.
import { randomBytes } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import { getOptions } from "@/db/queries/options";
import { postAtIdParam, postAtPath } from "@/lib/site/resolve-path";
import { featuredImagesFor, type PostCard } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { escapeHtml as esc } from "@/lib/content/escape";
import { titleText } from "@/lib/content/title";

export interface OembedData {
  version: "1.0";
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url: string;
  title: string;
  type: "rich";
  width: number;
  height: number;
  html: string;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** WordPress's oembed_min_max_width (200…600, default 600) and its 16:9 height, at least 200. */
export function embedSize(maxwidth: number | undefined): { width: number; height: number } {
  const width = Math.min(Math.max(200, maxwidth && Number.isFinite(maxwidth) ? Math.floor(maxwidth) : 600), 600);
  return { width, height: Math.max(Math.ceil((width / 16) * 9), 200) };
}

/** The public post or page a URL of this site names (permalink, ?p=, ?page_id=), or undefined. */
export async function postForUrl(raw: string): Promise<PostCard | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  // As url_to_postid: another host is never one of ours, whatever its path.
  if (!/^https?:$/.test(url.protocol) || url.host.toLowerCase() !== new URL(await siteUrl()).host.toLowerCase()) return undefined;
  const segments = url.pathname.split("/").filter(Boolean);
  // A post's own embed view names the post too (…/embed/).
  if (segments.at(-1) === "embed") segments.pop();
  if (!segments.length) return await postAtIdParam(url.searchParams.get("p") ?? url.searchParams.get("page_id"));
  return await postAtPath(segments);
}

/** The embed view's address: WordPress's get_post_embed_url (…/embed/, or &embed=true on plain links). */
export const embedUrlOf = (permalink: string) => (permalink.includes("?") ? `${permalink}&embed=true` : `${permalink.replace(/\/?$/, "/")}embed/`);

/**
 * WordPress's get_post_embed_html: a link for clients that show no frames, then the sandboxed card,
 * both with the secret that wp-embed's messages between the card and its host carry.
 */
export function embedHtml(p: { title: string; permalink: string; siteName: string; width: number; height: number }, secret = newSecret()): string {
  const title = `“${p.title}” — ${p.siteName}`;
  return (
    `<blockquote class="wp-embedded-content" data-secret="${secret}"><a href="${esc(p.permalink)}">${esc(p.title)}</a></blockquote>` +
    `<iframe sandbox="allow-scripts" security="restricted" src="${esc(`${embedUrlOf(p.permalink)}#?secret=${secret}`)}" width="${p.width}" height="${p.height}" title="${esc(title)}" data-secret="${secret}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" class="wp-embedded-content"></iframe>`
  );
}

const SECRET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** wp_generate_password( 10, false ). */
const newSecret = () => Array.from(randomBytes(10), (b) => SECRET_CHARS[b % SECRET_CHARS.length]).join("");

export async function oembedFor(url: string, maxwidth?: number): Promise<OembedData | undefined> {
  const post = await postForUrl(url);
  if (!post) return undefined;
  const opts = await getOptions();
  const base = await siteUrl();
  const permalink = absoluteUrlFrom(base, await permalinkOf(post, opts));
  const { width, height } = embedSize(maxwidth);
  const data: OembedData = {
    version: "1.0",
    provider_name: opts.blogname,
    provider_url: base,
    author_name: post.authorName,
    author_url: absoluteUrlFrom(base, `/author/${encodeURIComponent(post.authorNicename)}/`),
    title: titleText(post.title),
    type: "rich",
    width,
    height,
    html: embedHtml({ title: titleText(post.title), permalink, siteName: opts.blogname, width, height }),
  };
  const image = (await featuredImagesFor([post])).get(post.id);
  if (image) {
    // As WordPress asks for the featured image at the embed's width (its height follows).
    const w = Math.min(image.width, width);
    Object.assign(data, { thumbnail_url: absoluteUrlFrom(base, image.src), thumbnail_width: w, thumbnail_height: Math.round((image.height * w) / image.width) });
  }
  return data;
}

/** WordPress's _oembed_create_xml: <oembed> with one element per field, the html as text. */
export function oembedXml(data: object): string {
  const builder = new XMLBuilder({ format: false, processEntities: true });
  return `<?xml version="1.0"?>\n${builder.build({ oembed: data })}\n`;
}

/**
 * One of this site's posts embedded in another of its posts, as WordPress does without asking
 * itself over HTTP: the card, framed without scripts; its links may open in this window when clicked.
 */
export async function localEmbedHtml(url: string): Promise<string | undefined> {
  const post = await postForUrl(url);
  if (!post) return undefined;
  const opts = await getOptions();
  const permalink = absoluteUrlFrom(await siteUrl(), await permalinkOf(post, opts));
  const { width } = embedSize(undefined);
  // No script sizes the frame to its card (as wp-embed.js does on WordPress): a card without a
  // picture is short, and its excerpt is cut to fit (lib/oembed/embed-card.ts).
  const height = (await featuredImagesFor([post])).has(post.id) ? 338 : 240;
  return `<iframe class="wp-embedded-content" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" src="${esc(embedUrlOf(permalink))}" width="${width}" height="${height}" title="${esc(`“${titleText(post.title)}” — ${opts.blogname}`)}" loading="lazy" style="display:block;width:100%;max-width:${width}px;border:0"></iframe>`;
}
