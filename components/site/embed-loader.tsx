"use client";
// Click-to-load for embedded players (lib/content/embeds.ts previewHtml): the page holds a link to
// the provider and nothing of theirs; a click here swaps that preview for the sandboxed player,
// so no request reaches the provider until the reader asks. The player is rebuilt from the link's
// URL with the same rules as on the server: nothing in the post's HTML can choose what is framed.
import { useEffect } from "react";
import { parseEmbedUrl, playerHtml } from "@/lib/content/embeds";

export function EmbedLoader() {
  useEffect(() => {
    const onClick = (ev: MouseEvent) => {
      if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      const link = (ev.target as Element | null)?.closest?.("a.wp-embed-preview__link");
      const box = link?.closest(".wp-embed-preview");
      if (!(link instanceof HTMLAnchorElement) || !box) return;
      // A discovered provider's player was rebuilt and sandboxed on the server (lib/oembed/discover.ts).
      const kept = box.querySelector("template.wp-embed-preview__player");
      const e = kept ? null : parseEmbedUrl(link.href);
      if (!kept && !e) return;
      ev.preventDefault();
      const holder = document.createElement("div");
      if (kept instanceof HTMLTemplateElement) holder.append(kept.content.cloneNode(true));
      else holder.innerHTML = playerHtml(e!, { autoplay: true });
      const player = holder.firstElementChild;
      if (!player) return;
      box.replaceWith(player);
      (player.matches("iframe") ? (player as HTMLElement) : player.querySelector("iframe"))?.focus();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
