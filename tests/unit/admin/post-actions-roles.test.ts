// Roles hold on the server: every server action of the writing screens, called directly as every
// role (and signed out), allows or refuses as WordPress does.
import { beforeAll, describe, expect, it, vi } from "vitest";
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

const posts = await import("@/app/admin/posts/actions");
const termActions = await import("@/app/admin/categories/actions");
const { getPostById } = await import("@/db/queries/posts");
const { insertTerm } = await import("@/db/queries/terms");
const { listRevisions } = await import("@/db/queries/revisions");
const { initialFormState } = await import("@/lib/form-state");

const users = {} as Record<Role, { id: number }>;
let owner: { id: number };
let seq = 0;

beforeAll(async () => {
  for (const role of ROLES) users[role] = await makeUser(role);
  owner = await makeUser("author");
});

/** A fresh post by someone else, so every call works on its own row. */
const othersPost = async (over: Parameters<typeof makePost>[1] = {}) => await makePost(owner.id, { status: "draft", ...over });

type Allowed = "allow" | "deny";
const expectations = (allowed: Role[]): Record<Role, Allowed> =>
  Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? "allow" : "deny"])) as Record<Role, Allowed>;

const WRITERS: Role[] = ["administrator", "editor", "author", "contributor"];
const EDITORS: Role[] = ["administrator", "editor"];

interface Case {
  name: string;
  allowed: Role[];
  run: () => Promise<unknown>;
  /** After an allowed call, what must be true. */
  check?: (role: Role) => void;
}

const cases: Case[] = [
  {
    name: "savePostAction: write a new draft",
    allowed: WRITERS,
    run: () => posts.savePostAction(initialFormState, fd({ type: "post", intent: "save_draft", title: `Draft ${++seq}`, content: "<p>x</p>" })),
  },
  {
    name: "savePostAction: edit someone else's draft",
    allowed: EDITORS,
    run: async () => {
      const p = await othersPost();
      return posts.savePostAction(initialFormState, fd({ type: "post", id: p.id, version: p.version, intent: "save_draft", title: "Changed", slug: p.slug }));
    },
  },
  {
    name: "savePostAction: update someone else's published post",
    allowed: EDITORS,
    run: async () => {
      const p = await othersPost({ status: "publish" });
      return posts.savePostAction(initialFormState, fd({ type: "post", id: p.id, version: p.version, intent: "update", title: "Changed", slug: p.slug }));
    },
  },
  {
    name: "savePostAction: write a new page",
    allowed: EDITORS,
    run: () => posts.savePostAction(initialFormState, fd({ type: "page", intent: "save_draft", title: `Page ${++seq}` })),
  },
  {
    name: "autosavePostAction: someone else's post",
    allowed: EDITORS,
    run: async () => posts.autosavePostAction({ id: (await othersPost()).id, type: "post", title: "a", content: "b", excerpt: "" }),
  },
  {
    name: "autosavePostAction: a new post",
    allowed: WRITERS,
    run: () => posts.autosavePostAction({ type: "post", title: `Auto ${++seq}`, content: "b", excerpt: "" }),
  },
  {
    name: "trashPostAction: someone else's published post",
    allowed: EDITORS,
    run: async () => posts.trashPostAction(fd({ type: "post", id: (await othersPost({ status: "publish" })).id })),
    check: () => {},
  },
  {
    name: "bulkPostsAction: trash someone else's draft",
    allowed: EDITORS,
    run: async () => posts.bulkPostsAction(fd({ type: "post", bulkAction: "trash", ids: [(await othersPost()).id] })),
  },
  {
    name: "bulkPostsAction: edit status of someone else's draft",
    allowed: EDITORS,
    run: async () => posts.bulkPostsAction(fd({ type: "post", bulkAction: "edit", status: "pending", ids: [(await othersPost()).id] })),
  },
  {
    name: "restorePostAction: someone else's trashed post",
    allowed: EDITORS,
    run: async () => posts.restorePostAction(fd({ type: "post", id: (await othersPost({ status: "trash", trashedFrom: "draft" })).id })),
  },
  {
    name: "deletePostAction: someone else's trashed post",
    allowed: EDITORS,
    run: async () => posts.deletePostAction(fd({ type: "post", id: (await othersPost({ status: "trash", trashedFrom: "draft" })).id })),
  },
  {
    name: "quickEditPostAction: someone else's draft",
    allowed: EDITORS,
    run: async () => {
      const p = await othersPost();
      return posts.quickEditPostAction(initialFormState, fd({ type: "post", id: p.id, version: p.version, title: "Quick", slug: p.slug, status: "draft", date: "2026-01-15T10:00" }));
    },
  },
  {
    name: "restoreRevisionAction: someone else's post",
    allowed: EDITORS,
    run: async () => {
      asUserKeep(owner.id);
      const saved = await outcome(() => posts.autosavePostAction({ type: "post", title: "Rev", content: "one", excerpt: "" }));
      asUserKeep(null);
      const id = (saved as { kind: "state"; value: { id: number } }).value.id;
      const rev = (await listRevisions(id))[0]!;
      return posts.restoreRevisionAction(fd({ type: "post", postId: id, revisionId: rev.id }));
    },
  },
  {
    name: "addCategoryAction",
    allowed: EDITORS,
    run: () => posts.addCategoryAction({ name: `Inline ${++seq}` }),
  },
  {
    name: "saveTermAction: add a category",
    allowed: EDITORS,
    run: () => termActions.saveTermAction(initialFormState, fd({ taxonomy: "category", name: `Cat ${++seq}` })),
  },
  {
    name: "saveTermAction: add a tag",
    allowed: EDITORS,
    run: () => termActions.saveTermAction(initialFormState, fd({ taxonomy: "post_tag", name: `Tag ${++seq}` })),
  },
  {
    name: "deleteTermAction: a category",
    allowed: EDITORS,
    run: async () => termActions.deleteTermAction(fd({ taxonomy: "category", id: (await insertTerm({ taxonomy: "category", name: `Del ${++seq}`, slug: `del-${seq}` })).id })),
  },
];

// The restore case signs in as the owner for its setup; remember who the test is acting as.
let acting: number | null = null;
function asUserKeep(id: number | null) {
  asUser(id ?? acting);
}

describe("every writing action, as every role", () => {
  for (const c of cases) {
    const expected = expectations(c.allowed);
    for (const role of ROLES) {
      it(`${c.name}: ${role} ${expected[role] === "allow" ? "may" : "may not"}`, async () => {
        acting = users[role].id;
        asUser(acting);
        const out = await outcome(c.run);
        if (expected[role] === "allow") {
          expect(out.kind === "forbidden" || out.kind === "login", `${role}: ${JSON.stringify(out)}`).toBe(false);
          if (out.kind === "state") expect((out.value as { status?: string; ok?: boolean }).status !== "error" && (out.value as { ok?: boolean }).ok !== false, JSON.stringify(out.value)).toBe(true);
        } else {
          expect(out.kind, `${role}: ${JSON.stringify(out)}`).toBe("forbidden");
        }
      });
    }
    it(`${c.name}: signed out goes to sign-in`, async () => {
      acting = null;
      asUser(null);
      expect((await outcome(c.run)).kind).toBe("login");
    });
  }
});

describe("own posts", () => {
  it("an author publishes and updates their own post; a contributor's Publish becomes Pending and cannot touch it once published", async () => {
    asUser(users.author.id);
    const out = await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", intent: "publish", title: "Mine to publish" })));
    expect(out.kind).toBe("redirect");
    const id = Number(/\/(\d+)\//.exec((out as { url: string }).url)![1]);
    expect((await getPostById(id))!.status).toBe("publish");

    asUser(users.contributor.id);
    const c = await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", intent: "publish", title: "Contributor tries" })));
    const cid = Number(/\/(\d+)\//.exec((c as { url: string }).url)![1]);
    expect((await getPostById(cid))!.status).toBe("pending");

    const published = await makePost(users.contributor.id, { status: "publish" });
    const again = await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", id: published.id, version: published.version, intent: "update", title: "x", slug: published.slug })));
    expect(again.kind).toBe("forbidden");
    const trash = await outcome(() => posts.trashPostAction(fd({ type: "post", id: published.id })));
    expect(trash.kind).toBe("forbidden");
    expect((await getPostById(published.id))!.status).toBe("publish");
  });

  it("an author cannot reassign a post to someone else; an editor can", async () => {
    asUser(users.author.id);
    const out = await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", intent: "save_draft", title: "Reassign", authorId: owner.id })));
    expect(out.kind).toBe("forbidden");
    asUser(users.editor.id);
    const ok = await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", intent: "save_draft", title: "Reassigned", authorId: owner.id })));
    const id = Number(/\/(\d+)\//.exec((ok as { url: string }).url)![1]);
    expect((await getPostById(id))!.authorId).toBe(owner.id);
  });
});

// WordPress judges a trashed post by the status it had (_wp_trash_meta_status): a post an editor
// published and then took down stays out of its contributor's reach in every action.
describe("a post published, then trashed, is judged as published", () => {
  const takenDown = async (authorId: number) => await makePost(authorId, { status: "trash", trashedFrom: "publish" });
  const contributorCases: [string, (p: Awaited<ReturnType<typeof takenDown>>) => Promise<unknown>][] = [
    ["restorePostAction", (p) => posts.restorePostAction(fd({ type: "post", id: p.id }))],
    ["deletePostAction", (p) => posts.deletePostAction(fd({ type: "post", id: p.id }))],
    ["bulkPostsAction restore", (p) => posts.bulkPostsAction(fd({ type: "post", bulkAction: "restore", ids: [p.id] }))],
    ["bulkPostsAction delete", (p) => posts.bulkPostsAction(fd({ type: "post", bulkAction: "delete", ids: [p.id] }))],
    ["bulkPostsAction edit", (p) => posts.bulkPostsAction(fd({ type: "post", bulkAction: "edit", status: "pending", ids: [p.id] }))],
    ["autosavePostAction", (p) => posts.autosavePostAction({ id: p.id, type: "post", title: "Rewritten", content: "spam", excerpt: "" })],
    ["quickEditPostAction", (p) => posts.quickEditPostAction(initialFormState, fd({ type: "post", id: p.id, version: p.version, title: "Rewritten", slug: p.slug, status: "draft", date: "2026-01-15T10:00" }))],
    ["savePostAction", (p) => posts.savePostAction(initialFormState, fd({ type: "post", id: p.id, version: p.version, intent: "save_draft", title: "Rewritten", slug: p.slug }))],
  ];
  for (const [name, run] of contributorCases) {
    it(`${name}: its contributor may not touch it, and it stays in the Trash as it was`, async () => {
      const p = await takenDown(users.contributor.id);
      asUser(users.contributor.id);
      expect((await outcome(() => run(p))).kind).toBe("forbidden");
      const after = (await getPostById(p.id))!;
      expect([after.status, after.trashedFrom, after.title, after.content]).toEqual(["trash", "publish", p.title, p.content]);
    });
  }

  it("restoreRevisionAction: its contributor may not rewrite it from an older revision", async () => {
    asUser(users.contributor.id);
    const draft = await outcome(() => posts.autosavePostAction({ type: "post", title: "Mine", content: "first", excerpt: "" }));
    const id = (draft as { kind: "state"; value: { id: number } }).value.id;
    const rev = (await listRevisions(id))[0]!;
    // An editor publishes it in their own words, then takes it down.
    asUser(users.editor.id);
    const current = (await getPostById(id))!;
    await outcome(() => posts.savePostAction(initialFormState, fd({ type: "post", id, version: current.version, intent: "publish", title: "Mine", content: "the editor's words", slug: current.slug })));
    await outcome(() => posts.trashPostAction(fd({ type: "post", id })));
    expect((await getPostById(id))!.trashedFrom).toBe("publish");
    asUser(users.contributor.id);
    expect((await outcome(() => posts.restoreRevisionAction(fd({ type: "post", postId: id, revisionId: rev.id })))).kind).toBe("forbidden");
    expect((await getPostById(id))!.content).toContain("the editor's words");
  });

  it("an author restores their own published post to published; a contributor restores their own draft", async () => {
    const mine = await takenDown(users.author.id);
    asUser(users.author.id);
    expect((await outcome(() => posts.restorePostAction(fd({ type: "post", id: mine.id })))).kind).toBe("redirect");
    expect((await getPostById(mine.id))!.status).toBe("publish");

    const draft = await makePost(users.contributor.id, { status: "trash", trashedFrom: "draft" });
    asUser(users.contributor.id);
    expect((await outcome(() => posts.restorePostAction(fd({ type: "post", id: draft.id })))).kind).toBe("redirect");
    expect((await getPostById(draft.id))!.status).toBe("draft");
  });

  it("an editor restores and deletes it", async () => {
    asUser(users.editor.id);
    const a = await takenDown(users.contributor.id);
    const b = await takenDown(users.contributor.id);
    expect((await outcome(() => posts.restorePostAction(fd({ type: "post", id: a.id })))).kind).toBe("redirect");
    expect((await getPostById(a.id))!.status).toBe("publish");
    expect((await outcome(() => posts.deletePostAction(fd({ type: "post", id: b.id })))).kind).toBe("redirect");
    expect(await getPostById(b.id)).toBeUndefined();
  });
});
