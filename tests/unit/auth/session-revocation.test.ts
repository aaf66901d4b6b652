// Log Out revokes the session's id on the server (real SQLite, real migrations): a copy of the
// token is refused afterwards, other sessions are untouched, expired revocations are cleared, and
// none of it moves the content version (which would empty the page cache).
import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE, endSession, newSessionId, sessionIsOpen } from "@/lib/auth/session-revocation";
import { getDataVersion } from "@/db/queries/archives";
import { isSessionRevoked } from "@/db/queries/sessions";

describe("session revocation", () => {
  it("ends only the session logged out", async () => {
    const mine = newSessionId();
    const other = newSessionId();
    expect(await sessionIsOpen(mine)).toBe(true);
    await endSession(mine);
    expect(await sessionIsOpen(mine)).toBe(false);
    expect(await sessionIsOpen(other)).toBe(true);
    await endSession(mine); // twice (two tabs) is fine
    expect(await sessionIsOpen(mine)).toBe(false);
  });

  it("refuses a token without a session id (made before ids existed) or with a strange one", async () => {
    for (const sid of [undefined, null, "", 42, "x".repeat(65)]) expect(await sessionIsOpen(sid)).toBe(false);
  });

  it("forgets revocations once every copy of the token has expired", async () => {
    const old = newSessionId();
    const now = Date.now();
    await endSession(old, now - (SESSION_MAX_AGE + 60) * 1000);
    expect(await isSessionRevoked(old)).toBe(true);
    await endSession(newSessionId(), now);
    expect(await isSessionRevoked(old)).toBe(false);
  });

  it("leaves the content version, and so the page cache, alone", async () => {
    const before = await getDataVersion();
    await endSession(newSessionId());
    expect(await getDataVersion()).toBe(before);
  });
});
