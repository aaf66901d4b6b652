// Links in the visual editor. tiptap's Link adds target="_blank" rel="noopener noreferrer
// nofollow" to every link it makes, and to every link it reads that lacks them: that is how every
// link got published opening a new tab and nofollow. Here a link keeps the target and rel it was
// written with, and new ones get none unless the author ticks "Open in new tab" or "nofollow".
import { Extension } from "@tiptap/core";
import { openLinkEditor } from "../link-hook";

export const LINK_OPTIONS = { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } };

/** Ctrl/Cmd+K opens the link field, as in WordPress's block editor. */
export const LinkShortcut = Extension.create({
  name: "inkwellLinkShortcut",
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        openLinkEditor(this.editor);
        return true;
      },
    };
  },
});

/** rel without the tokens the two toggles own, plus what they say. */
export function relFor(existing: string | null | undefined, newTab: boolean, nofollow: boolean): string | null {
  const owned = new Set(["nofollow", "noopener", "noreferrer"]);
  const kept = (existing ?? "").split(/\s+/).filter((t) => t && !owned.has(t.toLowerCase()));
  if (newTab) kept.push("noopener");
  if (nofollow) kept.push("nofollow");
  return kept.length ? kept.join(" ") : null;
}

/** A typed address as a link's href: https:// for a bare domain; null for what is not a link. */
export function normalizeHref(raw: string): string | null {
  const v = raw.trim();
  if (!v || /\s/.test(v)) return null;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(v)) return v;
  if (/^[/#?]/.test(v)) return v;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return null; // javascript:, data: and other schemes
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(v)) return `https://${v}`;
  return null;
}
