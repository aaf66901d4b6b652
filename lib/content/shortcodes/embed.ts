// [embed]URL[/embed]: WordPress's embed block markup around the URL, which the embeds module
// (lib/content/embeds.ts, after the shortcodes) turns into the provider's embed, or a plain link.
import { escAttr, safeUrl } from "./escape";

export function renderEmbedShortcode(url: string): string {
  const href = safeUrl(url);
  if (!/^https?:\/\//i.test(href)) return escAttr(url);
  return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escAttr(href)}</div></figure>`;
}
