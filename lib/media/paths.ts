// Where uploads live on disk and how a URL path maps to a file there, with traversal impossible.
import path from "node:path";

/** UPLOADS_DIR, else the data folder's uploads/: several servers share one through a shared volume. */
export function uploadsDir(): string {
  if (process.env.UPLOADS_DIR) return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR);
  return path.resolve(/*turbopackIgnore: true*/ process.env.INKWELL_DATA_DIR || "data", "uploads");
}

/** The public URL path of a stored file ("2026/11/a.jpg" → "/wp-content/uploads/2026/11/a.jpg"). */
export function uploadUrl(relPath: string): string {
  return "/wp-content/uploads/" + relPath.split("/").map(encodeURIComponent).join("/");
}

/**
 * The absolute file for URL segments under /wp-content/uploads/, or null when a segment could
 * climb out or hide: "..", ".", dotfiles, separators or NUL (after decoding, so %2e%2e and %2f
 * are caught too), and a final check that the resolved path is still inside the folder.
 */
export function resolveUploadPath(segments: string[], root = uploadsDir()): string | null {
  if (!segments.length || segments.length > 8) return null;
  const clean: string[] = [];
  for (const raw of segments) {
    let s = raw;
    // Next decodes once; decode again until stable so that double-encoded tricks are seen too.
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(s); i++) {
      try {
        s = decodeURIComponent(s);
      } catch {
        return null;
      }
    }
    if (!s || s.startsWith(".") || /[/\\\0:]/.test(s) || s.length > 255) return null;
    clean.push(s);
  }
  const full = path.resolve(root, ...clean);
  if (!full.startsWith(root + path.sep)) return null;
  return full;
}

/** Extra (non-image) types an administrator may allow by extension, detected from bytes too. */
export const EXTRA_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  wav: "audio/wav",
  mp4: "video/mp4",
  webm: "video/webm",
  zip: "application/zip",
};

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jpe: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  ...EXTRA_TYPES,
};

/** Images that browsers may show inline; everything else (SVG and HTML included) downloads. */
export const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"]);

export function contentTypeFor(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}
