"use server";

import { requireCapability } from "@/lib/session";
import { WritingSettingsSchema } from "@/lib/validation/settings";
import type { FormState } from "@/lib/form-state";
import { saveSettings } from "../save";

export async function saveWritingSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("manage_options");
  return saveSettings(WritingSettingsSchema, formData);
}
