// wp_get_attachment_image for shortcode output: the named size (or the full file), its srcset of
// same-ratio sizes, and lazy loading.
import type { ShortcodeMedia, ShortcodeMediaSize } from "./types";
import { escAttr } from "./escape";

export function pickSize(m: ShortcodeMedia, size: string): ShortcodeMediaSize & { name: string } {
  const s = size !== "full" ? m.sizes[size] : undefined;
  if (s) return { ...s, name: size };
  return { url: m.url, width: m.width ?? 0, height: m.height ?? 0, name: "full" };
}

export function imageTag(m: ShortcodeMedia, s: ShortcodeMediaSize & { name: string }, describedBy = ""): string {
  const ratio = s.width && s.height ? s.width / s.height : 0;
  const candidates = new Map<number, string>();
  if (ratio && m.width && m.height) {
    for (const c of [...Object.values(m.sizes), { url: m.url, width: m.width, height: m.height }]) {
      if (c.width && c.height && Math.abs(c.width / c.height - ratio) <= 0.01 * ratio) candidates.set(c.width, c.url);
    }
  }
  const srcset = candidates.size > 1 ? [...candidates].sort((a, b) => a[0] - b[0]).map(([w, u]) => `${escAttr(u)} ${w}w`).join(", ") : "";
  return (
    `<img${s.width ? ` width="${s.width}" height="${s.height}"` : ""} src="${escAttr(s.url)}" class="attachment-${escAttr(s.name)} size-${escAttr(s.name)}" alt="${escAttr(m.alt)}"` +
    ` decoding="async" loading="lazy"${srcset ? ` srcset="${srcset}" sizes="(max-width: ${s.width}px) 100vw, ${s.width}px"` : ""}` +
    `${describedBy ? ` aria-describedby="${escAttr(describedBy)}"` : ""} />`
  );
}
