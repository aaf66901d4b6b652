// Every user-given redirect target goes through one function: only a path on this site comes out.
// The hostile list is what browsers turn into another site (WHATWG URL: TAB and CR/LF are removed,
// "\" is "/" in http(s) URLs) and the same hidden under percent-encoding.
import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUnder } from "@/lib/security/redirect-target";

const SITE = "http://blog.test";

const HOSTILE = [
  "/\t/evil.example/",
  "/\r\n/evil.example/",
  "/\n/evil.example/",
  "/\r/evil.example/",
  "\t//evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "\\/evil.example/",
  "//evil.example/",
  "///evil.example/",
  "/.//evil.example/",
  "https://evil.example/",
  "http://blog.test.evil.example/",
  "http://blog.test@evil.example/",
  "https://blog.test/", // another scheme is another origin
  "javascript:alert(1)",
  "data:text/html,hi",
  "/%09/evil.example/",
  "/%0d%0a/evil.example/",
  "/%5Cevil.example/",
  "/%2F%2Fevil.example/",
  "%2F%2Fevil.example/",
  "/%252F%252Fevil.example/",
  "/%25252F%25252Fevil.example/",
  "/\u0000/evil.example/",
  "/\u007f/evil.example/",
  "",
  "x".repeat(3000),
];

describe("safeRedirectPath", () => {
  for (const target of HOSTILE) {
    it(`refuses ${JSON.stringify(target).slice(0, 60)}`, () => {
      expect(safeRedirectPath(target, "/admin/", SITE)).toBe("/admin/");
    });
  }

  it("refuses what is not a string", () => {
    for (const t of [undefined, null, 42, ["/admin/"], { href: "/" }]) expect(safeRedirectPath(t, "/fallback/", SITE)).toBe("/fallback/");
  });

  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/admin/posts/?view=trash&s=a%20b#list", "/admin/", SITE)).toBe("/admin/posts/?view=trash&s=a%20b#list");
    expect(safeRedirectPath("/admin/edit?s=100%", "/admin/", SITE)).toBe("/admin/edit?s=100%");
    expect(safeRedirectPath("/2026/01/caf%C3%A9/", "/admin/", SITE)).toBe("/2026/01/caf%C3%A9/");
    expect(safeRedirectPath("http://blog.test/admin/comments/", "/admin/", SITE)).toBe("/admin/comments/");
    expect(safeRedirectPath("/?s=http%3A%2F%2Fexample.com", "/admin/", SITE)).toBe("/?s=http%3A%2F%2Fexample.com");
  });

  it("without the site's origin, takes paths only", () => {
    expect(safeRedirectPath("/admin/users/")).toBe("/admin/users/");
    expect(safeRedirectPath("http://blog.test/admin/users/")).toBe("/admin/");
    expect(safeRedirectPath("http://inkwell.invalid/admin/users/")).toBe("/admin/");
  });
});

describe("safeRedirectUnder", () => {
  it("keeps a screen's own addresses and sends anything else to the screen", () => {
    expect(safeRedirectUnder("/admin/posts/?paged=2", "/admin/posts/", SITE)).toBe("/admin/posts/?paged=2");
    expect(safeRedirectUnder("/admin/users/", "/admin/posts/", SITE)).toBe("/admin/posts/");
    expect(safeRedirectUnder("/admin/posts/../../\t/evil.example", "/admin/posts/", SITE)).toBe("/admin/posts/");
    expect(safeRedirectUnder("/admin/posts/../users/", "/admin/posts/", SITE)).toBe("/admin/posts/");
  });
});
