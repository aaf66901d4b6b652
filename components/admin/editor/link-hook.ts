// Stub until the inline link editor lands (components/admin/editor/link/): replace this one line.
import type { Editor } from "@tiptap/core";

export const openLinkEditor = (editor: Editor): void => { const href = window.prompt("Link address (leave empty to remove the link)", (editor.getAttributes("link").href as string | undefined) ?? ""); if (href !== null) editor.chain().focus().extendMarkRange("link")[href.trim() ? "setLink" : "unsetLink"]({ href: href.trim() }).run(); };
