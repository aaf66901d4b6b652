// The shared write path of the Settings screens, called by each screen's action after its
// capability check: validate the whole form, then write every option in one transaction.
import "server-only";
import { refreshAfterWrite } from "@/lib/site/refresh";
import { z } from "zod";
import { updateOptions } from "@/db/queries/options";
import type { Options } from "@/lib/options/defaults";
import type { FormState } from "@/lib/form-state";
import { formFields } from "@/lib/validation/settings";

export async function saveSettings<S extends z.ZodType<Partial<Options>>>(
  schema: S,
  formData: FormData,
  check?: (values: z.output<S>) => Promise<Record<string, string> | null>,
): Promise<FormState> {
  const raw = formFields(formData);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "Settings not saved: please correct the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: raw };
  }
  const problems = await check?.(parsed.data);
  if (problems) {
    return { status: "error", message: "Settings not saved: please correct the fields marked below.", fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])), values: raw };
  }
  await updateOptions(parsed.data);
  // Every public page reads options: the next request must see the change.
  refreshAfterWrite();
  return { status: "success", message: "Settings saved." };
}
