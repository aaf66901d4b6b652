// Log Out revokes the session's id on the server (real SQLite, real migrations): a copy of the
// token is refused afterwards, other sessions are untouched, expired revocations are cleared, and
// none of it moves the content version (which would empty the page cache).
import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE, endSession, newSessionId, sessionIsOpen } from "@/lib/auth/session-revocation";
import { getDataVersion } from "@/db/queries/archives";
import { isSessionRevoked } from "@/db/queries/sessions";

describe("session revocation", () => {
  it("ends only the session logged out", () => {
    const mine = newSessionId();
    const other = newSessionId();
    expect(sessionIsOpen(mine)).toBe(true);
    endSession(mine);
    expect(sessionIsOpen(mine)).toBe(false);
    expect(sessionIsOpen(other)).toBe(true);
    endSession(mine); // twice (two tabs) is fine
    expect(sessionIsOpen(mine)).toBe(false);
  });

  it("refuses a token without a session id (made before ids existed) or with a strange one", () => {
    for (const sid of [undefined, null, "", 42, "x".repeat(65)]) expect(sessionIsOpen(sid)).toBe(false);
  });

  it("forgets revocations once every copy of the token has expired", () => {
    const old = newSessionId();
    const now = Date.now();
    endSession(old, now - (SESSION_MAX_AGE + 60) * 1000);
    expect(isSessionRevoked(old)).toBe(true);
    endSession(newSessionId(), now);
    expect(isSessionRevoked(old)).toBe(false);
  });

  it("leaves the content version, and so the page cache, alone", () => {
    const before = getDataVersion();
    endSession(newSessionId());
    expect(getDataVersion()).toBe(before);
  });
});
