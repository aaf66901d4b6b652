// Appearance → Customize: what its form accepts, which images it takes, and how the accent colour
// and font pairing reach a theme (readable in light and dark) — against SQLite with the migrations.
import { describe, it, expect, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => null }));

const { makeUser } = await import("../support/factories");
const { insertMedia } = await import("@/db/queries/media");
const { getDataVersion } = await import("@/db/queries/archives");
const { getOptions, updateOptions } = await import("@/db/queries/options");
const { IdentitySchema } = await import("@/lib/validation/identity");
const { contrastRatio, readableAccent } = await import("@/lib/identity/accent");
const { identityCss, identityImagesProblem } = await import("@/lib/identity/site-identity");
const { FONT_PAIRINGS } = await import("@/lib/identity/fonts");
const { THEMES } = await import("@/themes/registry");

const base = { custom_logo: "0", site_icon: "0", header_image: "0", accent_color: "", font_pairing: "" };

describe("the Customize form's schema", () => {
  it("takes a hex colour in any case, short or long, and empty for the theme's own", () => {
    expect(IdentitySchema.parse({ ...base, accent_color: " #C0FFEE " }).accent_color).toBe("#c0ffee");
    expect(IdentitySchema.parse({ ...base, accent_color: "#AbC" }).accent_color).toBe("#aabbcc");
    expect(IdentitySchema.parse({ ...base, accent_color: "" }).accent_color).toBe("");
  });

  it("refuses what is not a hex colour, with a message that says what to type", () => {
    for (const bad of ["red", "#12345g", "1a5e9a", "#1a5e9a00", "rgb(0,0,0)", "#fff;}body{display:none"]) {
      const r = IdentitySchema.safeParse({ ...base, accent_color: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/hex colour such as #1a5e9a/);
    }
  });

  it("takes only a listed font pairing, and image ids that are whole numbers", () => {
    expect(IdentitySchema.parse({ ...base, font_pairing: "serif" }).font_pairing).toBe("serif");
    expect(IdentitySchema.safeParse({ ...base, font_pairing: "comic-sans" }).error?.issues[0]?.message).toMatch(/Choose one of the listed font pairings/);
    expect(IdentitySchema.safeParse({ ...base, font_pairing: "__proto__" }).success).toBe(false);
    expect(IdentitySchema.safeParse({ ...base, custom_logo: "abc" }).success).toBe(false);
    expect(IdentitySchema.safeParse({ ...base, site_icon: "-3" }).success).toBe(false);
    expect(IdentitySchema.parse({ ...base, header_image: "12" }).header_image).toBe(12);
  });
});

describe("the images Customize accepts", () => {
  it("are image attachments that exist; a PDF or a deleted id is refused by name", async () => {
    const u = await makeUser("administrator");
    const image = await insertMedia({ authorId: u.id, path: "2026/12/logo.png", fileName: "logo.png", mimeType: "image/png", width: 400, height: 200, sizes: "{}" });
    const pdf = await insertMedia({ authorId: u.id, path: "2026/12/menu.pdf", fileName: "menu.pdf", mimeType: "application/pdf", sizes: "{}" });
    expect(await identityImagesProblem({ custom_logo: image.id, site_icon: 0, header_image: image.id })).toBeNull();
    const problems = await identityImagesProblem({ custom_logo: pdf.id, site_icon: 987654, header_image: image.id });
    expect(problems).toEqual({
      custom_logo: "The chosen logo is not an image in the media library: choose another, or none.",
      site_icon: "The chosen site icon is not an image in the media library: choose another, or none.",
    });
  });

  it("saving them moves the content version, so every cached page is rendered again", async () => {
    const before = await getDataVersion();
    await updateOptions({ accent_color: "#aa3300", font_pairing: "sans" });
    expect(await getDataVersion()).not.toBe(before);
    expect((await getOptions()).accent_color).toBe("#aa3300");
  });
});

describe("the accent colour as readers see it", () => {
  it("keeps a colour that already reads at 4.5:1, and darkens a pale one just enough", () => {
    expect(readableAccent("#1a5e9a", "#ffffff")).toBe("#1a5e9a");
    const yellow = readableAccent("#ffdd00", "#ffffff");
    expect(contrastRatio(yellow, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    // The same hue, not black: red stays the largest channel.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(yellow.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(b);
    expect(g).toBeGreaterThan(b);
    expect(yellow).not.toBe("#000000");
  });

  it("lightens a dark accent on a dark background", () => {
    const navy = readableAccent("#1a2a6a", "#16161a");
    expect(navy).not.toBe("#1a2a6a");
    expect(contrastRatio(navy, "#16161a")).toBeGreaterThanOrEqual(4.5);
  });

  it("reaches Modern in light and dark, and Classic (light only) without a dark rule", () => {
    const modern = identityCss(THEMES.modern!, { accent_color: "#1a2a6a", font_pairing: "typewriter" });
    expect(modern).toContain(`:root [data-theme="modern"]{--accent:#1a2a6a;--font-heading-stack:${FONT_PAIRINGS.typewriter.heading};--font-body-stack:${FONT_PAIRINGS.typewriter.body}}`);
    expect(modern).toMatch(/@media \(prefers-color-scheme: dark\)\{:root \[data-theme="modern"\]\{--accent:#[0-9a-f]{6}\}\}/);
    const classic = identityCss(THEMES.classic!, { accent_color: "#1a2a6a", font_pairing: "" });
    expect(classic).toBe(`:root [data-theme="classic"]{--accent:#1a2a6a}`);
    expect(identityCss(THEMES.classic!, { accent_color: "", font_pairing: "" })).toBe("");
  });
});
