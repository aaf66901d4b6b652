"use server";

import { requireCapability } from "@/lib/session";
import { ReadingSettingsSchema } from "@/lib/validation/settings";
import { readingPagesProblem } from "@/lib/options/set-option";
import type { FormState } from "@/lib/form-state";
import { saveSettings } from "../save";

export async function saveReadingSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("manage_options");
  return saveSettings(ReadingSettingsSchema, formData, readingPagesProblem);
}
