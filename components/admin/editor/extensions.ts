// What the visual editor knows: StarterKit's blocks and marks with all six heading levels and
// its Markdown-style shortcuts (# to ######, - * 1. > ``` --- **bold** _italic_ `code`), images,
// images, galleries, audio, video and files (with uploads dropped or pasted in place), links (per-link new tab and nofollow), embeds, WordPress's blocks, the "/" inserter, block moves, and a placeholder that says how to start.
import StarterKit from "@tiptap/starter-kit";
import { Placeholder } from "@tiptap/extensions";
import type { AnyExtension } from "@tiptap/core";
import { SlashCommand, type SlashBridge } from "./slash-menu";
import { BlockMoves } from "./block-moves";
import { CodeFenceOnEnter } from "./code-fence";
import { LINK_OPTIONS, LinkShortcut } from "./link/link-extension";
import { EmbedNode } from "./embed/embed-node";
import { blockExtensions } from "./blocks/nodes";
import { ImageFigure, ImageGallery } from "./extensions/image-figure";
import { ClassicImage } from "./extensions/classic-image";
import { AudioBlock, FileBlock, VideoBlock } from "./extensions/media-blocks";
import { KeepBlocks } from "./extensions/keep-blocks";
import { WpMarker } from "./extensions/wp-marker";
import { MediaUpload, type MediaUploadOptions } from "./extensions/media-upload";

export function makeExtensions(slash?: SlashBridge, upload?: MediaUploadOptions): AnyExtension[] {
  return [
    StarterKit.configure({ heading: { levels: [1, 2, 3, 4, 5, 6] }, link: LINK_OPTIONS }),
    ClassicImage,
    Placeholder.configure({ placeholder: ({ editor }) => (editor.isEmpty ? "Start writing, or type / to choose a block" : "Type / to choose a block") , showOnlyCurrent: true }),
    ImageFigure,
    ImageGallery,
    AudioBlock,
    VideoBlock,
    FileBlock,
    KeepBlocks,
    WpMarker,
    ...(upload ? [MediaUpload.configure(upload)] : []),
    LinkShortcut,
    EmbedNode,
    ...blockExtensions(),
    BlockMoves,
    CodeFenceOnEnter,
    ...(slash ? [SlashCommand(slash)] : []),
  ];
}
