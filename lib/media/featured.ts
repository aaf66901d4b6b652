// A featured image as themes render it: the full file, a srcset of its generated sizes
// (WordPress's thumbnail is cropped, so it is left out), and the dimensions and alt text.
import type { FeaturedImage } from "@/lib/content/views";
import { parseSizes } from "./view";
import { uploadUrl } from "./paths";

export function toFeaturedImage(m: { path: string; mimeType: string; width: number | null; height: number | null; alt: string; sizes: string } | undefined): FeaturedImage | undefined {
  // Only a stored raster image with known dimensions (no layout shift) is shown.
  if (!m || !m.path || !m.mimeType.startsWith("image/") || !m.width || !m.height) return undefined;
  const candidates = new Map<number, string>();
  for (const [name, s] of Object.entries(parseSizes(m.sizes))) {
    if (name === "thumbnail" || !s?.path || !s.width || !s.height) continue;
    // Same aspect ratio only (within 1%): a srcset may only offer the same picture.
    if (Math.abs(s.width / s.height - m.width / m.height) > 0.01 * (m.width / m.height)) continue;
    candidates.set(s.width, uploadUrl(s.path));
  }
  candidates.set(m.width, uploadUrl(m.path));
  const srcSet = candidates.size > 1 ? [...candidates].sort((a, b) => a[0] - b[0]).map(([w, url]) => `${url} ${w}w`).join(", ") : undefined;
  return {
    src: uploadUrl(m.path),
    srcSet,
    sizes: srcSet ? `(max-width: ${m.width}px) 100vw, ${m.width}px` : undefined,
    width: m.width,
    height: m.height,
    alt: m.alt,
  };
}
