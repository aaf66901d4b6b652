"use server";

import { requireCapability } from "@/lib/session";
import { ReadingSettingsSchema } from "@/lib/validation/settings";
import { isPublishedPage } from "@/db/queries/settings";
import type { FormState } from "@/lib/form-state";
import { saveSettings } from "../save";

export async function saveReadingSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("manage_options");
  return saveSettings(ReadingSettingsSchema, formData, (v): Record<string, string> | null => {
    if (v.show_on_front !== "page") return null;
    if (!isPublishedPage(v.page_on_front)) return { page_on_front: "Choose a published page." };
    if (v.page_for_posts && !isPublishedPage(v.page_for_posts)) return { page_for_posts: "Choose a published page." };
    return null;
  });
}
