"use client";

// Attachment display settings of WordPress's media modal, for one chosen image: alt text (empty
// unless written, never the file name), caption, size, alignment and link.
import type { MediaView } from "@/lib/media/view";
import { IMAGE_ALIGNS, type ImageAlign, type ImageSizeSlug } from "@/lib/media/block-markup";
import { MEDIA_LIMITS } from "@/lib/validation/media";
import type { ImageChoices } from "./blocks";

export type LinkChoice = "none" | "media" | "custom";

export interface DetailsState extends ImageChoices {
  link: LinkChoice;
}

const ALIGN_LABELS: Record<ImageAlign, string> = { none: "None", left: "Left", center: "Center", right: "Right", wide: "Wide width", full: "Full width" };
const SIZE_LABELS: Record<ImageSizeSlug, string> = { thumbnail: "Thumbnail", medium: "Medium", large: "Large", full: "Full Size" };

export function sizeOptions(item: MediaView): { slug: ImageSizeSlug; label: string }[] {
  const out: { slug: ImageSizeSlug; label: string }[] = [];
  for (const slug of ["thumbnail", "medium", "large"] as const) {
    const s = item.sizes[slug];
    if (s) out.push({ slug, label: `${SIZE_LABELS[slug]} – ${s.width} × ${s.height}` });
  }
  out.push({ slug: "full", label: item.width && item.height ? `${SIZE_LABELS.full} – ${item.width} × ${item.height}` : SIZE_LABELS.full });
  return out;
}

export function MediaDetails({ item, value, onChange, image, focusLink }: { item: MediaView; value: DetailsState; onChange: (v: DetailsState) => void; image: boolean; focusLink?: boolean }) {
  const set = (patch: Partial<DetailsState>) => onChange({ ...value, ...patch });
  return (
    <div className="space-y-3 text-sm">
      <h3 className="font-semibold">Attachment details</h3>
      <div className="flex gap-2">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={item.sizes.thumbnail?.url ?? item.url} alt="" className="h-16 w-16 rounded object-cover" />
        ) : null}
        <p className="min-w-0 break-words">
          <strong>{item.title || `Item ${item.id}`}</strong>
          <br />
          {item.mimeType}
          {item.width && item.height ? ` · ${item.width} × ${item.height}` : ""}
        </p>
      </div>
      {image ? (
        <>
          <div>
            <label htmlFor="ink-media-alt" className="block font-medium">Alternative Text</label>
            <textarea id="ink-media-alt" rows={2} value={value.alt} maxLength={MEDIA_LIMITS.alt} onChange={(e) => set({ alt: e.target.value })} aria-describedby="ink-media-alt-help"
              autoFocus={!focusLink} className="mt-1 w-full rounded border border-gray-400 p-1" />
            <p id="ink-media-alt-help" className="text-xs text-gray-700">
              Describe the purpose of the image. Leave it empty if the image is purely decorative. It is saved with the file for next time too.
            </p>
          </div>
          <div>
            <label htmlFor="ink-media-caption" className="block font-medium">Caption</label>
            <textarea id="ink-media-caption" rows={2} value={value.caption} maxLength={MEDIA_LIMITS.caption} onChange={(e) => set({ caption: e.target.value })} className="mt-1 w-full rounded border border-gray-400 p-1" />
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="ink-media-align" className="block font-medium">Alignment</label>
              <select id="ink-media-align" value={value.align} onChange={(e) => set({ align: e.target.value as ImageAlign })} className="mt-1 w-full rounded border border-gray-400 p-1">
                {IMAGE_ALIGNS.map((a) => <option key={a} value={a}>{ALIGN_LABELS[a]}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="ink-media-size" className="block font-medium">Size</label>
              <select id="ink-media-size" value={value.sizeSlug} onChange={(e) => set({ sizeSlug: e.target.value as ImageSizeSlug })} className="mt-1 w-full rounded border border-gray-400 p-1">
                {sizeOptions(item).map((s) => <option key={s.slug} value={s.slug}>{s.label}</option>)}
              </select>
            </div>
          </div>
          <div>
            <label htmlFor="ink-media-link" className="block font-medium">Link To</label>
            <select id="ink-media-link" value={value.link} autoFocus={focusLink}
              onChange={(e) => { const link = e.target.value as LinkChoice; set({ link, href: link === "media" ? item.url : link === "none" ? "" : value.href === item.url ? "" : value.href }); }}
              className="mt-1 w-full rounded border border-gray-400 p-1">
              <option value="none">None</option>
              <option value="media">Media File</option>
              <option value="custom">Custom URL</option>
            </select>
            {value.link === "custom" ? (
              <>
                <label htmlFor="ink-media-href" className="mt-2 block font-medium">URL</label>
                <input id="ink-media-href" type="url" value={value.href} onChange={(e) => set({ href: e.target.value })} placeholder="https://" className="mt-1 w-full rounded border border-gray-400 p-1" />
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** A custom link must be a web address (or a path on this site); anything else is said, not kept. */
export function linkProblem(v: DetailsState): string | null {
  if (v.link !== "custom") return null;
  const href = v.href.trim();
  if (!href) return "Enter the URL the image links to, or choose None.";
  if (href.startsWith("/") && !href.startsWith("//")) return null;
  try {
    const u = new URL(href);
    return u.protocol === "http:" || u.protocol === "https:" ? null : "The link must start with http:// or https://.";
  } catch {
    return "The link must be a full web address, such as https://example.com/.";
  }
}
