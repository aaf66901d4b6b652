// [embed]URL[/embed]. For now a plain link: the embeds module (lib/content/embeds.ts) replaces
// this with a click-to-load preview of the provider's embed.
import { escAttr, safeUrl } from "./escape";

export function renderEmbedShortcode(url: string): string {
  const href = safeUrl(url);
  if (!href) return escAttr(url);
  return `<a href="${escAttr(href)}">${escAttr(href)}</a>`;
}
