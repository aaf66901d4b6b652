// The accent colour a reader sees: the one chosen, darkened or lightened just enough to reach
// WCAG AA (4.5:1) against the theme's background, so that links stay readable whatever is picked,
// and a dark scheme gets a lighter shade of the same hue rather than the light scheme's colour.
const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColour(v: string): boolean {
  return HEX.test(v);
}

function channels(hex: string): [number, number, number] {
  const n = parseInt(HEX.exec(hex)![1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(c: [number, number, number]): string {
  return `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `accent` moved toward black (on a light background) or white (on a dark one) until it reads at 4.5:1. */
export function readableAccent(accent: string, background: string, ratio = 4.5): string {
  if (contrastRatio(accent, background) >= ratio) return accent.toLowerCase();
  const target = luminance(background) > 0.18 ? 0 : 255;
  const from = channels(accent);
  // Mix in small steps: the first shade that passes keeps as much of the chosen colour as possible.
  for (let t = 0.05; t <= 1.0001; t += 0.05) {
    const mixed = toHex(from.map((v) => v + (target - v) * t) as [number, number, number]);
    if (contrastRatio(mixed, background) >= ratio) return mixed;
  }
  return target ? "#ffffff" : "#000000";
}
