// Appearance → Customize (app/admin/appearance/customize/): one schema for the saved form and the
// live preview's unsaved draft (lib/identity/site-identity.ts), so both accept the same values.
import { z } from "zod";
import { FONT_PAIRINGS, isFontPairing } from "@/lib/identity/fonts";

const imageId = z.coerce.number({ message: "Choose an image from the media library." }).int().min(0, "Choose an image from the media library.");

export const IDENTITY_IMAGE_FIELDS = { custom_logo: "logo", site_icon: "site icon", header_image: "header image" } as const;

export const IdentitySchema = z.object({
  custom_logo: imageId.default(0),
  site_icon: imageId.default(0),
  header_image: imageId.default(0),
  accent_color: z
    .string()
    .trim()
    .toLowerCase()
    // "#abc" is the same colour as "#aabbcc", as CSS reads it.
    .transform((v) => (/^#[0-9a-f]{3}$/.test(v) ? `#${[...v.slice(1)].map((c) => c + c).join("")}` : v))
    .refine((v) => v === "" || /^#[0-9a-f]{6}$/.test(v), "Enter a hex colour such as #1a5e9a, or leave it empty for the theme's own colour.")
    .default(""),
  font_pairing: z
    .string()
    .refine((v) => v === "" || isFontPairing(v), `Choose one of the listed font pairings (${Object.values(FONT_PAIRINGS).map((f) => f.label).join(", ")}), or the theme's own.`)
    .default(""),
});

export type IdentityValues = z.output<typeof IdentitySchema>;
