// Old WordPress media addresses and the local copies that replace them. WordPress names its
// sizes photo-300x200.jpg beside photo.jpg (photo-scaled.jpg for a big original since 5.3), lists
// them in srcset, and Jetpack serves them as photo.jpg?resize=300,200 or through i0.wp.com: all
// of these name the same attachment.
import { parseSizes } from "@/lib/media/view";
import { uploadUrl } from "@/lib/media/paths";

export interface LocalCopy {
  url: string;
  width: number | null;
  height: number | null;
  sizes: { url: string; width: number; height: number }[];
}

const SIZE_SUFFIX = /-(\d+)x(\d+)(\.[a-z0-9]+)$/i;
const SCALED_SUFFIX = /-scaled(\.[a-z0-9]+)$/i;
const PHOTON = /^i[0-3]\.wp\.com$/i;

interface Parsed {
  key: string;
  width?: number;
  height?: number;
}

/** The attachment an address names (host and path, without scheme, size suffix or query), and the size it asks for. */
export function mediaKey(raw: string): Parsed | null {
  let u: URL;
  try {
    u = new URL(raw.startsWith("//") ? `http:${raw}` : raw);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  let host = u.host.toLowerCase().replace(/^www\./, "");
  let path = u.pathname;
  if (PHOTON.test(host)) {
    const [, first, ...rest] = path.split("/");
    if (!first) return null;
    host = first.toLowerCase().replace(/^www\./, "");
    path = `/${rest.join("/")}`;
  }
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  let width: number | undefined;
  let height: number | undefined;
  const sized = SIZE_SUFFIX.exec(path);
  if (sized) {
    width = Number(sized[1]);
    height = Number(sized[2]);
    path = path.slice(0, sized.index) + sized[3];
  }
  path = path.replace(SCALED_SUFFIX, "$1");
  const resize = u.searchParams.get("resize") ?? u.searchParams.get("fit");
  const w = u.searchParams.get("w");
  if (resize) {
    const [rw, rh] = resize.split(",").map((n) => Number.parseInt(n, 10));
    if (rw) width = rw;
    if (rh) height = rh;
  } else if (w && Number.parseInt(w, 10) > 0) width = Number.parseInt(w, 10);
  return { key: `${host}${path}`, width, height };
}

export function localCopyOf(m: { path: string; width: number | null; height: number | null; sizes: string }): LocalCopy {
  return {
    url: uploadUrl(m.path),
    width: m.width,
    height: m.height,
    sizes: Object.values(parseSizes(m.sizes))
      .filter((s) => s?.path)
      .map((s) => ({ url: uploadUrl(s.path), width: s.width, height: s.height })),
  };
}

function pick(copy: LocalCopy, width?: number, height?: number): string {
  if (!width) return copy.url;
  const exact = copy.sizes.find((s) => s.width === width && (!height || s.height === height));
  if (exact) return exact.url;
  // A size WordPress made that Inkwell did not (or a custom width): the nearest larger one keeps it sharp.
  const larger = copy.sizes.filter((s) => s.width >= width && (!height || Math.abs(s.width / s.height - width / height) < 0.02)).sort((a, b) => a.width - b.width)[0];
  return larger?.url ?? copy.url;
}

// An address in HTML or in a shortcode attribute: up to a quote, space, angle bracket or
// bracket. Commas may sit inside (?resize=300,200); a trailing one is srcset's separator.
const URL_IN_TEXT = /(?:https?:)?\/\/[^\s"'<>()[\]\\]+/gi;

/** `html` with every address of an attachment in `copies` (by mediaKey) replaced by its local copy. */
export function rewriteMediaUrls(html: string, copies: Map<string, LocalCopy>): string {
  if (!html || !copies.size) return html;
  return html.replace(URL_IN_TEXT, (found) => {
    const trail = /[.,;:!?]+$/.exec(found)?.[0] ?? "";
    const url = trail ? found.slice(0, -trail.length) : found;
    // Entities in attributes (&amp;) are part of the text, not of the address.
    const parsed = mediaKey(url.replace(/&amp;/g, "&").replace(/&#0?44;/g, ","));
    const copy = parsed && copies.get(parsed.key);
    return copy ? pick(copy, parsed.width, parsed.height) + trail : found;
  });
}
