export const THEME_META = {
  name: "modern",
  label: "Modern",
  author: "Inkwell Themes",
  authorUrl: "https://inkwell.example/themes/modern/",
  description: "One calm column with generous type; follows the reader's light or dark system setting.",
  paper: { light: "#fcfcfd", dark: "#16161a" },
  menuLocations: ["header", "footer", "social"] as const,
};
