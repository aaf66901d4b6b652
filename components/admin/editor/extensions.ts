// What the visual editor knows: StarterKit's blocks and marks with all six heading levels and
// its Markdown-style shortcuts (# to ######, - * 1. > ``` --- **bold** _italic_ `code`), images,
// links (per-link new tab and nofollow), embeds, WordPress's blocks, the "/" inserter, block moves, and a placeholder that says how to start.
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { Placeholder } from "@tiptap/extensions";
import type { AnyExtension } from "@tiptap/core";
import { SlashCommand, type SlashBridge } from "./slash-menu";
import { BlockMoves } from "./block-moves";
import { CodeFenceOnEnter } from "./code-fence";
import { LINK_OPTIONS, LinkShortcut } from "./link/link-extension";
import { EmbedNode } from "./embed/embed-node";
import { blockExtensions } from "./blocks/nodes";

export function makeExtensions(slash?: SlashBridge): AnyExtension[] {
  return [
    StarterKit.configure({ heading: { levels: [1, 2, 3, 4, 5, 6] }, link: LINK_OPTIONS }),
    Image.configure({ inline: false }),
    Placeholder.configure({ placeholder: ({ editor }) => (editor.isEmpty ? "Start writing, or type / to choose a block" : "Type / to choose a block") , showOnlyCurrent: true }),
    LinkShortcut,
    EmbedNode,
    ...blockExtensions(),
    BlockMoves,
    CodeFenceOnEnter,
    ...(slash ? [SlashCommand(slash)] : []),
  ];
}
