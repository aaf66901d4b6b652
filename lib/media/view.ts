// What the admin (and the editor's "insert from library") sees of a media row: URLs, not paths.
import type { Media } from "@/db/schema";
import { uploadUrl } from "./paths";

/** An image as the editor's pickers and the Image widget list it. */
export interface PickerMedia {
  id: number;
  url: string;
  title: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface MediaSizeView {
  url: string;
  width: number;
  height: number;
}

export interface MediaView {
  id: number;
  title: string;
  alt: string;
  caption: string;
  mimeType: string;
  url: string;
  width: number | null;
  height: number | null;
  postId: number | null;
  sizes: Record<string, MediaSizeView>;
}

export function parseSizes(json: string): Record<string, { path: string; width: number; height: number }> {
  try {
    const v = JSON.parse(json || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export function toMediaView(m: Pick<Media, "id" | "title" | "alt" | "caption" | "mimeType" | "path" | "originalUrl" | "width" | "height" | "postId" | "sizes">): MediaView {
  const sizes = parseSizes(m.sizes);
  return {
    id: m.id,
    title: m.title,
    alt: m.alt,
    caption: m.caption,
    mimeType: m.mimeType,
    url: m.path ? uploadUrl(m.path) : m.originalUrl,
    width: m.width,
    height: m.height,
    postId: m.postId,
    sizes: Object.fromEntries(Object.entries(sizes).map(([k, s]) => [k, { url: uploadUrl(s.path), width: s.width, height: s.height }])),
  };
}
