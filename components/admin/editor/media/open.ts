// How the rest of the editor (Add Media, the "/" inserter, an image's toolbar) opens the media
// dialog of the editor it belongs to. The dialog registers itself for its editor when it mounts.
import type { Editor } from "@tiptap/core";
import type { MediaView } from "@/lib/media/view";
import { pickSize, type ImageSizeSlug } from "@/lib/media/block-markup";

export type MediaKind = "image" | "gallery" | "audio" | "video" | "file" | "all";

export interface OpenMediaOptions {
  kind: MediaKind;
  /** Position of an image block whose details are edited (alt, caption, size, align, link). */
  edit?: number;
  /** Position of an image block to replace with another item. */
  replace?: number;
  focus?: "alt" | "link";
}

type Opener = (opts: OpenMediaOptions) => void;
const openers = new WeakMap<Editor, Opener>();

export function registerMediaDialog(editor: Editor, open: Opener): () => void {
  openers.set(editor, open);
  return () => {
    if (openers.get(editor) === open) openers.delete(editor);
  };
}

/** Opens the media dialog for this editor; for the "/" inserter's Image, Gallery, Audio, Video and File items. */
export function openMediaDialog(editor: Editor, opts: OpenMediaOptions): void {
  openers.get(editor)?.(opts);
}

export async function fetchMediaItem(id: number): Promise<MediaView | null> {
  const res = await fetch(`/admin/media/library/?id=${id}`, { headers: { accept: "application/json" } });
  if (!res.ok) return null;
  const body = (await res.json()) as { items: MediaView[] };
  return body.items[0] ?? null;
}

/** Switches an image block to another of its sizes, which the media pipeline made at upload. */
export async function resizeImage(editor: Editor, pos: number | undefined, slug: ImageSizeSlug): Promise<void> {
  if (pos === undefined) return;
  const node = editor.state.doc.nodeAt(pos);
  if (!node || node.type.name !== "imageFigure" || !node.attrs.id) return;
  const item = await fetchMediaItem(node.attrs.id);
  const now = editor.state.doc.nodeAt(pos);
  if (!item || !now || now.attrs.id !== node.attrs.id) return;
  const { src, width, height } = pickSize(item, slug);
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...now.attrs, src, width, height, sizeSlug: item.sizes[slug] || slug === "full" ? slug : "full" }));
}
