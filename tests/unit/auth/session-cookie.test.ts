import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

describe("an Auth.js session in the Cookie header", () => {
  it("is found plain, over https, and chunked; nothing else counts", () => {
    expect(hasSessionCookie("authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("a=1; __Secure-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("x=1; authjs.session-token.0=abc; authjs.session-token.1=def")).toBe(true);
    expect(hasSessionCookie("authjs.csrf-token=abc; inkwell_comment_token=xyz")).toBe(false);
    expect(hasSessionCookie("my-authjs.session-token=abc")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});
