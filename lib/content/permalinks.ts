// Permalink structures as in Settings → Permalinks. One function builds a post's path from the
// structure, so changing the structure moves every link at once.
import { slugify } from "./slug";

export const PERMALINK_PRESETS = {
  plain: "",
  day: "/%year%/%monthnum%/%day%/%postname%/",
  month: "/%year%/%monthnum%/%postname%/",
  numeric: "/archives/%post_id%",
  postname: "/%postname%/",
} as const;

export interface PermalinkPost {
  id: number;
  slug: string;
  date: string; // local "YYYY-MM-DD HH:MM:SS"
  type: "post" | "page";
  authorNicename?: string;
  categorySlug?: string;
}

/** The URL path of a post under a structure ("" = plain links, /?p=ID). */
export function postPath(post: PermalinkPost, structure: string): string {
  if (post.type === "page") return `/${encodeURIComponent(post.slug)}/`;
  if (!structure) return `/?p=${post.id}`;
  const [y, mo, d, h, mi, s] = post.date.split(/[- :T]/);
  let out = structure
    .replaceAll("%year%", y ?? "")
    .replaceAll("%monthnum%", mo ?? "")
    .replaceAll("%day%", d ?? "")
    .replaceAll("%hour%", h ?? "")
    .replaceAll("%minute%", mi ?? "")
    .replaceAll("%second%", s ?? "")
    .replaceAll("%post_id%", String(post.id))
    .replaceAll("%postname%", encodeURIComponent(post.slug))
    .replaceAll("%author%", encodeURIComponent(post.authorNicename ?? ""))
    .replaceAll("%category%", encodeURIComponent(post.categorySlug ?? "uncategorized"));
  // Next serves every URL with a trailing slash (trailingSlash: true), as WordPress does.
  if (!out.endsWith("/")) out += "/";
  return out;
}

/** Page paths nest under their parents: /parent/child/. */
export function pagePath(slugs: string[]): string {
  return "/" + slugs.map((s) => encodeURIComponent(s)).join("/") + "/";
}

export interface PermalinkMatch {
  year?: string;
  monthnum?: string;
  day?: string;
  postname?: string;
  post_id?: string;
}

/** Matches URL path segments against a structure; returns the tokens it captured, or null. */
export function matchStructure(segments: string[], structure: string): PermalinkMatch | null {
  if (!structure) return null;
  const parts = structure.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = segments[i]!;
    const re = new RegExp(
      "^" + part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%([a-z_]+)%/g, (_m, name: string) => `(?<${name}>[^/]+)`) + "$",
    );
    const m = re.exec(seg);
    if (!m) return null;
    Object.assign(out, m.groups ?? {});
  }
  for (const [k, v] of Object.entries(out)) {
    if ((k === "year" && !/^\d{4}$/.test(v)) || ((k === "monthnum" || k === "day") && !/^\d{1,2}$/.test(v)) || (k === "post_id" && !/^\d+$/.test(v))) {
      return null;
    }
  }
  return out as PermalinkMatch;
}

export { slugify };
