"use client";

// The editor's Featured image box. The select is the posted field and works without JavaScript;
// with it, "Set featured image" opens the media dialog (upload or pick) and shows the image.
import { useState } from "react";
import { flushSync } from "react-dom";
import type { PickerMedia } from "@/lib/media/view";
import { MediaDialog } from "./media-dialog";
import type { UploadLimits } from "./media-uploads";

export function FeaturedImagePanel({ images, initialId, limits, error, describedBy }: { images: PickerMedia[]; initialId: string; limits: UploadLimits | null; error?: React.ReactNode; describedBy?: string }) {
  const [choices, setChoices] = useState(images);
  const [value, setValue] = useState(initialId);
  const [open, setOpen] = useState(false);
  const current = choices.find((m) => String(m.id) === value);

  return (
    <section aria-labelledby="featured-h" className="rounded border border-gray-300 bg-white p-3">
      <h2 id="featured-h" className="font-semibold"><label htmlFor="featuredMediaId">Featured image</label></h2>
      {current ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={current.url} alt={current.alt} className="mt-2 max-h-40 w-full rounded object-contain" />
      ) : null}
      <select id="featuredMediaId" name="featuredMediaId" value={value} aria-describedby={describedBy}
        onChange={(e) => setValue(e.target.value)} className="mt-2 w-full rounded border border-gray-400 px-2 py-1">
        <option value="">(none)</option>
        {choices.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
      </select>
      <div className="mt-2 flex flex-wrap gap-2">
        {limits ? <button type="button" onClick={() => setOpen(true)} className="rounded border border-[#2271b1] px-2 py-0.5 text-[#2271b1]">
          {current ? "Replace featured image" : "Set featured image"}
        </button> : null}
        {current ? <button type="button" onClick={() => setValue("")} className="text-red-700 underline">Remove featured image</button> : null}
      </div>
      {error}
      <MediaDialog open={open} purpose="featured" libraryType="image" limits={limits} onClose={() => setOpen(false)}
        onDone={(r) => {
          setOpen(false);
          if (r.type !== "single") return;
          const it = r.item;
          // Rendered at once, so that the change event below reads the new option as the value.
          flushSync(() => {
            setChoices((cs) => (cs.some((c) => c.id === it.id) ? cs : [{ id: it.id, url: it.url, title: it.title, alt: it.alt, width: it.width, height: it.height }, ...cs]));
            setValue(String(it.id));
          });
          // The form counts a changed select as an unsaved change; a value set in code fires no event.
          document.getElementById("featuredMediaId")?.dispatchEvent(new Event("change", { bubbles: true }));
        }} />
    </section>
  );
}
