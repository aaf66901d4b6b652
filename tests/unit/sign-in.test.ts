import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, needsRehash } from "@/lib/auth/password";
import { verifySignIn } from "@/lib/auth/sign-in";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { makeUser } from "./factories";
import bcrypt from "bcryptjs";

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const h = await hashPassword("s3cret pass");
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, "s3cret pass")).toBe(true);
    expect(await verifyPassword(h, "s3cret Pass")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword("garbage", "x")).toBe(false);
  });

  it("verifies a WordPress bcrypt ($2y$) hash and asks for a rehash", async () => {
    const wp = bcrypt.hashSync("imported", 8).replace(/^\$2[ab]\$/, "$2y$");
    expect(await verifyPassword(wp, "imported")).toBe(true);
    expect(await verifyPassword(wp, "wrong")).toBe(false);
    expect(needsRehash(wp)).toBe(true);
  });
});

describe("sign-in and lockout", () => {
  it("accepts the username or the email, in any case", async () => {
    const u = await makeUser("author", "right password");
    expect((await verifySignIn(u.login.toUpperCase(), "right password", "10.0.0.1")).status).toBe("ok");
    expect((await verifySignIn(u.email, "right password", "10.0.0.1")).status).toBe("ok");
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const u = await makeUser("author", "right password");
    const wrongPassword = await verifySignIn(u.login, "nope", "10.0.0.2");
    const unknownUser = await verifySignIn("nobody-here", "nope", "10.0.0.2");
    expect(wrongPassword).toEqual(unknownUser);
    expect(wrongPassword).toEqual({ status: "invalid" });
  });

  it("locks an account after five failures, even with the right password, from any IP", async () => {
    const u = await makeUser("author", "right password");
    for (let i = 0; i < 5; i++) expect((await verifySignIn(u.login, "bad", `10.1.0.${i}`)).status).toBe("invalid");
    expect((await verifySignIn(u.login, "right password", "10.1.0.99")).status).toBe("locked");
    expect((await verifySignIn(u.email, "right password", "10.1.0.98")).status).toBe("ok"); // a different key: the email
  });

  it("locks an IP after five failures across many usernames", async () => {
    const u = await makeUser("author", "right password");
    for (let i = 0; i < 5; i++) await verifySignIn(`guess${i}`, "bad", "10.2.0.1");
    expect((await verifySignIn(u.login, "right password", "10.2.0.1")).status).toBe("locked");
    expect((await verifySignIn(u.login, "right password", "10.2.0.2")).status).toBe("ok");
  });

  it("rehashes an imported bcrypt password with argon2id on sign-in", async () => {
    const u = await makeUser("author", "x");
    const { getDb } = await import("@/db/client");
    getDb().$client.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(bcrypt.hashSync("legacy", 8).replace("$2b$", "$2y$"), u.id);
    expect((await verifySignIn(u.login, "legacy", "10.3.0.1")).status).toBe("ok");
    expect(getUserCredentialsByLoginOrEmail(u.login)!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
