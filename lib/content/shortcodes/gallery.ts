// [gallery] as WordPress's gallery_shortcode prints it for HTML5 themes (figure items, no inline
// <style>: the theme styles .gallery-columns-N, see themes/shared/shortcodes.css).
import type { ShortcodeContext, ShortcodeMedia } from "./types";
import { escAttr, htmlClass } from "./escape";
import { imageTag, pickSize } from "./image";

const ids = (list: string | undefined) =>
  (list ?? "")
    .split(/[\s,]+/)
    .map((s) => Number.parseInt(s, 10))
    .filter((n) => Number.isInteger(n) && n > 0);

function sortItems(items: ShortcodeMedia[], orderby: string, order: string, include: number[]): ShortcodeMedia[] {
  const desc = order.toUpperCase() === "DESC";
  const key = orderby.toLowerCase().split(/\s+/)[0] ?? "";
  if (order.toUpperCase() === "RAND" || key === "rand") {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  if (key === "post__in" && include.length) {
    const pos = new Map(include.map((id, i) => [id, i]));
    return [...items].sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
  }
  const by: Record<string, (m: ShortcodeMedia) => string | number> = {
    title: (m) => m.title.toLowerCase(),
    date: (m) => m.createdGmt,
    id: (m) => m.id,
    // Inkwell's library has no menu_order: WordPress's default "menu_order ID" falls back to ID.
    menu_order: (m) => m.id,
  };
  const f = by[key] ?? by.id!;
  const sorted = [...items].sort((a, b) => {
    const x = f(a);
    const y = f(b);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  });
  return desc ? sorted.reverse() : sorted;
}

/** The images a gallery shows: its ids (include), else the post's attached images minus exclude. */
export function galleryItems(attrs: Record<string, string>, ctx: ShortcodeContext): ShortcodeMedia[] {
  const include = ids(attrs.ids ?? attrs.include);
  const exclude = new Set(ids(attrs.exclude));
  const postId = Number.parseInt(attrs.id ?? "", 10) || ctx.postId;
  const media = ctx.media;
  if (!media) return [];
  const pool = include.length
    ? include.map((id) => media.byId.get(id)).filter((m): m is ShortcodeMedia => !!m)
    : (media.attachedTo.get(postId) ?? []).filter((m) => !exclude.has(m.id));
  const images = pool.filter((m) => m.mimeType.startsWith("image/"));
  const orderby = attrs.orderby ?? (attrs.ids ? "post__in" : "menu_order ID");
  return sortItems(images, orderby, attrs.order ?? "ASC", include);
}

export function renderGallery(attrs: Record<string, string>, ctx: ShortcodeContext, instance: number): string {
  const items = galleryItems(attrs, ctx);
  if (!items.length) return "";
  const postId = Number.parseInt(attrs.id ?? "", 10) || ctx.postId;
  const parsed = Number.parseInt(attrs.columns ?? "3", 10);
  const columns = Number.isInteger(parsed) ? Math.max(0, Math.min(9, parsed)) : 3;
  const size = htmlClass(attrs.size ?? "thumbnail") || "thumbnail";
  const link = (attrs.link ?? "").toLowerCase();
  const selector = `gallery-${instance}`;
  let out = `<div id='${selector}' class='gallery galleryid-${postId} gallery-columns-${columns} gallery-size-${escAttr(size)}'>`;
  for (const m of items) {
    const captionId = m.caption.trim() ? `${selector}-${m.id}` : "";
    const img = imageTag(m, pickSize(m, size), captionId);
    // Without attachment pages here, link=attachment (the default) opens the file, as link=file does.
    // A link around a picture without alt text would have no name at all (axe's link-name): it is
    // named by the caption when there is one, else by the attachment's title or file name.
    const label = m.title.trim() || (m.url.split("/").pop() ?? "").replace(/\.\w+$/, "");
    const name = m.alt.trim() ? "" : captionId ? ` aria-labelledby='${escAttr(captionId)}'` : label ? ` aria-label='${escAttr(label)}'` : "";
    const icon = link === "none" ? img : `<a href='${escAttr(m.url)}'${name}>${img}</a>`;
    const orientation = m.width && m.height ? (m.height > m.width ? "portrait" : "landscape") : "";
    out += `<figure class='gallery-item'>\n\t\t\t<div class='gallery-icon ${orientation}'>\n\t\t\t\t${icon}\n\t\t\t</div>`;
    if (captionId) {
      out += `\n\t\t\t\t<figcaption class='wp-caption-text gallery-caption' id='${escAttr(captionId)}'>\n\t\t\t\t${escAttr(m.caption.trim())}\n\t\t\t\t</figcaption>`;
    }
    out += "</figure>";
  }
  return `${out}\n\t\t</div>\n`;
}
