// Application passwords: shown once, kept hashed, usable by login or email with or without the
// spaces, revocable, never a sign-in password, and failures count against the sign-in lockout.
import { describe, expect, it } from "vitest";
import {
  appPasswordsAllowed, authenticateAppPassword, createAppPassword, parseBasicAuth, revokeAllAppPasswords, revokeAppPassword,
} from "@/lib/auth/app-passwords";
import { listApplicationPasswords } from "@/db/queries/application-passwords";
import { verifySignIn } from "@/lib/auth/sign-in";
import { queryRow, rawSql } from "@/db";
import { makeUser } from "../support/factories";

describe("application passwords", () => {
  it("shows the password once in groups of four and stores only its hash", async () => {
    const u = await makeUser("author");
    const { password, item } = await createAppPassword(u.id, "  iA Writer ");
    expect(password).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
    expect(item.name).toBe("iA Writer");
    const stored = (await queryRow<{ h: string }>(rawSql("SELECT password_hash AS h FROM application_passwords WHERE uuid = ?", item.uuid)))!;
    expect(stored.h).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(stored.h).not.toContain(password.replace(/ /g, ""));
  });

  it("authenticates by login or email, with or without the spaces, and records when and from where", async () => {
    const u = await makeUser("author");
    const { password, item } = await createAppPassword(u.id, "MarsEdit");
    const ok = await authenticateAppPassword(u.login, password, "10.9.0.1");
    expect(ok).toMatchObject({ user: { id: u.id, role: "author" }, uuid: item.uuid });
    expect(await authenticateAppPassword(u.email.toUpperCase(), password.replace(/ /g, ""), "10.9.0.1")).toMatchObject({ user: { id: u.id } });
    const [row] = await listApplicationPasswords(u.id);
    expect(row!.lastIp).toBe("10.9.0.1");
    expect(row!.lastUsedGmt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("refuses another user's password, a wrong one and a revoked one alike", async () => {
    const a = await makeUser("author");
    const b = await makeUser("author");
    const { password: pa, item } = await createAppPassword(a.id, "Ulysses");
    const { password: pb } = await createAppPassword(b.id, "Ulysses");
    expect(await authenticateAppPassword(a.login, pb, "10.9.1.1")).toEqual({ error: "invalid" });
    expect(await authenticateAppPassword("nobody-at-all", pa, "10.9.1.2")).toEqual({ error: "invalid" });
    expect(await revokeAppPassword(b.id, item.uuid)).toBe(false); // not b's to revoke
    expect(await revokeAppPassword(a.id, item.uuid)).toBe(true);
    expect(await authenticateAppPassword(a.login, pa, "10.9.1.3")).toEqual({ error: "invalid" });
    expect(await authenticateAppPassword(b.login, pb, "10.9.1.4")).toHaveProperty("user");
    expect(await revokeAllAppPasswords(b.id)).toBe(1);
    expect(await authenticateAppPassword(b.login, pb, "10.9.1.5")).toEqual({ error: "invalid" });
  });

  it("is never a password for the sign-in form", async () => {
    const u = await makeUser("editor", "the real password");
    const { password } = await createAppPassword(u.id, "Script");
    expect((await verifySignIn(u.login, password, "10.9.2.1")).status).toBe("invalid");
  });

  it("counts wrong passwords against the sign-in lockout: five, then even the right one is locked", async () => {
    const u = await makeUser("author", "right password");
    const { password } = await createAppPassword(u.id, "Bot");
    for (let i = 0; i < 5; i++) expect(await authenticateAppPassword(u.login, "aaaa bbbb cccc dddd eeee ffff", `10.9.3.${i}`)).toEqual({ error: "invalid" });
    expect(await authenticateAppPassword(u.login, password, "10.9.3.99")).toEqual({ error: "locked" });
    expect((await verifySignIn(u.login, "right password", "10.9.3.98")).status).toBe("locked");
  });

  it("is available over HTTPS, from this machine, or where plain HTTP is allowed", () => {
    expect(appPasswordsAllowed({ secure: true, ip: "203.0.113.5", allowHttp: false })).toBe(true);
    expect(appPasswordsAllowed({ secure: false, ip: "127.0.0.1", allowHttp: false })).toBe(true);
    expect(appPasswordsAllowed({ secure: false, ip: "::ffff:127.0.0.1", allowHttp: false })).toBe(true);
    expect(appPasswordsAllowed({ secure: false, ip: "::1", allowHttp: false })).toBe(true);
    expect(appPasswordsAllowed({ secure: false, ip: "203.0.113.5", allowHttp: false })).toBe(false);
    expect(appPasswordsAllowed({ secure: false, ip: "unknown", allowHttp: false })).toBe(false);
    expect(appPasswordsAllowed({ secure: false, ip: "203.0.113.5", allowHttp: true })).toBe(true);
  });

  it("reads HTTP Basic credentials, passwords with colons included", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    expect(parseBasicAuth(`Basic ${b64("ann:abcd efgh:x")}`)).toEqual({ login: "ann", password: "abcd efgh:x" });
    expect(parseBasicAuth("Bearer x")).toBeNull();
    expect(parseBasicAuth(`Basic ${b64("no-colon")}`)).toBeNull();
    expect(parseBasicAuth(null)).toBeNull();
  });
});
