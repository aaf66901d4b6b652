// What a library item becomes in the visual editor, with the choices made in the media dialog.
import type { JSONContent } from "@tiptap/core";
import type { MediaView } from "@/lib/media/view";
import { blockKindOf, pickSize, type ImageAlign, type ImageSizeSlug } from "@/lib/media/block-markup";

export interface ImageChoices {
  alt: string;
  caption: string;
  sizeSlug: ImageSizeSlug;
  align: ImageAlign;
  href: string;
}

/** WordPress inserts "large" when the image has it, else the full file. */
export function defaultSize(item: MediaView): ImageSizeSlug {
  return item.sizes.large ? "large" : "full";
}

export function imageNode(item: MediaView, c: ImageChoices): JSONContent {
  const { src, width, height } = pickSize(item, c.sizeSlug);
  const caption = c.caption.trim();
  return {
    type: "imageFigure",
    attrs: { id: item.id, src, width, height, alt: c.alt.trim(), sizeSlug: item.sizes[c.sizeSlug] || c.sizeSlug === "full" ? c.sizeSlug : "full", align: c.align, href: c.href.trim() },
    content: caption ? [{ type: "text", text: caption }] : [],
  };
}

export function galleryNode(items: MediaView[], columns: number, crop: boolean): JSONContent {
  return {
    type: "imageGallery",
    attrs: { columns, crop },
    content: items.map((i) => imageNode(i, { alt: i.alt, caption: "", sizeSlug: defaultSize(i), align: "none", href: "" })),
  };
}

/** Any item as its block: the alt comes from the library (never the file name), or stays empty. */
export function mediaBlockFor(item: MediaView, choices?: Partial<ImageChoices>): JSONContent {
  switch (blockKindOf(item.mimeType)) {
    case "image":
      return imageNode(item, { alt: item.alt, caption: "", sizeSlug: defaultSize(item), align: "none", href: "", ...choices });
    case "audio":
      return { type: "audioBlock", attrs: { src: item.url, caption: choices?.caption ?? "" } };
    case "video":
      return { type: "videoBlock", attrs: { src: item.url, caption: choices?.caption ?? "" } };
    default:
      return { type: "fileBlock", attrs: { href: item.url, name: item.title || item.url.split("/").pop() || "file", key: String(item.id) } };
  }
}
