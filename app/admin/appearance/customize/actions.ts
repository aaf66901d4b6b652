"use server";
// Appearance → Customize: publish the site identity (logo, icon, header image, accent, fonts).
import { cookies } from "next/headers";
import { refreshAfterWrite } from "@/lib/site/refresh";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { updateOptions } from "@/db/queries/options";
import type { FormState } from "@/lib/form-state";
import { formFields } from "@/lib/validation/settings";
import { IdentitySchema } from "@/lib/validation/identity";
import { identityImagesProblem } from "@/lib/identity/site-identity";
import { CUSTOMIZE_PREVIEW_COOKIE } from "@/lib/identity/preview-cookie";

const NOT_SAVED = "Not published: please correct the fields marked below.";

export async function saveIdentityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("edit_theme_options");
  const raw = formFields(formData);
  const parsed = IdentitySchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: NOT_SAVED, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: raw };
  const problems = await identityImagesProblem(parsed.data);
  if (problems) return { status: "error", message: NOT_SAVED, fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])), values: raw };
  // An options write moves the content version, which empties every cached page.
  await updateOptions(parsed.data);
  (await cookies()).delete(CUSTOMIZE_PREVIEW_COOKIE);
  refreshAfterWrite();
  return { status: "success", message: "Published: visitors now see these changes." };
}
