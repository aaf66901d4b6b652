// Micropub's request bodies (W3C Micropub §3.3): form-encoded (h=entry, name[]=…) or JSON
// microformats2, normalized to one shape and checked by one schema, then mapped to the shared
// write path's PostWrite. Properties Inkwell has no place for are ignored, as the spec allows.
import { z } from "zod";
import { POST_LIMITS } from "@/lib/validation/post";
import { escapeHtml } from "@/lib/content/escape";
import type { PostWrite } from "@/lib/xmlrpc/posts";
import { MicropubError } from "./errors";

export type Props = Record<string, unknown[]>;

const str = (max: number) => z.string().max(max, `at most ${max.toLocaleString("en")} characters`);
const one = <T extends z.ZodType>(t: T) => z.array(t).max(1, "only one value");
const url = z.url({ protocol: /^https?$/ }).max(2000);

export const MicropubPropsSchema = z.object({
  name: one(str(POST_LIMITS.title)).optional(),
  content: one(z.union([str(POST_LIMITS.content), z.object({ html: str(POST_LIMITS.content) }), z.object({ value: str(POST_LIMITS.content) })])).optional(),
  summary: one(str(POST_LIMITS.excerpt)).optional(),
  category: z.array(str(POST_LIMITS.termName)).max(100).optional(),
  published: one(z.iso.datetime({ offset: true, local: true })).optional(),
  "post-status": one(z.enum(["published", "draft"])).optional(),
  visibility: one(z.enum(["public", "private"])).optional(),
  "mp-slug": one(str(POST_LIMITS.slug)).optional(),
  photo: z.array(z.union([url, z.object({ value: url, alt: str(1000).default("") })])).max(20).optional(),
});
export type MicropubProps = z.infer<typeof MicropubPropsSchema>;

export function parseProps(raw: unknown): MicropubProps {
  const r = MicropubPropsSchema.safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new MicropubError(400, "invalid_request", `${i.path.join(".")}: ${i.message}`);
  }
  return r.data;
}

/** name[]=a&name[]=b and name=a alike: every form field becomes a list, as JSON has them. */
export function formToProps(fields: [string, string][]): Props {
  const out: Props = {};
  for (const [k, v] of fields) {
    const key = k.replace(/\[\]$/, "");
    (out[key] ??= []).push(v);
  }
  return out;
}

/** Plain text as WordPress's Micropub plugin stores it: escaped, a paragraph per blank line. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export function contentHtml(p: MicropubProps, photos: { url: string; alt: string }[]): string | undefined {
  const c = p.content?.[0];
  const body = c === undefined ? undefined : typeof c === "string" ? textToHtml(c) : "html" in c ? c.html : textToHtml(c.value);
  const figures = photos.map((ph) => `<figure class="wp-block-image"><img src="${escapeHtml(ph.url)}" alt="${escapeHtml(ph.alt)}"/></figure>`).join("\n");
  if (body === undefined && !figures) return undefined;
  return [body ?? "", figures].filter(Boolean).join("\n");
}

export function photosOf(p: MicropubProps): { url: string; alt: string }[] {
  return (p.photo ?? []).map((ph) => (typeof ph === "string" ? { url: ph, alt: "" } : { url: ph.value, alt: ph.alt }));
}

/** The post to write from a create request; categories that exist are categories, others tags. */
export function toPostWrite(p: MicropubProps, extraPhotos: { url: string; alt: string }[], categoryNames: Set<string>, draftOnly: boolean): PostWrite {
  const content = contentHtml(p, [...photosOf(p), ...extraPhotos]);
  if (!content && !p.name?.[0]) throw new MicropubError(400, "invalid_request", "Nothing to publish: send content, name or photo.");
  const cats = p.category ?? [];
  const isCat = (c: string) => categoryNames.has(c.toLowerCase());
  const wantsDraft = draftOnly || p["post-status"]?.[0] === "draft";
  return {
    type: "post",
    title: p.name?.[0] ?? "",
    content: content ?? "",
    excerpt: p.summary?.[0],
    status: wantsDraft ? "draft" : p.visibility?.[0] === "private" ? "private" : "publish",
    slug: p["mp-slug"]?.[0],
    date: p.published?.[0] ? new Date(p.published[0]) : undefined,
    categoryNames: { names: cats.filter(isCat), createMissing: false },
    tagNames: cats.filter((c) => !isCat(c)),
  };
}
