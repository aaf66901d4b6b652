// The Comments screen's row and bulk actions hold on the server for every role, and each
// moderator's decision is one JSON log line.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Redirect, Forbidden, NotFound, session, asUser, outcome, fd } from "../support/actions";
import { makePost, makeUser } from "../support/factories";
import { ROLES, type Role } from "@/db/schema";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  forbidden: () => { throw new Forbidden(); },
  notFound: () => { throw new NotFound(); },
}));

const actions = await import("@/app/admin/comments/actions");
const { insertComment } = await import("@/db/queries/comments");
const { queryRow, rawSql } = await import("@/db");

const users = {} as Record<Role, { id: number }>;
let owner: { id: number };
beforeAll(async () => {
  for (const role of ROLES) users[role] = await makeUser(role);
  owner = await makeUser("author");
});

/** A held comment on a published post that none of the tested users wrote. */
async function heldComment() {
  const post = await makePost(owner.id);
  return await insertComment({ postId: post.id, status: "0", authorName: "Visitor", authorEmail: "v@example.com", content: "hold me", date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00" });
}
const statusOf = async (id: number) => (await queryRow<{ status: string }>(rawSql("SELECT status FROM comments WHERE id = ?", id)))!.status;

let lines: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  process.env.INKWELL_LOG = "off";
});
function captureLog() {
  lines = [];
  process.env.INKWELL_LOG = "on";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  });
}

describe("Approve on someone else's post", () => {
  for (const role of ROLES) {
    const may = role === "administrator" || role === "editor";
    it(`${role} ${may ? "may" : "may not"}`, async () => {
      const c = await heldComment();
      asUser(users[role].id);
      captureLog();
      const result = await outcome(() => actions.moderateCommentAction(fd({ id: c.id, action: "approve", back: "/admin/comments/" })));
      vi.restoreAllMocks();
      if (may) {
        expect(result).toEqual({ kind: "redirect", url: "/admin/comments/?notice=approve%3A1" });
        expect(await statusOf(c.id)).toBe("1");
        const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === "moderation");
        expect(logged).toMatchObject({ by: "moderator", moderatorId: users[role].id, action: "approve", commentIds: [c.id] });
      } else {
        expect(result.kind === "forbidden" || (result.kind === "redirect" && result.url.includes("notice=forbidden"))).toBe(true);
        expect(await statusOf(c.id)).toBe("0");
        expect(lines.some((l) => l.includes('"moderation"'))).toBe(false);
      }
    });
  }

  it("signed out: to the sign-in page, nothing changes", async () => {
    const c = await heldComment();
    asUser(null);
    expect(await outcome(() => actions.moderateCommentAction(fd({ id: c.id, action: "approve", back: "/admin/comments/" })))).toEqual({ kind: "login" });
    expect(await statusOf(c.id)).toBe("0");
  });
});

describe("bulk actions skip the rows a user may not touch", () => {
  it("an author marks spam only on comments on their own posts", async () => {
    const theirs = await heldComment();
    const ownPost = await makePost(users.author.id);
    const mine = await insertComment({ postId: ownPost.id, status: "0", authorName: "V", content: "on my post", date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00" });
    asUser(users.author.id);
    const result = await outcome(() => actions.bulkCommentsAction(fd({ ids: [theirs.id, mine.id], action: "spam", back: "/admin/comments/" })));
    expect(result).toEqual({ kind: "redirect", url: "/admin/comments/?notice=spam%3A1" });
    expect(await statusOf(mine.id)).toBe("spam");
    expect(await statusOf(theirs.id)).toBe("0");
  });
});
