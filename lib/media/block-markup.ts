// WordPress 6.x block markup for media, as its block editor saves it (wp-block-image, -gallery,
// -audio, -video, -file), so that themes written for WordPress style it and an export reads as
// WordPress's own. The visual editor's nodes render the same strings; the HTML mode inserts these.
import { escapeHtml } from "@/lib/content/escape";

export const IMAGE_ALIGNS = ["none", "left", "center", "right", "wide", "full"] as const;
export type ImageAlign = (typeof IMAGE_ALIGNS)[number];
export const IMAGE_SIZE_SLUGS = ["thumbnail", "medium", "large", "full"] as const;
export type ImageSizeSlug = (typeof IMAGE_SIZE_SLUGS)[number];
export const LINK_TARGETS = ["none", "media", "attachment", "custom"] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

export interface ImageBlock {
  id: number | null;
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  sizeSlug: ImageSizeSlug;
  align: ImageAlign;
  href: string;
  caption: string;
}

// Used in the browser too: the escaper has no parser behind it (escaping is all attributes and text need).
const attr = escapeHtml;

/** The figure's classes in WordPress's order: block, alignment, size. */
export function imageFigureClass(b: Pick<ImageBlock, "align" | "sizeSlug">): string {
  return ["wp-block-image", b.align !== "none" ? `align${b.align}` : "", `size-${b.sizeSlug}`].filter(Boolean).join(" ");
}

export function imageBlockHtml(b: ImageBlock): string {
  const dims = b.width && b.height ? ` width="${b.width}" height="${b.height}"` : "";
  const cls = b.id ? ` class="wp-image-${b.id}"` : "";
  let img = `<img src="${attr(b.src)}" alt="${attr(b.alt)}"${cls}${dims}>`;
  if (b.href) img = `<a href="${attr(b.href)}">${img}</a>`;
  const caption = b.caption.trim() ? `<figcaption class="wp-element-caption">${escapeHtml(b.caption.trim())}</figcaption>` : "";
  return `<figure class="${imageFigureClass(b)}">${img}${caption}</figure>`;
}

export function galleryClass(columns: number, crop: boolean): string {
  return ["wp-block-gallery", "has-nested-images", `columns-${columns}`, crop ? "is-cropped" : ""].filter(Boolean).join(" ");
}

export function galleryBlockHtml(images: ImageBlock[], columns: number, crop: boolean): string {
  return `<figure class="${galleryClass(columns, crop)}">${images.map((i) => imageBlockHtml({ ...i, align: "none" })).join("")}</figure>`;
}

export function audioBlockHtml(src: string): string {
  return `<figure class="wp-block-audio"><audio controls src="${attr(src)}"></audio></figure>`;
}

export function videoBlockHtml(src: string): string {
  return `<figure class="wp-block-video"><video controls src="${attr(src)}"></video></figure>`;
}

/** WordPress links the name to the button with an id made from a UUID; the media ID is enough here. */
export function fileBlockHtml(href: string, name: string, key: string): string {
  const id = `wp-block-file--media-${key}`;
  return `<div class="wp-block-file"><a id="${attr(id)}" href="${attr(href)}">${escapeHtml(name)}</a><a href="${attr(href)}" class="wp-block-file__button wp-element-button" download aria-describedby="${attr(id)}">Download</a></div>`;
}

/** Which block a file becomes, by its MIME type. */
export function blockKindOf(mimeType: string): "image" | "audio" | "video" | "file" {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "file";
}

/** The URL and dimensions of the chosen size, falling back to the full file as WordPress does. */
export function pickSize(
  item: { url: string; width: number | null; height: number | null; sizes: Record<string, { url: string; width: number; height: number }> },
  slug: ImageSizeSlug,
): { src: string; width: number | null; height: number | null } {
  const s = slug === "full" ? undefined : item.sizes[slug];
  return s ? { src: s.url, width: s.width, height: s.height } : { src: item.url, width: item.width, height: item.height };
}
