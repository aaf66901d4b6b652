// Users and Profile behaviour through the real actions (session and Next's navigation mocked).
import { describe, expect, it, vi } from "vitest";

const session: { id: number | null } = { id: null };
vi.mock("server-only", () => ({}));
const signedInAgain: { login: string; password: string; ok: boolean }[] = [];
let signInAgainAllowed = true;
vi.mock("@/auth", () => ({
  auth: async () => (session.id ? { user: { id: String(session.id) } } : null),
  signInAgain: async (login: string, password: string) => {
    signedInAgain.push({ login, password, ok: signInAgainAllowed });
    return signInAgainAllowed;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(url);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Error("403");
  },
  notFound: () => {
    throw new Error("404");
  },
}));

const { makeUser, makePost } = await import("../support/factories");
const { getUserById, getUserCredentialsByLoginOrEmail } = await import("@/db/queries/users");
const { getPostById } = await import("@/db/queries/posts");
const { insertMedia, getMediaById } = await import("@/db/queries/media");
const { deleteUserReassigning, updateUserRole, listUsersWithPostCounts } = await import("@/db/queries/user-admin");
const { createUserAction, changeUserRoleAction, deleteUserAction, updateUserAction, logOutUserEverywhereAction } = await import("@/app/admin/users/actions");
const { updateProfileAction, logOutEverywhereElseAction } = await import("@/app/admin/profile/actions");
const { getSessionStampSource } = await import("@/db/queries/user-admin");
const { stampMatches } = await import("@/lib/auth/password-stamp");
const { verifySignIn } = await import("@/lib/auth/sign-in");
const { verifyPassword } = await import("@/lib/auth/password");

const idle = { status: "idle" as const };
const fd = (o: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, String(v));
  return f;
};
async function redirectOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof Redirect) return e.url;
    throw e;
  }
  return null;
}

describe("adding users", () => {
  it("creates a user who can sign in, with a unique nicename", async () => {
    const admin = await makeUser("administrator");
    session.id = admin.id;
    const url = await redirectOf(createUserAction(idle, fd({ login: "New Writer", email: "writer@example.com", displayName: "", password: "a-good-password", role: "author" })));
    expect(url).toMatch(/^\/admin\/users\/\?message=created&id=\d+$/);
    const u = (await getUserCredentialsByLoginOrEmail("new writer"))!;
    expect(u.role).toBe("author");
    expect(u.displayName).toBe("New Writer");
    expect((await verifySignIn("New Writer", "a-good-password", "10.9.0.1")).status).toBe("ok");
  });
  it("says which field is wrong: taken login or email, weak password, bad role", async () => {
    const admin = await makeUser("administrator");
    session.id = admin.id;
    const s = await createUserAction(idle, fd({ login: admin.login.toUpperCase(), email: admin.email, password: "a-good-password", role: "author" }));
    expect(s.fieldErrors?.login).toEqual(["Sorry, that username already exists!"]);
    expect(s.fieldErrors?.email).toEqual(["Sorry, that email address is already used!"]);
    const s2 = await createUserAction(idle, fd({ login: "ok<script>", email: "nope", password: "short", role: "king" }));
    expect(Object.keys(s2.fieldErrors ?? {}).sort()).toEqual(["email", "login", "password", "role"]);
    expect(s2.values).not.toHaveProperty("password");
  });
});

describe("roles", () => {
  it("never leaves the site without an administrator", async () => {
    const only = await listUsersWithPostCounts("administrator");
    for (const a of only.slice(1)) await updateUserRole(a.id, "editor");
    const last = only[0]!;
    expect(await updateUserRole(last.id, "editor")).toBe("last-administrator");
    expect((await getUserById(last.id))!.role).toBe("administrator");
    expect(await deleteUserReassigning(last.id, null)).toBe("last-administrator");
  });
  it("an administrator cannot change their own role", async () => {
    const admin = await makeUser("administrator");
    session.id = admin.id;
    expect(await redirectOf(changeUserRoleAction(fd({ userId: admin.id, role: "subscriber" })))).toBe("/admin/users/?message=own-role");
    expect((await getUserById(admin.id))!.role).toBe("administrator");
  });
});

describe("deleting users", () => {
  it("attributes all their posts and media to another user, then deletes them", async () => {
    const admin = await makeUser("administrator");
    const leaving = await makeUser("author");
    const heir = await makeUser("editor");
    const p1 = await makePost(leaving.id);
    const p2 = await makePost(leaving.id, { status: "draft", type: "page" });
    const m = await insertMedia({ authorId: leaving.id, fileName: "a.png", mimeType: "image/png" });
    session.id = admin.id;
    expect(await redirectOf(deleteUserAction(fd({ userId: leaving.id, reassignTo: heir.id })))).toBe("/admin/users/?message=deleted");
    expect(await getUserById(leaving.id)).toBeUndefined();
    expect((await getPostById(p1.id))!.authorId).toBe(heir.id);
    expect((await getPostById(p2.id))!.authorId).toBe(heir.id);
    expect((await getMediaById(m.id))!.authorId).toBe(heir.id);
  });
  it("refuses without an heir when there is content, and with the user as their own heir; nothing changes", async () => {
    const admin = await makeUser("administrator");
    const leaving = await makeUser("author");
    const p = await makePost(leaving.id);
    session.id = admin.id;
    expect(await redirectOf(deleteUserAction(fd({ userId: leaving.id })))).toBe(`/admin/users/${leaving.id}/delete/?error=needs-reassign`);
    expect(await redirectOf(deleteUserAction(fd({ userId: leaving.id, reassignTo: leaving.id })))).toBe(`/admin/users/${leaving.id}/delete/?error=bad-reassign`);
    expect(await redirectOf(deleteUserAction(fd({ userId: leaving.id, reassignTo: 999999 })))).toBe(`/admin/users/${leaving.id}/delete/?error=bad-reassign`);
    expect(await getUserById(leaving.id)).toBeDefined();
    expect((await getPostById(p.id))!.authorId).toBe(leaving.id);
  });
  it("deletes a user without content without asking for an heir; never yourself", async () => {
    const admin = await makeUser("administrator");
    const idleUser = await makeUser("subscriber");
    session.id = admin.id;
    expect(await redirectOf(deleteUserAction(fd({ userId: idleUser.id })))).toBe("/admin/users/?message=deleted");
    expect(await redirectOf(deleteUserAction(fd({ userId: admin.id, reassignTo: idleUser.id })))).toBe("/admin/users/?message=delete-self");
    expect(await getUserById(admin.id)).toBeDefined();
  });
});

describe("profile", () => {
  const base = (u: { displayName: string; nicename: string; email: string }) => ({ displayName: u.displayName, nicename: u.nicename, email: u.email, url: "", bio: "" });

  it("sets a new password only with the current one", async () => {
    const u = await makeUser("subscriber", "old-password-1");
    session.id = u.id;
    const missing = await updateProfileAction(idle, fd({ ...base(u), newPassword: "new-password-1", confirmPassword: "new-password-1" }));
    expect(missing.fieldErrors?.currentPassword).toEqual(["Enter your current password to set a new one."]);
    const wrong = await updateProfileAction(idle, fd({ ...base(u), currentPassword: "guess", newPassword: "new-password-1", confirmPassword: "new-password-1" }));
    expect(wrong.fieldErrors?.currentPassword).toEqual(["Your current password is incorrect."]);
    const mismatch = await updateProfileAction(idle, fd({ ...base(u), currentPassword: "old-password-1", newPassword: "new-password-1", confirmPassword: "other" }));
    expect(mismatch.fieldErrors?.confirmPassword).toBeTruthy();
    const hash = async () => (await getUserCredentialsByLoginOrEmail(u.login))!.passwordHash;
    expect(await verifyPassword(await hash(), "old-password-1")).toBe(true);
    expect(signedInAgain).toEqual([]);
    // Success reloads Profile (so that the page is rendered with the new session) with its notice.
    const ok = updateProfileAction(idle, fd({ ...base(u), currentPassword: "old-password-1", newPassword: "new-password-1", confirmPassword: "new-password-1" }));
    expect(await redirectOf(ok)).toBe("/admin/profile/?message=password-set");
    expect(await verifyPassword(await hash(), "new-password-1")).toBe(true);
    expect(await verifyPassword(await hash(), "old-password-1")).toBe(false);
    // This browser's session ended with the old password: it is signed in again with the new one.
    expect(signedInAgain).toEqual([{ login: u.login, password: "new-password-1", ok: true }]);
  });

  it("says so when this browser could not be signed in again after a new password (a lockout)", async () => {
    const u = await makeUser("subscriber", "old-password-1");
    session.id = u.id;
    signInAgainAllowed = false;
    try {
      const r = await updateProfileAction(idle, fd({ ...base(u), currentPassword: "old-password-1", newPassword: "new-password-2", confirmPassword: "new-password-2" }));
      expect(r).toMatchObject({ status: "success", message: "Profile updated. Your new password is set: sign in again with it." });
      expect(await verifyPassword((await getUserCredentialsByLoginOrEmail(u.login))!.passwordHash, "new-password-2")).toBe(true);
    } finally {
      signInAgainAllowed = true;
    }
  });

  it("Log Out Everywhere Else: only with the password; every earlier session ends and this browser is signed in again", async () => {
    const u = await makeUser("author", "my-password-1");
    session.id = u.id;
    const before = await verifySignIn(u.login, "my-password-1", "10.9.0.7");
    if (before.status !== "ok") throw new Error(before.status);
    const epoch = async () => (await getSessionStampSource(u.id))!.sessionEpoch;
    const empty = await logOutEverywhereElseAction(idle, fd({ sessionsPassword: "" }));
    expect(empty).toMatchObject({ status: "error", message: "Nobody was logged out." });
    expect(empty.fieldErrors?.sessionsPassword).toEqual(["Enter your password: it keeps you signed in here."]);
    const wrong = await logOutEverywhereElseAction(idle, fd({ sessionsPassword: "guess" }));
    expect(wrong.fieldErrors?.sessionsPassword).toEqual(["That is not your password."]);
    expect(await epoch()).toBe(0);
    const calls = signedInAgain.length;
    expect(await redirectOf(logOutEverywhereElseAction(idle, fd({ sessionsPassword: "my-password-1" })))).toBe("/admin/profile/?message=sessions-ended");
    expect(await epoch()).toBe(1);
    const now = (await getSessionStampSource(u.id))!;
    expect(stampMatches(before.user.passwordStamp, now.passwordHash, now.sessionEpoch)).toBe(false);
    expect(signedInAgain.slice(calls)).toEqual([{ login: u.login, password: "my-password-1", ok: true }]);
  });

  it("keeps emails and nicenames unique, and saves nothing when one field is wrong", async () => {
    const a = await makeUser("author");
    const b = await makeUser("author");
    session.id = a.id;
    const s = await updateProfileAction(idle, fd({ ...base(a), displayName: "Changed", email: b.email.toUpperCase(), nicename: b.nicename }));
    expect(s.fieldErrors?.email).toBeTruthy();
    expect(s.fieldErrors?.nicename).toBeTruthy();
    expect((await getUserById(a.id))!.displayName).toBe(a.displayName);
    const bad = await updateProfileAction(idle, fd({ ...base(a), displayName: "Changed", url: "javascript:alert(1)" }));
    expect(bad.fieldErrors?.url).toBeTruthy();
    expect((await getUserById(a.id))!.displayName).toBe(a.displayName);
    const ok = await updateProfileAction(idle, fd({ ...base(a), displayName: "Changed", nicename: "Changed-Nice", bio: "Hello" }));
    expect(ok.status).toBe("success");
    expect(await getUserById(a.id)).toMatchObject({ displayName: "Changed", nicename: "changed-nice", bio: "Hello" });
  });
});

describe("Log Out Everywhere for another user", () => {
  it("ends every session of that user; your own go through Profile; an unknown id changes nothing", async () => {
    const admin = await makeUser("administrator");
    const target = await makeUser("author");
    session.id = admin.id;
    expect(await redirectOf(logOutUserEverywhereAction(fd({ userId: target.id })))).toBe(`/admin/users/${target.id}/edit/?message=sessions-ended`);
    expect((await getSessionStampSource(target.id))!.sessionEpoch).toBe(1);
    expect(await redirectOf(logOutUserEverywhereAction(fd({ userId: admin.id })))).toBe("/admin/profile/");
    expect((await getSessionStampSource(admin.id))!.sessionEpoch).toBe(0);
    expect(await redirectOf(logOutUserEverywhereAction(fd({ userId: 999999 })))).toBe("/admin/users/?message=invalid-user");
    expect(await redirectOf(logOutUserEverywhereAction(fd({ userId: "x" })))).toBe("/admin/users/?message=invalid-user");
  });
});

describe("the users list", () => {
  it("counts each user's own published posts", async () => {
    const a = await makeUser("author");
    const b = await makeUser("author");
    await makePost(a.id);
    await makePost(a.id);
    await makePost(a.id, { status: "draft" });
    await makePost(a.id, { type: "page" });
    const rows = await listUsersWithPostCounts("author");
    expect(rows.find((r) => r.id === a.id)!.postCount).toBe(2);
    expect(rows.find((r) => r.id === b.id)!.postCount).toBe(0);
  });
});

describe("an administrator editing another user", () => {
  it("sets a new password without knowing the old one; their own account goes through Profile", async () => {
    const admin = await makeUser("administrator");
    const forgetful = await makeUser("author", "forgotten-1");
    session.id = admin.id;
    const base = { userId: forgetful.id, displayName: "Forgetful", nicename: forgetful.nicename, email: forgetful.email, url: "", bio: "" };
    const mismatch = await updateUserAction(idle, fd({ ...base, newPassword: "reset-password-1", confirmPassword: "nope" }));
    expect(mismatch.fieldErrors?.confirmPassword).toBeTruthy();
    const ok = await updateUserAction(idle, fd({ ...base, newPassword: "reset-password-1", confirmPassword: "reset-password-1" }));
    expect(ok).toMatchObject({ status: "success", message: "User updated, with a new password." });
    expect((await verifySignIn(forgetful.login, "reset-password-1", "10.9.1.1")).status).toBe("ok");
    expect((await getUserById(forgetful.id))!.displayName).toBe("Forgetful");
    const self = await updateUserAction(idle, fd({ ...base, userId: admin.id, newPassword: "sneaky-password-1", confirmPassword: "sneaky-password-1" }));
    expect(self.message).toBe("Edit your own account in Profile.");
  });
});
