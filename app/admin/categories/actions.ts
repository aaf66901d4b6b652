"use server";

import { redirect } from "next/navigation";
import { refreshAfterWrite } from "@/lib/site/refresh";
import { requireCapability } from "@/lib/session";
import { TermFormSchema, TermIdSchema, formDataToObject } from "@/lib/validation/post";
import type { FormState } from "@/lib/form-state";
import { getOptions } from "@/db/queries/options";
import { deleteTerm, saveTerm } from "@/db/queries/term-admin";

const listOf = (taxonomy: string) => (taxonomy === "post_tag" ? "/admin/tags/" : "/admin/categories/");

/** Add or edit a category or tag (WordPress maps manage_post_tags to manage_categories too). */
export async function saveTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("manage_categories");
  const raw = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v ?? "")]));
  const parsed = TermFormSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Some fields need attention.", fieldErrors: parsed.error.flatten().fieldErrors, values };
  const d = parsed.data;
  const result = await saveTerm({ id: d.id, taxonomy: d.taxonomy, name: d.name, slug: d.slug, description: d.description, parentId: d.parentId ?? null });
  if (!result.ok) {
    if ("notFound" in result) return { status: "error", message: "That item no longer exists.", values };
    return { status: "error", message: "Some fields need attention.", fieldErrors: { [result.field]: [result.message] }, values };
  }
  refreshAfterWrite();
  redirect(`${listOf(d.taxonomy)}?done=${d.id ? "updated" : "added"}&name=${encodeURIComponent(result.term.name)}`);
}

export async function deleteTermAction(formData: FormData) {
  await requireCapability("manage_categories");
  const parsed = TermIdSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) redirect(`${listOf(String(formData.get("taxonomy")))}?error=invalid`);
  const result = await deleteTerm(parsed.data.taxonomy, parsed.data.id, (await getOptions()).default_category);
  if (!result.ok) redirect(`${listOf(parsed.data.taxonomy)}?error=${encodeURIComponent(result.message)}`);
  refreshAfterWrite();
  redirect(`${listOf(parsed.data.taxonomy)}?done=deleted&moved=${result.moved}`);
}
