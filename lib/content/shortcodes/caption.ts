// [caption] as WordPress's img_caption_shortcode prints it for themes that support HTML5 captions.
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { escAttr, htmlClass } from "./escape";

// Old-style captions keep the text after the image (or linked image) as the caption.
const IMAGE_THEN_TEXT = /^((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i;

export function renderCaption(attrs: Record<string, string>, content: string, inner: (html: string) => string): string {
  let caption = attrs.caption;
  let body = content;
  if (caption === undefined) {
    const m = IMAGE_THEN_TEXT.exec(content.trim());
    if (m) {
      body = m[1]!;
      caption = m[2]!.trim();
    }
  }
  // The caption is HTML, held to what post content may hold; the image is the stored content's own.
  const captionHtml = caption ? sanitizePostHtml(caption) : "";
  const width = Number.parseInt(attrs.width ?? "", 10);
  if (!(width >= 1) || !captionHtml.trim()) return inner(body);
  const id = htmlClass(attrs.id ?? "");
  const captionId = attrs.caption_id ? htmlClass(attrs.caption_id) : id ? `caption-${id.replace(/_/g, "-")}` : "";
  const align = htmlClass(attrs.align ?? "alignnone") || "alignnone";
  const extra = (attrs.class ?? "").split(/\s+/).map(htmlClass).filter(Boolean).join(" ");
  const cls = ["wp-caption", align, extra].filter(Boolean).join(" ");
  return (
    `<figure ${id ? `id="${escAttr(id)}" ` : ""}${captionId ? `aria-describedby="${escAttr(captionId)}" ` : ""}style="width: ${width}px" class="${escAttr(cls)}">` +
    inner(body) +
    `<figcaption ${captionId ? `id="${escAttr(captionId)}" ` : ""}class="wp-caption-text">${captionHtml}</figcaption></figure>`
  );
}
