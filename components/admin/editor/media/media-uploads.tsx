"use client";

// The dialog's Upload tab: a file picker and a drop zone, one progress bar per file.
import { useId, useRef, useState, type DragEvent } from "react";
import type { MediaView } from "@/lib/media/view";
import { uploadFile } from "./upload";

interface Item {
  key: string;
  name: string;
  progress: number;
  error?: string;
  done?: boolean;
}

export interface UploadLimits {
  maxBytes: number;
  maxLabel: string;
  accept: string;
  postId: number | null;
}

export function MediaUploads({ limits, onUploaded }: { limits: UploadLimits; onUploaded: (item: MediaView) => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const update = (key: string, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function uploadAll(files: FileList | null) {
    if (!files?.length) return;
    const list = Array.from(files);
    if (input.current) input.current.value = "";
    await Promise.all(
      list.map(async (file) => {
        const key = `${file.name}-${Math.random()}`;
        setItems((all) => [...all, { key, name: file.name, progress: 0 }]);
        const res = await uploadFile(file, { ...limits, onProgress: (progress) => update(key, { progress }) });
        if (res.ok) {
          update(key, { progress: 100, done: true });
          onUploaded(res.item);
        } else {
          update(key, { error: res.message });
        }
      }),
    );
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void uploadAll(e.dataTransfer.files);
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-2 rounded border-2 border-dashed p-6 text-center ${over ? "border-[#2271b1] bg-blue-50" : "border-gray-400"}`}
      >
        <p className="text-base">Drop files to upload</p>
        <p>or</p>
        <label className="cursor-pointer rounded border border-[#2271b1] px-3 py-1 text-[#2271b1] focus-within:outline focus-within:outline-2">
          Select Files
          <input ref={input} type="file" multiple accept={limits.accept} aria-describedby={hintId} className="sr-only" onChange={(e) => void uploadAll(e.target.files)} />
        </label>
        <p id={hintId} className="text-xs text-gray-700">Maximum upload file size: {limits.maxLabel}.</p>
      </div>
      {items.length ? (
        <ul aria-label="Uploads" className="space-y-2">
          {items.map((i) => (
            <li key={i.key} className="text-sm">
              <span className="block truncate">{i.name}</span>
              {i.error ? (
                <p role="alert" className="border-l-4 border-red-700 bg-red-50 p-2">{i.error}</p>
              ) : (
                <>
                  <progress max={100} value={i.progress} aria-label={`Uploading ${i.name}`} className="w-full" />
                  <span role="status" className="text-xs">{i.done ? "Uploaded" : i.progress === 100 ? "Processing…" : `${i.progress}%`}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
