"use server";

import { requireCapability } from "@/lib/session";
import { GeneralSettingsSchema } from "@/lib/validation/settings";
import type { FormState } from "@/lib/form-state";
import { saveSettings } from "../save";

export async function saveGeneralSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("manage_options");
  return saveSettings(GeneralSettingsSchema, formData);
}
