export const THEME_META = {
  name: "classic",
  label: "Classic",
  author: "Inkwell Themes",
  authorUrl: "https://inkwell.example/themes/classic/",
  description: "The two-column look of a classic WordPress blog: header, content with sidebar, footer.",
  paper: { light: "#ffffff" },
  menuLocations: ["header", "footer", "social"] as const,
};
