// Dashboard → Quick Draft: a title and some plain text.
import { z } from "zod";
import { escapeHtml } from "@/lib/content/escape";

export const QUICK_DRAFT_LIMITS = { title: 200, content: 65_535 } as const;

export const QuickDraftSchema = z
  .object({
    title: z.string().trim().max(QUICK_DRAFT_LIMITS.title, "The title is too long."),
    content: z.string().trim().max(QUICK_DRAFT_LIMITS.content, "The text is too long."),
  })
  .refine((v) => v.title || v.content, { path: ["title"], message: "Write a title or some content first." });

/** Plain text as HTML paragraphs: escaped, so that Quick Draft never stores markup anyone typed. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}
