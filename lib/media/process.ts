// The upload pipeline: type from the bytes (never the name or the browser's word), raster images
// only unless a setting allows more, then WordPress's sizes made with sharp. SVG is never given to
// sharp (it would render untrusted XML); it is not an accepted type at all.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { fileTypeFromBuffer } from "file-type";
import { slugify } from "@/lib/content/slug";
import { EXTRA_TYPES, uploadsDir } from "./paths";

export { EXTRA_TYPES };

export const RASTER_IMAGE_TYPES: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
};


// WordPress's registered sizes: thumbnail is cropped, the others fit inside their box.
export const IMAGE_SIZES = [
  { name: "thumbnail", width: 150, height: 150, crop: true },
  { name: "medium", width: 300, height: 300, crop: false },
  { name: "medium_large", width: 768, height: 0, crop: false },
  { name: "large", width: 1024, height: 1024, crop: false },
] as const;
export type ImageSizeName = (typeof IMAGE_SIZES)[number]["name"];

export interface StoredSize {
  path: string;
  width: number;
  height: number;
}

export interface StoredUpload {
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  sizes: Partial<Record<ImageSizeName, StoredSize>>;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

// A decompression bomb (a tiny file claiming 100 000 × 100 000 pixels) is refused before decoding.
const MAX_PIXELS = 80_000_000;

export interface UploadPolicy {
  maxBytes: number;
  /** Comma separated extensions of EXTRA_TYPES that are allowed besides images. */
  extraTypes: string;
}

export function allowedExtraTypes(extraTypes: string): Set<string> {
  return new Set(
    extraTypes
      .split(/[\s,]+/)
      .map((s) => s.trim().toLowerCase().replace(/^\./, ""))
      .filter((s) => s in EXTRA_TYPES)
      .map((s) => EXTRA_TYPES[s]!),
  );
}

/** Checks bytes against the policy; returns the detected MIME type and extension. */
export async function detectType(bytes: Uint8Array, policy: UploadPolicy): Promise<{ mime: string; ext: string }> {
  if (bytes.byteLength === 0) throw new UploadError("The file is empty.", 400);
  if (bytes.byteLength > policy.maxBytes) throw new UploadError(`The file is larger than the ${formatBytes(policy.maxBytes)} limit.`, 413);
  const detected = await fileTypeFromBuffer(bytes);
  if (detected && RASTER_IMAGE_TYPES[detected.mime]) return { mime: detected.mime, ext: RASTER_IMAGE_TYPES[detected.mime]! };
  if (detected && allowedExtraTypes(policy.extraTypes).has(detected.mime)) return { mime: detected.mime, ext: detected.ext };
  throw new UploadError(
    detected
      ? `Sorry, files of this type (${detected.mime}) are not allowed.`
      : "Sorry, this file is not an image this site accepts: its content is not JPEG, PNG, GIF or WebP, whatever its name says.",
    415,
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The base of a file name as WordPress would keep it: slugified, or "file" if nothing is left. */
export function safeBaseName(originalName: string): string {
  const base = path.basename(originalName.replace(/\\/g, "/")).replace(/\.[^.]*$/, "");
  return slugify(base).slice(0, 80).replace(/-+$/, "") || "file";
}

/** Which sizes to make for an image, and their dimensions (never larger than the original). */
export function plannedSizes(width: number, height: number): { name: ImageSizeName; width: number; height: number; crop: boolean }[] {
  const out: { name: ImageSizeName; width: number; height: number; crop: boolean }[] = [];
  for (const s of IMAGE_SIZES) {
    if (s.crop) {
      if (width <= s.width && height <= s.height) continue;
      out.push({ name: s.name, width: Math.min(width, s.width), height: Math.min(height, s.height), crop: true });
      continue;
    }
    const maxW = s.width || Infinity;
    const maxH = s.height || Infinity;
    if (width <= maxW && height <= maxH) continue;
    const scale = Math.min(maxW / width, maxH / height);
    out.push({ name: s.name, width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), crop: false });
  }
  return out;
}

/** Claims a free name in `dir` atomically (O_EXCL): photo.jpg, photo-1.jpg, photo-2.jpg ... */
async function claimName(dir: string, base: string, ext: string): Promise<{ name: string; handle: fs.FileHandle }> {
  for (let n = 0; n < 1000; n++) {
    const name = n === 0 ? `${base}.${ext}` : `${base}-${n}.${ext}`;
    try {
      return { name, handle: await fs.open(path.join(dir, name), "wx") };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  throw new Error("No free file name");
}

/**
 * Validates and stores an upload under uploads/YYYY/MM/, with its image sizes. On any failure
 * no file is left behind.
 */
export async function storeUpload(bytes: Uint8Array, originalName: string, policy: UploadPolicy, now = new Date(), root = uploadsDir()): Promise<StoredUpload> {
  const { mime, ext } = await detectType(bytes, policy);
  let width: number | null = null;
  let height: number | null = null;
  const isImage = !!RASTER_IMAGE_TYPES[mime];
  if (isImage) {
    try {
      const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
      if (!meta.width || !meta.height) throw new Error("no dimensions");
      // EXIF orientations 5–8 swap the sides: record what a reader sees.
      const swap = (meta.orientation ?? 1) >= 5;
      width = swap ? meta.height : meta.width;
      height = swap ? meta.width : meta.height;
      if (width * height > MAX_PIXELS) throw new Error("too many pixels");
    } catch {
      throw new UploadError("The image could not be read: it is damaged, too large in pixels, or not really an image.", 400);
    }
  }
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  const dir = path.join(root, yyyy, mm);
  await fs.mkdir(dir, { recursive: true });
  const base = safeBaseName(originalName);
  const { name, handle } = await claimName(dir, base, ext);
  const written: string[] = [path.join(dir, name)];
  try {
    await handle.writeFile(bytes);
    await handle.close();
    const sizes: StoredUpload["sizes"] = {};
    if (isImage && width && height) {
      const stem = name.replace(/\.[^.]+$/, "");
      for (const s of plannedSizes(width, height)) {
        const file = `${stem}-${s.width}x${s.height}.${ext}`;
        const full = path.join(dir, file);
        written.push(full);
        // The dimensions were computed above with the aspect ratio kept, as WordPress does.
        await sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false })
          .rotate()
          .resize(s.width, s.height, { fit: s.crop ? "cover" : "fill" })
          .toFile(full);
        sizes[s.name] = { path: `${yyyy}/${mm}/${file}`, width: s.width, height: s.height };
      }
    }
    return { path: `${yyyy}/${mm}/${name}`, fileName: name, mimeType: mime, size: bytes.byteLength, width, height, sizes };
  } catch (e) {
    await handle.close().catch(() => {});
    await Promise.all(written.map((f) => fs.rm(f, { force: true })));
    throw e;
  }
}

/** Removes a stored file and its sizes; missing files are fine (already gone). */
export async function removeStoredFiles(relPaths: string[], root = uploadsDir()): Promise<void> {
  await Promise.all(
    relPaths
      .filter(Boolean)
      .map((p) => path.resolve(root, p))
      .filter((full) => full.startsWith(root + path.sep))
      .map((full) => fs.rm(full, { force: true })),
  );
}
