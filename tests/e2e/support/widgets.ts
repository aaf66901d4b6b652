// What seed-widgets.ts made, for admin/widgets.spec.ts.
export const WIDGETS_SEED = {
  image: { title: "Widgets test picture", alt: "Blue hills under a yellow sun" },
} as const;
