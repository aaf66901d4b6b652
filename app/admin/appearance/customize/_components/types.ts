/** An image the Customize screen offers: its thumbnail for the chooser. */
export interface ChoiceImage {
  id: number;
  title: string;
  thumb: string;
}

export type IdentityFormValues = Record<"custom_logo" | "site_icon" | "header_image" | "accent_color" | "font_pairing", string>;
