"use server";

import { requireCapability } from "@/lib/session";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { PasteSchema } from "@/lib/validation/paste";
import type { PasteResult } from "@/lib/posts/editor-results";

/**
 * Pasted HTML goes through the very sanitizer saved posts of authors and contributors do, for
 * every role: a clipboard is someone else's markup, whoever pastes it.
 */
export async function sanitizePastedHtmlAction(raw: { html?: unknown }): Promise<PasteResult> {
  await requireCapability("edit_posts");
  const parsed = PasteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Could not paste." };
  return { ok: true, html: sanitizePostHtml(parsed.data.html) };
}
