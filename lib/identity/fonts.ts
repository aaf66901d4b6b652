// The font pairings Appearance → Customize offers. System font stacks only (the modern-font-stacks
// collection's families): every reader's device already has one of each, so nothing is fetched at
// build or run time and no page waits for a web font. The generic family ends each stack.
export interface FontPairing {
  label: string;
  heading: string;
  body: string;
}

const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif`;
const HUMANIST = `Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif`;
const TRANSITIONAL = `Charter, "Bitstream Charter", "Sitka Text", Cambria, "Liberation Serif", serif`;
const OLD_STYLE = `"Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, "DejaVu Serif", serif`;
const GEOMETRIC = `Avenir, Montserrat, Corbel, "URW Gothic", "DejaVu Sans", source-sans-pro, sans-serif`;
const MONO = `ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace`;

export const FONT_PAIRINGS = {
  "sans-serif": { label: "Sans headings, serif text", heading: SANS, body: TRANSITIONAL },
  "serif": { label: "Serif throughout", heading: OLD_STYLE, body: OLD_STYLE },
  "sans": { label: "Sans throughout", heading: HUMANIST, body: HUMANIST },
  "geometric": { label: "Geometric headings, sans text", heading: GEOMETRIC, body: SANS },
  "typewriter": { label: "Monospace headings, serif text", heading: MONO, body: TRANSITIONAL },
} satisfies Record<string, FontPairing>;

export type FontPairingKey = keyof typeof FONT_PAIRINGS;

export function isFontPairing(key: string): key is FontPairingKey {
  return Object.hasOwn(FONT_PAIRINGS, key);
}
