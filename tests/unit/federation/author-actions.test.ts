// The admin's side of authors as actors, through the real server actions: Profile → "Enable
// fediverse profile" (only for those who may publish posts, only your own), and Users → Followers,
// where an author manages their own followers and nobody but a manager touches the blog's.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Redirect, Forbidden, NotFound, session, asUser, outcome, fd } from "../support/actions";
import { makeUser } from "../support/factories";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null), signInAgain: async () => false }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  forbidden: () => { throw new Forbidden(); },
  notFound: () => { throw new NotFound(); },
}));
// The Reject that Remove sends is queued for a port of this worktree's range where nothing listens.
process.env.INKWELL_JOBS = "off";
const REMOTE = "http://127.0.0.1:5799";

const { setFediverseProfileAction } = await import("@/app/admin/profile/actions");
const { manageFollowerAction } = await import("@/app/admin/users/followers/actions");
const { getFediverseUser, upsertFollower, getFollowerById } = await import("@/db/queries/federation");

let author: { id: number };
let contributor: { id: number };
let subscriber: { id: number };
let admin: { id: number };

const follower = (n: string, followed?: string) =>
  upsertFollower({ actorId: `${REMOTE}/users/${n}`, inbox: `${REMOTE}/users/${n}/inbox`, sharedInbox: null, handle: `@${n}@127.0.0.1:5799`, name: n, url: null, server: "127.0.0.1:5799", status: "accepted", followId: null, followed });

beforeAll(async () => {
  author = await makeUser("author");
  contributor = await makeUser("contributor");
  subscriber = await makeUser("subscriber");
  admin = await makeUser("administrator");
});

describe("Profile → Enable fediverse profile", () => {
  it("turns the signed-in author's own profile on and off", async () => {
    asUser(author.id);
    expect(await outcome(() => setFediverseProfileAction(fd({ fediverse: "1", userId: admin.id })))).toEqual({ kind: "redirect", url: "/admin/profile/?message=fediverse-on#fediverse" });
    expect((await getFediverseUser({ id: author.id }))?.fediverse).toBe(true);
    // An id in the form is not whose profile it is.
    expect((await getFediverseUser({ id: admin.id }))?.fediverse).toBe(false);
    expect(await outcome(() => setFediverseProfileAction(fd({})))).toEqual({ kind: "redirect", url: "/admin/profile/?message=fediverse-off#fediverse" });
    expect((await getFediverseUser({ id: author.id }))?.fediverse).toBe(false);
  });

  it("refuses a user who cannot publish posts, and someone signed out", async () => {
    asUser(contributor.id);
    expect(await outcome(() => setFediverseProfileAction(fd({ fediverse: "1" })))).toEqual({ kind: "redirect", url: "/admin/profile/?message=fediverse-forbidden#fediverse" });
    expect((await getFediverseUser({ id: contributor.id }))?.fediverse).toBe(false);
    asUser(null);
    expect((await outcome(() => setFediverseProfileAction(fd({ fediverse: "1" })))).kind).toBe("login");
  });
});

describe("Users → Followers actions, by whose follower it is", () => {
  it("lets an author remove their own follower, not the blog's; a manager the blog's; a subscriber nothing", async () => {
    asUser(author.id);
    await outcome(() => setFediverseProfileAction(fd({ fediverse: "1" })));
    const mine = await follower("ann", String(author.id));
    const blogs = await follower("ben");

    const remove = (id: number, actor?: string) => outcome(() => manageFollowerAction(fd({ id, action: "remove", view: "accepted", actor })));
    expect(await remove(blogs.id)).toEqual({ kind: "redirect", url: "/admin/users/followers/?status=accepted&message=not-found" });
    expect(await getFollowerById(blogs.id)).toBeTruthy();
    expect(await remove(mine.id, "me")).toEqual({ kind: "redirect", url: "/admin/users/followers/?actor=me&status=accepted&message=removed" });
    expect(await getFollowerById(mine.id)).toBeUndefined();

    asUser(subscriber.id);
    expect((await remove(blogs.id)).kind).toBe("forbidden");
    asUser(admin.id);
    // A manager's own profile is off: the author's follower is not theirs either.
    const another = await follower("cat", String(author.id));
    expect(await remove(another.id)).toEqual({ kind: "redirect", url: "/admin/users/followers/?status=accepted&message=not-found" });
    expect(await remove(blogs.id)).toEqual({ kind: "redirect", url: "/admin/users/followers/?status=accepted&message=removed" });
    expect(await getFollowerById(blogs.id)).toBeUndefined();
  });
});

describe("the follow widget", () => {
  it("offers the blog's handle unless the site has author profiles only", async () => {
    const { FediverseFollowWidget } = await import("@/app/(site)/_components/fediverse-follow-widget");
    const { OPTION_DEFAULTS } = await import("@/lib/options/defaults");
    expect(await FediverseFollowWidget({ opts: { ...OPTION_DEFAULTS, activitypub_actor_mode: "actor" } })).toBeNull();
    expect(await FediverseFollowWidget({ opts: { ...OPTION_DEFAULTS, activitypub_actor_mode: "actor_blog" } })).not.toBeNull();
  });
});
