"use server";

import { refreshAfterWrite } from "@/lib/site/refresh";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { QuickDraftSchema, plainTextToHtml } from "@/lib/validation/quick-draft";
import { getOptions } from "@/db/queries/options";
import { insertPost, isSlugTaken } from "@/db/queries/posts";
import { slugify, findUniqueSlug } from "@/lib/content/slug";
import { nowGmt, toSqlLocal } from "@/lib/dates";
import type { FormState } from "@/lib/form-state";

export async function quickDraftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCapability("edit_posts");
  const raw = { title: String(formData.get("title") ?? ""), content: String(formData.get("content") ?? "") };
  const parsed = QuickDraftSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "The draft was not saved.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: raw };
  const { title, content } = parsed.data;
  const opts = await getOptions();
  const gmt = nowGmt();
  const local = toSqlLocal(new Date(), opts.timezone_string);
  const draft = {
    type: "post" as const,
    status: "draft" as const,
    title,
    content: plainTextToHtml(content),
    authorId: user.id,
    commentStatus: opts.default_comment_status,
    pingStatus: opts.default_ping_status,
    date: local,
    dateGmt: gmt,
    modified: local,
    modifiedGmt: gmt,
  };
  // The unique index settles a race with another save of the same title: then pick again.
  for (let attempt = 0; ; attempt++) {
    try {
      await insertPost({ ...draft, slug: await findUniqueSlug(slugify(title), async (s) => await isSlugTaken("post", s), "draft") });
      break;
    } catch (e) {
      if (attempt >= 2 || !(e instanceof Error) || !/UNIQUE constraint failed/.test(e.message)) throw e;
    }
  }
  refreshAfterWrite();
  return { status: "success", message: "Draft saved." };
}
