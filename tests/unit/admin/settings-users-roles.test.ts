// Roles hold on the server: every action and route of the site-admin screens (Settings, Users,
// Profile, Media, Dashboard) called directly as every role, and as nobody.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/db/schema";

const session: { id: number | null } = { id: null };
vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { user: { id: String(session.id) } } : null), signInAgain: async () => true }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
class Forbidden extends Error {}
class NotFound extends Error {}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Forbidden("403");
  },
  notFound: () => {
    throw new NotFound("404");
  },
}));

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-roles-"));
process.env.INKWELL_DATA_DIR = uploads;

const { makeUser, makePost } = await import("../support/factories");
const { getOptions } = await import("@/db/queries/options");
const { getUserById } = await import("@/db/queries/users");
const { getMediaById, insertMedia } = await import("@/db/queries/media");
const { listRecentDrafts } = await import("@/db/queries/dashboard");
const { saveGeneralSettingsAction } = await import("@/app/admin/settings/general/actions");
const { saveReadingSettingsAction } = await import("@/app/admin/settings/reading/actions");
const { saveDiscussionSettingsAction } = await import("@/app/admin/settings/discussion/actions");
const { savePermalinkSettingsAction } = await import("@/app/admin/settings/permalinks/actions");
const { saveMediaSettingsAction } = await import("@/app/admin/settings/media/actions");
const { createUserAction, changeUserRoleAction, deleteUserAction, updateUserAction, logOutUserEverywhereAction } = await import("@/app/admin/users/actions");
const { updateProfileAction, logOutEverywhereElseAction } = await import("@/app/admin/profile/actions");
const { getSessionStampSource } = await import("@/db/queries/user-admin");
const { updateMediaAction, deleteMediaAction } = await import("@/app/admin/media/actions");
const { quickDraftAction } = await import("@/app/admin/actions");
const { POST: uploadRoute } = await import("@/app/admin/media/upload/route");
const { GET: libraryRoute } = await import("@/app/admin/media/library/route");

// The administrator last, so that the others are checked against the untouched state.
const ROLES_AND_ANON = ["anonymous", "subscriber", "contributor", "author", "editor", "administrator"] as const;
type Who = (typeof ROLES_AND_ANON)[number];
const users = {} as Record<Role, { id: number }>;
const idle = { status: "idle" as const };

beforeAll(async () => {
  for (const r of ["administrator", "editor", "author", "contributor", "subscriber"] as const) users[r] = await makeUser(r, "pass-word-123");
});

function as(who: Who) {
  session.id = who === "anonymous" ? null : users[who].id;
}

const fd = (o: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, String(v));
  return f;
};

/** "allowed" (it ran), "forbidden" (403), or "sign-in" (redirect to /login/). */
async function outcome(run: () => Promise<unknown>): Promise<"allowed" | "forbidden" | "sign-in"> {
  try {
    await run();
    return "allowed";
  } catch (e) {
    if (e instanceof Forbidden) return "forbidden";
    if (e instanceof Redirect) return e.url.startsWith("/login/") ? "sign-in" : "allowed";
    throw e;
  }
}

const expected = (allowed: Role[]) => (who: Who) => (who === "anonymous" ? "sign-in" : allowed.includes(who) ? "allowed" : "forbidden");
const ADMIN_ONLY = expected(["administrator"]);

describe("Settings actions: administrators only; nothing is written for anyone else", () => {
  const cases = [
    ["General", () => saveGeneralSettingsAction(idle, fd({ blogname: "Matrix blog", blogdescription: "", siteurl: "", timezone_string: "UTC", date_format: "Y-m-d", time_format: "H:i", default_role: "author" })), async () => (await getOptions()).blogname === "Matrix blog"],
    ["Reading", () => saveReadingSettingsAction(idle, fd({ show_on_front: "posts", posts_per_page: 7, posts_per_rss: 9 })), async () => (await getOptions()).posts_per_page === 7],
    ["Discussion", () => saveDiscussionSettingsAction(idle, fd({ close_comments_days_old: 30, thread_comments_depth: 3, comments_per_page: 20, default_comments_page: "oldest", comment_order: "desc", comment_max_links: 4, moderation_keys: "spam", disallowed_keys: "", avatar_rating: "PG", avatar_default: "mystery", activitypub_blog_identifier: "" })), async () => (await getOptions()).comment_max_links === 4],
    ["Permalinks", () => savePermalinkSettingsAction(idle, fd({ selection: "postname", category_base: "topics", tag_base: "" })), async () => (await getOptions()).category_base === "topics"],
    ["Media", () => saveMediaSettingsAction(idle, fd({ upload_max_mb: 3, allow_pdf: "1" })), async () => (await getOptions()).upload_extra_types === "pdf"],
  ] as const;
  for (const [name, run, changed] of cases) {
    for (const who of ROLES_AND_ANON) {
      const want = ADMIN_ONLY(who);
      it(`${name}: ${who} → ${want}`, async () => {
        as(who);
        const got = await outcome(run);
        expect(got).toBe(want);
        if (who !== "administrator") expect(await changed()).toBe(false);
      });
    }
    it(`${name}: the administrator's save is written`, async () => {
      as("administrator");
      const state = await run();
      expect(state.status).toBe("success");
      expect(await changed()).toBe(true);
    });
  }
});

describe("Users actions: administrators only", () => {
  for (const who of ROLES_AND_ANON) {
    const want = ADMIN_ONLY(who);
    it(`add user: ${who} → ${want}`, async () => {
      as(who);
      const login = `made-by-${who}`;
      expect(await outcome(() => createUserAction(idle, fd({ login, email: `${login}@example.com`, password: "long-enough-1", role: "administrator" })))).toBe(want);
      const { isLoginTaken } = await import("@/db/queries/user-admin");
      expect(await isLoginTaken(login)).toBe(who === "administrator");
    });
    it(`change role: ${who} → ${want}`, async () => {
      const target = await makeUser("subscriber");
      as(who);
      expect(await outcome(() => changeUserRoleAction(fd({ userId: target.id, role: "editor" })))).toBe(want);
      expect((await getUserById(target.id))!.role).toBe(who === "administrator" ? "editor" : "subscriber");
    });
    it(`edit another user: ${who} → ${want}`, async () => {
      const target = await makeUser("author");
      as(who);
      const got = await outcome(() => updateUserAction(idle, fd({ userId: target.id, displayName: `Edited by ${who}`, nicename: target.nicename, email: target.email, url: "", bio: "", newPassword: "reset-password-1", confirmPassword: "reset-password-1" })));
      expect(got).toBe(want);
      expect((await getUserById(target.id))!.displayName).toBe(who === "administrator" ? `Edited by ${who}` : target.displayName);
    });
    it(`log another user out everywhere: ${who} → ${want}`, async () => {
      const target = await makeUser("author");
      as(who);
      expect(await outcome(() => logOutUserEverywhereAction(fd({ userId: target.id })))).toBe(want);
      expect((await getSessionStampSource(target.id))!.sessionEpoch).toBe(who === "administrator" ? 1 : 0);
    });
    it(`delete user: ${who} → ${want}`, async () => {
      const target = await makeUser("author");
      await makePost(target.id);
      as(who);
      expect(await outcome(() => deleteUserAction(fd({ userId: target.id, reassignTo: users.administrator.id })))).toBe(want);
      expect(!!await getUserById(target.id)).toBe(who !== "administrator");
    });
  }
});

describe("Profile: every role edits its own profile, and only its own", () => {
  for (const who of ROLES_AND_ANON) {
    const want = who === "anonymous" ? "sign-in" : "allowed";
    it(`${who} → ${want}`, async () => {
      as(who);
      const got = await outcome(() => updateProfileAction(idle, fd({ displayName: `Renamed ${who}`, nicename: `renamed-${who}`, email: `renamed-${who}@example.com`, url: "", bio: "", userId: users.administrator.id })));
      expect(got).toBe(want);
      if (who !== "anonymous") expect((await getUserById(users[who].id))!.displayName).toBe(`Renamed ${who}`);
      // A userId in the form is ignored: nobody renames the administrator through it.
      if (who !== "administrator") expect((await getUserById(users.administrator.id))!.displayName).not.toBe(`Renamed ${who}`);
    });
  }
});

describe("Profile → Log Out Everywhere Else: every role, for its own sessions only", () => {
  for (const who of ROLES_AND_ANON) {
    const want = who === "anonymous" ? "sign-in" : "allowed";
    it(`${who} → ${want}`, async () => {
      as(who);
      const epochs = async () => Promise.all(Object.values(users).map(async (u) => (await getSessionStampSource(u.id))!.sessionEpoch));
      const before = await epochs();
      expect(await outcome(() => logOutEverywhereElseAction(idle, fd({ sessionsPassword: "pass-word-123", userId: users.administrator.id })))).toBe(want);
      const after = await epochs();
      // Only the signed-in user's epoch moves: a userId in the form is ignored.
      Object.keys(users).forEach((role, i) => expect(after[i]! - before[i]!).toBe(role === who ? 1 : 0));
    });
  }
});

describe("Quick Draft: whoever may write posts (not subscribers)", () => {
  const allowed = expected(["administrator", "editor", "author", "contributor"]);
  for (const who of ROLES_AND_ANON) {
    const want = allowed(who);
    it(`${who} → ${want}`, async () => {
      as(who);
      const title = `Quick draft by ${who}`;
      expect(await outcome(() => quickDraftAction(idle, fd({ title, content: "Some <b>text</b>" })))).toBe(want);
      if (who !== "anonymous") {
        const drafts = await listRecentDrafts(users[who].id);
        expect(drafts.some((d) => d.title === title)).toBe(want === "allowed");
        if (want === "allowed") expect(drafts[0]!.content).toBe("<p>Some &lt;b&gt;text&lt;/b&gt;</p>");
      }
    });
  }
});

async function pngFile(name = "matrix.png") {
  const buf = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#3366cc" } }).png().toBuffer();
  return new File([new Uint8Array(buf)], name, { type: "image/png" });
}

function uploadRequest(file: File, extra: Record<string, string> = {}) {
  const body = new FormData();
  body.set("file", file);
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  return new Request("http://blog.test/admin/media/upload/", { method: "POST", body, headers: { accept: "application/json", host: "blog.test" } });
}

describe("Media upload route: upload_files (authors and up); 401 for nobody", () => {
  const status: Record<Who, number> = { administrator: 201, editor: 201, author: 201, contributor: 403, subscriber: 403, anonymous: 401 };
  for (const who of ROLES_AND_ANON) {
    it(`${who} → ${status[who]}`, async () => {
      as(who);
      const res = await uploadRoute(uploadRequest(await pngFile(`by-${who}.png`)));
      expect(res.status).toBe(status[who]);
      const body = await res.json();
      if (res.status === 201) {
        expect(body.sizes.thumbnail.url).toMatch(/^\/wp-content\/uploads\/\d{4}\/\d{2}\/by-.*-150x150\.png$/);
        expect((await getMediaById(body.id))!.authorId).toBe(users[who as Role].id);
      } else {
        expect(body.error).toBeTruthy();
      }
    });
  }
  it("an author cannot attach an upload to someone else's post", async () => {
    const editorsPost = await makePost(users.editor.id);
    as("author");
    const res = await uploadRoute(uploadRequest(await pngFile(), { postId: String(editorsPost.id) }));
    expect(res.status).toBe(403);
  });
  it("a disguised file gets 415 and an oversized body 413", async () => {
    as("author");
    const fake = new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "cat.jpg", { type: "image/jpeg" });
    expect((await uploadRoute(uploadRequest(fake))).status).toBe(415);
    const big = new Request("http://blog.test/admin/media/upload/", { method: "POST", headers: { accept: "application/json", "content-length": String(50 * 1024 * 1024), host: "blog.test" }, body: "x" });
    expect((await uploadRoute(big)).status).toBe(413);
  });
  it("a cross-site form is refused", async () => {
    as("administrator");
    const body = new FormData();
    body.set("file", await pngFile());
    const req = new Request("http://blog.test/admin/media/upload/", { method: "POST", body, headers: { origin: "https://evil.example", host: "blog.test", accept: "application/json" } });
    expect((await uploadRoute(req)).status).toBe(403);
  });
});

describe("Media edit and delete: own files for authors, everyone's for editors and administrators", () => {
  const mediaOf = async (owner: Role) =>
    await insertMedia({ authorId: users[owner].id, path: "", fileName: `x-${owner}.png`, mimeType: "image/png", title: "before" });
  // [actor, owner of the file] → allowed?
  const table: [Who, Role, boolean][] = [
    ["administrator", "author", true],
    ["editor", "author", true],
    ["author", "author", true],
    ["author", "editor", false],
    ["contributor", "contributor", false],
    ["subscriber", "subscriber", false],
    ["anonymous", "author", false],
  ];
  for (const [who, owner, ok] of table) {
    it(`update: ${who} on ${owner}'s file → ${ok ? "saved" : "refused"}`, async () => {
      const m = await mediaOf(owner);
      as(who);
      const got = await outcome(async () => {
        const s = await updateMediaAction(idle, fd({ id: m.id, title: "after", alt: "Alt", caption: "", postId: "" }));
        if (s.status !== "success") throw new Forbidden(s.message);
      });
      expect(got).toBe(ok ? "allowed" : who === "anonymous" ? "sign-in" : "forbidden");
      expect((await getMediaById(m.id))!.title).toBe(ok ? "after" : "before");
    });
    it(`delete: ${who} on ${owner}'s file → ${ok ? "deleted" : "kept"}`, async () => {
      const m = await mediaOf(owner);
      as(who);
      await outcome(() => deleteMediaAction(fd({ id: m.id })));
      expect(!!await getMediaById(m.id)).toBe(!ok);
    });
  }
});

describe("Media library JSON (for the editor's pickers): upload_files", () => {
  const status: Record<Who, number> = { administrator: 200, editor: 200, author: 200, contributor: 403, subscriber: 403, anonymous: 401 };
  for (const who of ROLES_AND_ANON) {
    it(`${who} → ${status[who]}`, async () => {
      as(who);
      const res = await libraryRoute(new Request("http://blog.test/admin/media/library/?type=image"));
      expect(res.status).toBe(status[who]);
      if (res.status === 200) {
        const body = await res.json();
        const item = body.items.find((i: { url: string }) => /by-author\.png$/.test(i.url));
        expect(item.sizes.thumbnail).toMatchObject({ width: 150, height: 150 });
        expect(item.sizes.thumbnail.url).toMatch(/^\/wp-content\/uploads\/.*by-author-150x150\.png$/);
      }
    });
  }
  it("refuses a bad query with 400", async () => {
    as("author");
    expect((await libraryRoute(new Request("http://blog.test/admin/media/library/?page=-3"))).status).toBe(400);
  });
});
