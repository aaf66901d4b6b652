// Adding a theme is adding a folder and one line here.
import type { Theme } from "./types";
import { classicTheme } from "./classic";
import { modernTheme } from "./modern";

export const THEMES: Record<string, Theme> = {
  classic: classicTheme,
  modern: modernTheme,
};

export const DEFAULT_THEME = "classic";

export function getTheme(name: string | undefined | null): Theme {
  return (name && THEMES[name]) || THEMES[DEFAULT_THEME]!;
}
