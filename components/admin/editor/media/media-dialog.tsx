"use client";

// The media dialog (WordPress's media modal): upload with progress, browse and search the
// library, set an image's display settings, insert one item, a gallery of several, or choose the
// featured image. A native modal <dialog>: the page behind is inert (focus stays inside), Esc
// closes, and focus returns to the button that opened it.
import { useEffect, useRef, useState } from "react";
import type { MediaView } from "@/lib/media/view";
import { useEditorActions } from "../actions-context";
import { MediaLibrary, type LibraryType } from "./media-library";
import { MediaUploads, type UploadLimits } from "./media-uploads";
import { MediaDetails, linkProblem, type DetailsState } from "./media-details";
import { defaultSize } from "./blocks";

export type DialogPurpose = "insert" | "featured" | "edit" | "replace";

export type DialogResult =
  | { type: "single"; item: MediaView; details: DetailsState }
  | { type: "gallery"; items: MediaView[]; columns: number; crop: boolean };

export interface MediaDialogProps {
  open: boolean;
  purpose: DialogPurpose;
  libraryType: LibraryType;
  limits: UploadLimits | null;
  /** For "edit": the block's current item and settings. */
  editing?: { item: MediaView; details: DetailsState; focus?: "alt" | "link" } | null;
  onClose: () => void;
  onDone: (result: DialogResult) => void;
}

const TITLES: Record<DialogPurpose, string> = { insert: "Add media", featured: "Featured image", edit: "Image details", replace: "Replace image" };

function initialDetails(item: MediaView): DetailsState {
  return { alt: item.alt, caption: "", sizeSlug: defaultSize(item), align: "none", href: "", link: "none" };
}

export function MediaDialog({ open, purpose, libraryType, limits, editing, onClose, onDone }: MediaDialogProps) {
  const { saveMediaAlt } = useEditorActions();
  const ref = useRef<HTMLDialogElement>(null);
  const finished = useRef(false);
  const [tab, setTab] = useState<"upload" | "library">("library");
  const [selected, setSelected] = useState<MediaView[]>([]);
  const [details, setDetails] = useState<DetailsState | null>(null);
  const [added, setAdded] = useState<MediaView[]>([]);
  const [columns, setColumns] = useState(3);
  const [crop, setCrop] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const multiple = purpose === "insert" && (libraryType === "image" || libraryType === "all");

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!open) finished.current = false;
    // Never opened again by a render that still carries the open request it just answered.
    if (open && !d.open && !finished.current) {
      setSelected(editing ? [editing.item] : []);
      setDetails(editing ? editing.details : null);
      setProblem(null);
      setTab("library");
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open, editing]);

  function toggle(item: MediaView) {
    setProblem(null);
    if (!multiple) {
      setSelected([item]);
      setDetails(initialDetails(item));
      return;
    }
    setSelected((cur) => {
      const next = cur.some((c) => c.id === item.id) ? cur.filter((c) => c.id !== item.id) : [...cur, item];
      setDetails(next.length === 1 ? initialDetails(next[0]!) : null);
      return next;
    });
  }

  function uploaded(item: MediaView) {
    setAdded((a) => [item, ...a]);
    setTab("library");
    if (multiple) {
      setSelected((cur) => {
        const next = [...cur, item];
        setDetails(next.length === 1 ? initialDetails(item) : null);
        return next;
      });
    } else {
      setSelected([item]);
      setDetails(initialDetails(item));
    }
  }

  function done() {
    if (!selected.length) return;
    if (selected.length > 1) {
      const images = selected.filter((s) => s.mimeType.startsWith("image/"));
      if (images.length !== selected.length) return setProblem("A gallery is made of images only: unselect the other files.");
      return finish({ type: "gallery", items: images, columns: Math.min(columns, images.length), crop });
    }
    const item = selected[0]!;
    if (purpose === "featured" && !item.mimeType.startsWith("image/")) return setProblem("The featured image must be an image.");
    const d = details ?? initialDetails(item);
    const bad = linkProblem(d);
    if (bad) return setProblem(bad);
    finish({ type: "single", item: { ...item, alt: d.alt.trim() }, details: d });
    // The alt text goes with the file for next time, as WordPress's modal saves it. The block
    // already has it, so the dialog does not wait for the server (nor stay open meanwhile).
    if (item.mimeType.startsWith("image/") && d.alt.trim() !== item.alt) void saveMediaAlt({ id: item.id, alt: d.alt }).catch(() => {});
  }

  // Closed first: closing a modal dialog gives focus back to the button that opened it, and the
  // caret must then go where the block was inserted, not stay on that button.
  function finish(result: DialogResult) {
    finished.current = true;
    ref.current?.close();
    onDone(result);
  }

  const doneLabel = purpose === "featured" ? "Set featured image" : purpose === "edit" ? "Update" : purpose === "replace" ? "Replace" : selected.length > 1 ? "Insert gallery" : "Insert into post";
  const single = selected.length === 1 ? selected[0]! : null;

  return (
    // The dialog sits inside the post's form: Enter in its fields must not submit the post.
    <dialog ref={ref} aria-labelledby="ink-media-title" onClose={onClose} onCancel={() => onClose()}
      onKeyDown={(e) => { if (e.key === "Enter" && e.target instanceof HTMLInputElement) e.preventDefault(); }}
      className="m-auto h-[min(90vh,44rem)] w-[min(96vw,64rem)] max-w-none rounded bg-white p-0 text-gray-900 shadow-xl backdrop:bg-black/60">
      {open ? (
        <div className="flex h-full flex-col">
          <header className="flex items-center justify-between border-b border-gray-300 px-4 py-2">
            <h2 id="ink-media-title" className="text-lg font-semibold">{TITLES[purpose]}</h2>
            <button type="button" onClick={onClose} aria-label="Close dialog" className="rounded px-2 text-2xl leading-none hover:bg-gray-100">×</button>
          </header>
          {purpose !== "edit" ? (
            <div role="tablist" aria-label="Media source" className="flex gap-1 border-b border-gray-300 px-4">
              {limits ? (
                <button type="button" role="tab" id="ink-media-tab-upload" aria-selected={tab === "upload"} aria-controls="ink-media-panel" onClick={() => setTab("upload")}
                  className={`-mb-px border-b-2 px-3 py-2 ${tab === "upload" ? "border-[#2271b1] font-semibold" : "border-transparent"}`}>Upload files</button>
              ) : null}
              <button type="button" role="tab" id="ink-media-tab-library" aria-selected={tab === "library"} aria-controls="ink-media-panel" onClick={() => setTab("library")}
                className={`-mb-px border-b-2 px-3 py-2 ${tab === "library" ? "border-[#2271b1] font-semibold" : "border-transparent"}`}>Media Library</button>
            </div>
          ) : null}
          <div className="flex min-h-0 flex-1 flex-col overflow-auto md:flex-row">
            {purpose !== "edit" ? (
              <div id="ink-media-panel" role="tabpanel" aria-labelledby={`ink-media-tab-${tab}`} className="min-w-0 flex-1 p-4">
                {/* Both stay mounted, so that the uploads' progress survives a look at the library. */}
                {limits ? <div hidden={tab !== "upload"}><MediaUploads limits={limits} onUploaded={uploaded} /></div> : null}
                <div hidden={tab !== "library"}><MediaLibrary type={libraryType} selected={selected} onToggle={toggle} added={added} /></div>
              </div>
            ) : null}
            {single || selected.length > 1 ? (
              <aside aria-label="Selection" className={`border-t border-gray-300 bg-gray-50 p-4 md:border-l md:border-t-0 ${purpose === "edit" ? "flex-1" : "md:w-80"}`}>
                {single && details && purpose !== "featured" ? (
                  <MediaDetails item={single} value={details} onChange={setDetails} image={single.mimeType.startsWith("image/")} focusLink={editing?.focus === "link"} />
                ) : single ? (
                  <MediaDetails item={single} value={details ?? initialDetails(single)} onChange={setDetails} image={false} />
                ) : (
                  <div className="space-y-3 text-sm">
                    <h3 className="font-semibold">Gallery of {selected.length} images</h3>
                    <div>
                      <label htmlFor="ink-gallery-columns" className="block font-medium">Columns</label>
                      <select id="ink-gallery-columns" value={Math.min(columns, selected.length)} onChange={(e) => setColumns(Number(e.target.value))} className="mt-1 w-full rounded border border-gray-400 p-1">
                        {Array.from({ length: Math.min(8, selected.length) }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
                      </select>
                    </div>
                    <label className="flex items-center gap-2"><input type="checkbox" checked={crop} onChange={(e) => setCrop(e.target.checked)} /> Crop images to fit</label>
                  </div>
                )}
              </aside>
            ) : null}
          </div>
          <footer className="flex items-center justify-end gap-3 border-t border-gray-300 px-4 py-2">
            {problem ? <p role="alert" className="mr-auto text-sm text-red-800">{problem}</p> : null}
            <button type="button" onClick={onClose} className="rounded border border-gray-400 px-3 py-1">Cancel</button>
            <button type="button" onClick={done} disabled={!selected.length} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white disabled:opacity-50">{doneLabel}</button>
          </footer>
        </div>
      ) : null}
    </dialog>
  );
}
