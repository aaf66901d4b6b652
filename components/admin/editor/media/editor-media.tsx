"use client";

// The media dialog bound to one editor: what it returns becomes blocks in the visual editor (the
// caret then waits in a paragraph after them), or WordPress's block markup appended in HTML mode.
import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/core";
import type { MediaView } from "@/lib/media/view";
import { audioBlockHtml, fileBlockHtml, galleryBlockHtml, imageBlockHtml, pickSize, videoBlockHtml, blockKindOf } from "@/lib/media/block-markup";
import { MediaDialog, type DialogPurpose, type DialogResult } from "./media-dialog";
import type { UploadLimits } from "./media-uploads";
import type { DetailsState } from "./media-details";
import { registerMediaDialog, fetchMediaItem, type OpenMediaOptions } from "./open";
import { galleryNode, imageNode, mediaBlockFor, defaultSize } from "./blocks";
import { insertBlocks } from "../extensions/keep-blocks";

const LIBRARY: Record<OpenMediaOptions["kind"], "all" | "image" | "audio" | "video" | "file"> = { all: "all", image: "image", gallery: "image", audio: "audio", video: "video", file: "file" };

function resultHtml(r: DialogResult): string {
  if (r.type === "gallery") return galleryBlockHtml(r.items.map((i) => ({ ...pickSize(i, defaultSize(i)), id: i.id, alt: i.alt, sizeSlug: defaultSize(i), align: "none", href: "", caption: "" })), r.columns, r.crop);
  const { item, details: d } = r;
  switch (blockKindOf(item.mimeType)) {
    case "image":
      return imageBlockHtml({ ...pickSize(item, d.sizeSlug), id: item.id, alt: d.alt, sizeSlug: d.sizeSlug, align: d.align, href: d.href, caption: d.caption });
    case "audio":
      return audioBlockHtml(item.url);
    case "video":
      return videoBlockHtml(item.url);
    default:
      return fileBlockHtml(item.url, item.title || "file", String(item.id));
  }
}

/** The block's settings as the dialog shows them; an image from elsewhere has no library sizes. */
async function editingFor(editor: Editor, pos: number, focus?: "alt" | "link") {
  const node = editor.state.doc.nodeAt(pos);
  if (!node || node.type.name !== "imageFigure") return null;
  const a = node.attrs;
  const item: MediaView = (a.id && (await fetchMediaItem(a.id))) || { id: a.id ?? 0, title: a.src.split("/").pop() ?? "", alt: a.alt, caption: "", mimeType: "image/*", url: a.src, width: a.width, height: a.height, postId: null, sizes: {} };
  const details: DetailsState = { alt: a.alt, caption: node.textContent, sizeSlug: a.sizeSlug, align: a.align, href: a.href, link: !a.href ? "none" : a.href === item.url ? "media" : "custom" };
  return { item, details, focus };
}

export function EditorMedia({ editor, visual, limits, onHtmlInsert }: { editor: Editor | null; visual: boolean; limits: UploadLimits | null; onHtmlInsert: (html: string) => void }) {
  const [request, setRequest] = useState<OpenMediaOptions | null>(null);
  const [editing, setEditing] = useState<Awaited<ReturnType<typeof editingFor>>>(null);

  useEffect(() => {
    if (!editor) return;
    return registerMediaDialog(editor, (opts) => {
      if (opts.edit !== undefined) {
        void editingFor(editor, opts.edit, opts.focus).then((e) => {
          if (!e) return;
          setEditing(e);
          setRequest(opts);
        });
      } else {
        setEditing(null);
        setRequest(opts);
      }
    });
  }, [editor]);

  function apply(r: DialogResult) {
    const req = request;
    setRequest(null);
    if (!req) return;
    if (!visual || !editor) return onHtmlInsert(resultHtml(r));
    if (r.type === "gallery") return insertBlocks(editor, [galleryNode(r.items, r.columns, r.crop)]);
    const at = req.edit ?? req.replace;
    const node = at !== undefined ? editor.state.doc.nodeAt(at) : null;
    if (at !== undefined && node?.type.name === "imageFigure") {
      const d = req.replace !== undefined ? { ...r.details, caption: node.textContent, align: node.attrs.align, href: node.attrs.href && node.attrs.href !== node.attrs.src ? node.attrs.href : "" } : r.details;
      const next = editor.schema.nodeFromJSON(imageNode(r.item, d));
      // The caption keeps its links and emphasis unless it was rewritten in the dialog.
      const content = d.caption === node.textContent ? node.content : next.content;
      editor.chain().focus().command(({ tr }) => {
        tr.replaceWith(at, at + node.nodeSize, node.type.create(next.attrs, content));
        return true;
      }).run();
      return;
    }
    const d = r.details;
    insertBlocks(editor, [blockKindOf(r.item.mimeType) === "image" ? imageNode(r.item, d) : mediaBlockFor(r.item, { caption: d.caption })]);
  }

  const purpose: DialogPurpose = request?.edit !== undefined ? "edit" : request?.replace !== undefined ? "replace" : "insert";
  return (
    <MediaDialog open={!!request} purpose={purpose} libraryType={request ? LIBRARY[request.kind] : "all"} limits={limits}
      editing={purpose === "edit" ? editing : null} onClose={() => setRequest(null)} onDone={apply} />
  );
}
