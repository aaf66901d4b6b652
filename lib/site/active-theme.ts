import { getOptions } from "@/db/queries/options";
import { getTheme } from "@/themes/registry";

export function getActiveTheme() {
  return getTheme(getOptions().template);
}
