"use client";

import { useState, type ChangeEvent } from "react";
import { useScripted } from "./use-scripted";
import type { ChoiceImage } from "./types";

/**
 * One image setting: a radio per library image (thumbnails in a scrolling box), "None" first.
 * Plain radios, so the form posts without JavaScript; with it, a new file can be uploaded here
 * through the Media screen's upload route and is chosen at once.
 */
export function ImageField({ name, legend, help, images, value, onUploaded, canUpload, error }: {
  name: string;
  legend: string;
  help: string;
  images: ChoiceImage[];
  value: string;
  onUploaded: (img: ChoiceImage) => void;
  canUpload: boolean;
  error?: string[];
}) {
  const [selected, setSelected] = useState(value);
  const [status, setStatus] = useState("");
  // The upload button needs JavaScript: without it, only the library link is offered.
  const scripted = useScripted();
  const errId = `${name}-error`;

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setStatus(`Uploading ${file.name}…`);
    const fd = new FormData();
    fd.append("file", file);
    try {
      const res = await fetch("/admin/media/upload/", { method: "POST", body: fd, headers: { accept: "application/json" } });
      const body = (await res.json()) as { id?: number; title?: string; url?: string; mimeType?: string; error?: string; sizes?: Record<string, { url: string }> };
      if (res.status !== 201 || !body.id || !body.url) throw new Error(body.error ?? `The upload failed (HTTP ${res.status}).`);
      if (!body.mimeType?.startsWith("image/")) throw new Error("That file is not an image.");
      onUploaded({ id: body.id, title: body.title || file.name, thumb: body.sizes?.thumbnail?.url ?? body.url });
      setSelected(String(body.id));
      setStatus(`Uploaded and chosen: ${body.title || file.name}.`);
      // The radios' change event drives the preview; a chosen upload must refresh it as well.
      queueMicrotask(() => input.form?.dispatchEvent(new Event("change", { bubbles: true })));
    } catch (err) {
      setStatus(err instanceof Error ? err.message : "The upload failed.");
    }
    input.value = "";
  }

  return (
    <fieldset className="border-t border-[#dcdcde] pt-4" aria-describedby={error?.length ? errId : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <p className="mt-1 text-xs text-[#50575e]">{help}</p>
      <div className="mt-2 grid max-h-44 grid-cols-[repeat(auto-fill,minmax(4rem,1fr))] gap-2 overflow-y-auto border border-[#dcdcde] bg-[#f6f7f7] p-2">
        <label className="relative flex aspect-square cursor-pointer items-center justify-center border border-[#c3c4c7] bg-white text-xs has-[:checked]:outline has-[:checked]:outline-3 has-[:checked]:outline-[#2271b1]">
          <input type="radio" name={name} value="0" checked={selected === "0"} onChange={() => setSelected("0")} className="absolute left-1 top-1 h-4 w-4" />
          None
        </label>
        {images.map((img) => (
          <label key={img.id} title={img.title} className="relative block aspect-square cursor-pointer border border-[#c3c4c7] bg-white has-[:checked]:outline has-[:checked]:outline-3 has-[:checked]:outline-[#2271b1]">
            {/* A visible radio on each thumbnail: the choice shows, and a pointer or a key reaches it. */}
            <input type="radio" name={name} value={img.id} checked={selected === String(img.id)} onChange={() => setSelected(String(img.id))} className="absolute left-1 top-1 z-10 h-4 w-4" />
            {/* eslint-disable-next-line @next/next/no-img-element -- our own thumbnails, already sized */}
            <img src={img.thumb} alt="" loading="lazy" className="h-full w-full object-cover" />
            <span className="sr-only">{img.title}</span>
          </label>
        ))}
      </div>
      {error?.length ? <p id={errId} className="mt-1 text-sm text-red-800">{error.join(" ")}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {canUpload && scripted ? (
          <label className="cursor-pointer rounded border border-[#2271b1] px-2 py-1 text-[#2271b1] has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-[#1d2327]">
            Upload a new {legend.toLowerCase()}
            <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" onChange={upload} className="sr-only" />
          </label>
        ) : null}
        <a href="/admin/media/" className="text-[#2271b1] underline">Media Library</a>
      </div>
      <p role="status" className="mt-1 text-xs">{status}</p>
    </fieldset>
  );
}
