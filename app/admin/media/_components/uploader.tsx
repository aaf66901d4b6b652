"use client";

import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { useRouter } from "next/navigation";

interface Item {
  key: string;
  name: string;
  progress: number;
  status: "uploading" | "done" | "error";
  message?: string;
  url?: string;
}

/**
 * Pick or drop files; each goes in its own request so that it has its own progress bar
 * (XMLHttpRequest upload events: fetch has no upload progress). Without JavaScript the same form
 * posts the first file to the same route, which answers with a redirect.
 */
export function Uploader({ maxBytes, maxLabel, accept, postId }: { maxBytes: number; maxLabel: string; accept: string; postId?: number }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();

  const update = (key: string, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  function uploadOne(file: File) {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    setItems((all) => [...all, { key, name: file.name, progress: 0, status: "uploading" }]);
    if (file.size > maxBytes) {
      update(key, { status: "error", message: `The file is larger than the ${maxLabel} limit.` });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/media/upload/");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) update(key, { progress: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      let body: { error?: string; url?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: `The upload failed (HTTP ${xhr.status}).` };
      }
      if (xhr.status === 201) {
        update(key, { status: "done", progress: 100, url: body.url });
        router.refresh();
      } else {
        update(key, { status: "error", message: body.error ?? `The upload failed (HTTP ${xhr.status}).` });
      }
    };
    xhr.onerror = () => update(key, { status: "error", message: "The connection was lost during the upload." });
    const fd = new FormData();
    fd.append("file", file);
    if (postId) fd.append("postId", String(postId));
    xhr.send(fd);
  }

  function uploadAll(files: FileList | null) {
    if (!files) return;
    for (const f of Array.from(files)) uploadOne(f);
    if (input.current) input.current.value = "";
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    uploadAll(e.dataTransfer.files);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    uploadAll(input.current?.files ?? null);
  }

  return (
    <section aria-label="Upload files" className="mt-4">
      <form action="/admin/media/upload/" method="post" encType="multipart/form-data" onSubmit={onSubmit}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
        className={`rounded border-2 border-dashed p-6 text-center ${over ? "border-[#2271b1] bg-blue-50" : "border-gray-400 bg-white"}`}>
        <p className="text-lg">Drop files to upload</p>
        <p className="my-2 text-sm">or</p>
        <label className="inline-block cursor-pointer rounded border border-[#2271b1] px-3 py-1 text-[#2271b1]">
          Select Files
          <input ref={input} type="file" name="file" multiple accept={accept} className="sr-only" onChange={(e) => uploadAll(e.target.files)} />
        </label>
        {postId ? <input type="hidden" name="postId" value={postId} /> : null}
        <noscript><button type="submit" className="ml-2 rounded bg-[#2271b1] px-3 py-1 text-white">Upload</button></noscript>
        <p className="mt-3 text-xs text-gray-600">Maximum upload file size: {maxLabel}.</p>
      </form>
      {items.length ? (
        <ul className="mt-3 space-y-2" aria-label="Uploads">
          {items.map((i) => (
            <li key={i.key} className="rounded border border-gray-300 bg-white p-2 text-sm">
              <div className="flex items-center gap-3">
                <span className="w-56 truncate">{i.name}</span>
                <progress max={100} value={i.progress} aria-label={`Upload progress of ${i.name}`} className="h-2 flex-1" />
                <span role="status">
                  {i.status === "uploading" ? `${i.progress}%` : i.status === "done" ? "Uploaded" : null}
                </span>
              </div>
              {i.status === "error" ? <p className="mt-1 text-red-800">“{i.name}” has failed to upload. {i.message}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
