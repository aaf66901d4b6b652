// The editor's writes through its real actions: counts, trash, conflicts, bad input, sanitizing,
// the default category, scheduling and revisions.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Redirect, Forbidden, NotFound, session, asUser, outcome, fd } from "../support/actions";
import { makeUser } from "../support/factories";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  forbidden: () => { throw new Forbidden(); },
  notFound: () => { throw new NotFound(); },
}));

const actions = await import("@/app/admin/posts/actions");
const termActions = await import("@/app/admin/categories/actions");
const { getPostById } = await import("@/db/queries/posts");
const { insertTerm } = await import("@/db/queries/terms");
const { getTermById } = await import("@/db/queries/term-admin");
const { getPostForEdit, publishDuePosts } = await import("@/db/queries/post-editor");
const { listRevisions, countRevisions } = await import("@/db/queries/revisions");
const { updateOptions } = await import("@/db/queries/options");
const { initialFormState } = await import("@/lib/form-state");
type FormState = import("@/lib/form-state").FormState;

let editor: { id: number };
let author: { id: number };
let defaultCat: number;

beforeAll(async () => {
  editor = await makeUser("editor");
  author = await makeUser("author");
  defaultCat = (await insertTerm({ taxonomy: "category", name: "Uncategorized", slug: "uncategorized" })).id;
  await updateOptions({ default_category: defaultCat });
});

async function save(values: Parameters<typeof fd>[0]): Promise<{ id?: number; state?: FormState; url?: string }> {
  const out = await outcome(() => actions.savePostAction(initialFormState, fd({ type: "post", ...values })));
  if (out.kind === "redirect") return { id: Number(/\/(\d+)\//.exec(out.url)![1]), url: out.url };
  if (out.kind === "state") return { state: out.value as FormState };
  throw new Error(`unexpected ${out.kind}`);
}

const count = async (termId: number) => (await getTermById("category", termId))?.count;

describe("term counts follow every status change", () => {
  it("publish, switch to draft, publish, trash, restore, delete", async () => {
    asUser(editor.id);
    const cat = (await insertTerm({ taxonomy: "category", name: "Counted", slug: "counted" })).id;
    const { id } = await save({ intent: "publish", title: "Counting", categories: [cat], tags: "alpha, beta" });
    const tag = (await getPostForEdit(id!))!;
    expect(tag.tagNames).toEqual(["alpha", "beta"]);
    expect(await count(cat)).toBe(1);
    const v = async () => (await getPostById(id!))!.version;
    await save({ id: id!, version: await v(), intent: "switch_draft", title: "Counting", categories: [cat] });
    expect(await count(cat)).toBe(0);
    await save({ id: id!, version: await v(), intent: "publish", title: "Counting", categories: [cat] });
    expect(await count(cat)).toBe(1);
    await outcome(() => actions.trashPostAction(fd({ type: "post", id: id! })));
    expect(await getPostById(id!)).toMatchObject({ status: "trash", trashedFrom: "publish" });
    expect(await count(cat)).toBe(0);
    await outcome(() => actions.restorePostAction(fd({ type: "post", id: id! })));
    expect(await getPostById(id!)).toMatchObject({ status: "publish", trashedFrom: null });
    expect(await count(cat)).toBe(1);
    const notTrashed = await outcome(() => actions.deletePostAction(fd({ type: "post", id: id! })));
    expect(notTrashed).toMatchObject({ kind: "redirect" });
    expect(await getPostById(id!)).toBeDefined();
    await outcome(() => actions.bulkPostsAction(fd({ type: "post", bulkAction: "trash", ids: [id!] })));
    await outcome(() => actions.bulkPostsAction(fd({ type: "post", bulkAction: "delete", ids: [id!] })));
    expect(await getPostById(id!)).toBeUndefined();
    expect(await count(cat)).toBe(0);
  });

  it("a post with no category goes to the default one", async () => {
    asUser(editor.id);
    const { id } = await save({ intent: "save_draft", title: "No category" });
    expect((await getPostForEdit(id!))!.categoryIds).toEqual([defaultCat]);
  });
});

describe("conflicts and bad input leave nothing half saved", () => {
  it("a save from a stale version is refused with a message, then overwrites only when asked", async () => {
    asUser(editor.id);
    const { id } = await save({ intent: "publish", title: "Original" });
    const v1 = (await getPostById(id!))!.version;
    await save({ id: id!, version: v1, intent: "update", title: "First editor" });
    const stale = await save({ id: id!, version: v1, intent: "update", title: "Second editor" });
    expect(stale.state?.status).toBe("error");
    expect(stale.state?.message).toMatch(/while you were editing/);
    expect(stale.state?.values?.title).toBe("Second editor");
    expect((await getPostById(id!))!.title).toBe("First editor");
    await save({ id: id!, version: v1, intent: "update", title: "Second editor", overwrite: "1" });
    expect((await getPostById(id!))!.title).toBe("Second editor");
  });

  it("a duplicate typed slug and a non-existent date are field errors; no row is written", async () => {
    asUser(editor.id);
    await save({ intent: "save_draft", title: "Taken", slug: "taken-slug" });
    const dup = await save({ intent: "save_draft", title: "Dup attempt", slug: "taken-slug", categories: [], newCategory: "Should not exist" });
    expect(dup.state?.fieldErrors?.slug?.[0]).toMatch(/already used/);
    const bad = await save({ intent: "publish", title: "Bad date", date: "2026-02-30T10:00" });
    expect(bad.state?.fieldErrors?.date?.[0]).toMatch(/does not exist/);
    const { listAdminPosts } = await import("@/db/queries/post-admin-list");
    const find = async (search: string) => (await listAdminPosts({ type: "post", view: "all", search, orderBy: "date", order: "desc", page: 1, perPage: 10, userId: editor.id, canReadOthersPrivate: true })).total;
    expect(await find("Dup attempt")).toBe(0);
    expect(await find("Bad date")).toBe(0);
    const { listTermsForAdmin } = await import("@/db/queries/term-admin");
    expect((await listTermsForAdmin("category")).some((t) => t.name === "Should not exist")).toBe(false);
    // Slugs made from titles stay unique without asking.
    const a = await save({ intent: "save_draft", title: "Same title" });
    const b = await save({ intent: "save_draft", title: "Same title" });
    expect((await getPostById(a.id!))!.slug).toBe("same-title");
    expect((await getPostById(b.id!))!.slug).toBe("same-title-2");
  });

  it("an author's script and event handlers are removed; an editor's HTML is kept as written", async () => {
    const html = `<p onclick="x()">Hi</p><script>alert(1)</script><iframe src="https://example.com"></iframe>`;
    asUser(author.id);
    const a = await save({ intent: "save_draft", title: "Author HTML", content: html });
    expect(a.url).toMatch(/filtered=1/);
    expect((await getPostById(a.id!))!.content).toBe("<p>Hi</p>");
    asUser(editor.id);
    const e = await save({ intent: "save_draft", title: "Editor HTML", content: html });
    expect((await getPostById(e.id!))!.content).toBe(html);
  });
});

describe("categories", () => {
  it("the default category can be renamed but not deleted; deleting another moves its posts to the default", async () => {
    asUser(editor.id);
    const renamed = await outcome(() => termActions.saveTermAction(initialFormState, fd({ taxonomy: "category", id: defaultCat, name: "General", slug: "uncategorized" })));
    expect(renamed.kind).toBe("redirect");
    expect((await getTermById("category", defaultCat))!.name).toBe("General");
    const refused = await outcome(() => termActions.deleteTermAction(fd({ taxonomy: "category", id: defaultCat })));
    expect((refused as { url: string }).url).toMatch(/error=.*can%20be%20renamed%20but%20not%20deleted/);
    expect(await getTermById("category", defaultCat)).toBeDefined();

    const doomed = (await insertTerm({ taxonomy: "category", name: "Doomed", slug: "doomed" })).id;
    const kept = (await insertTerm({ taxonomy: "category", name: "Kept", slug: "kept" })).id;
    const only = await save({ intent: "publish", title: "Only doomed", categories: [doomed] });
    const both = await save({ intent: "publish", title: "Doomed and kept", categories: [doomed, kept] });
    const before = (await getTermById("category", defaultCat))!.count;
    const out = await outcome(() => termActions.deleteTermAction(fd({ taxonomy: "category", id: doomed })));
    expect((out as { url: string }).url).toMatch(/moved=1/);
    expect((await getPostForEdit(only.id!))!.categoryIds).toEqual([defaultCat]);
    expect((await getPostForEdit(both.id!))!.categoryIds).toEqual([kept]);
    expect((await getTermById("category", defaultCat))!.count).toBe(before + 1);
  });

  it("a duplicate slug and a parent loop are refused beside their fields", async () => {
    asUser(editor.id);
    const parent = await insertTerm({ taxonomy: "category", name: "Parent", slug: "parent" });
    const child = await insertTerm({ taxonomy: "category", name: "Child", slug: "child", parentId: parent.id });
    const dup = await outcome(() => termActions.saveTermAction(initialFormState, fd({ taxonomy: "category", name: "Another", slug: "parent" })));
    expect((dup as { value: FormState }).value.fieldErrors?.slug?.[0]).toMatch(/already used/);
    const loop = await outcome(async () => termActions.saveTermAction(initialFormState, fd({ taxonomy: "category", id: parent.id, name: "Parent", parentId: child.id })));
    expect((loop as { value: FormState }).value.fieldErrors?.parentId?.[0]).toMatch(/under itself/);
  });
});

describe("scheduling and revisions", () => {
  it("a scheduled post is published once its time has passed, and counted then", async () => {
    asUser(author.id);
    const cat = (await insertTerm({ taxonomy: "category", name: "Later", slug: "later" })).id;
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    const { id } = await save({ intent: "publish", title: "Tomorrow", date: future, categories: [cat] });
    expect((await getPostById(id!))!.status).toBe("future");
    expect(await count(cat)).toBe(0);
    await publishDuePosts();
    expect((await getPostById(id!))!.status).toBe("future");
    await publishDuePosts(new Date(Date.now() + 7_200_000).toISOString().slice(0, 19).replace("T", " "));
    expect((await getPostById(id!))!.status).toBe("publish");
    expect(await count(cat)).toBe(1);
  });

  it("every save keeps a revision; restoring one brings its text back as a new revision", async () => {
    asUser(author.id);
    const { id } = await save({ intent: "save_draft", title: "Rev", content: "<p>one</p>" });
    await save({ id: id!, version: (await getPostById(id!))!.version, intent: "save_draft", title: "Rev", content: "<p>two</p>" });
    const revs = await listRevisions(id!);
    expect(revs.map((r) => r.content)).toEqual(["<p>two</p>", "<p>one</p>"]);
    await outcome(() => actions.restoreRevisionAction(fd({ type: "post", postId: id!, revisionId: revs[1]!.id })));
    expect((await getPostById(id!))!.content).toBe("<p>one</p>");
    expect((await listRevisions(id!)).length).toBe(3);
  });

  it("autosave keeps a separate copy without touching the post", async () => {
    asUser(author.id);
    const { id } = await save({ intent: "save_draft", title: "Auto", content: "<p>saved</p>" });
    const res = await actions.autosavePostAction({ id: id!, type: "post", title: "Auto", content: "<p>typed</p>", excerpt: "" });
    expect(res.ok).toBe(true);
    expect((await getPostById(id!))!.content).toBe("<p>saved</p>");
    // The editor's "Revisions: N" counts saves, not the autosave.
    expect(await countRevisions(id!)).toBe(1);
    const { getNewerAutosave } = await import("@/db/queries/post-editor");
    expect((await getNewerAutosave(id!, author.id))?.content).toBe("<p>typed</p>");
  });
});

describe("pages", () => {
  it("a page cannot be placed under its own child", async () => {
    asUser(editor.id);
    const parent = await outcome(() => actions.savePostAction(initialFormState, fd({ type: "page", intent: "publish", title: "Top" })));
    const pid = Number(/\/(\d+)\//.exec((parent as { url: string }).url)![1]);
    const child = await outcome(() => actions.savePostAction(initialFormState, fd({ type: "page", intent: "publish", title: "Below", parentId: pid, menuOrder: 2 })));
    const cid = Number(/\/(\d+)\//.exec((child as { url: string }).url)![1]);
    expect(await getPostById(cid)).toMatchObject({ parentId: pid, menuOrder: 2 });
    const loop = await outcome(async () => actions.savePostAction(initialFormState, fd({ type: "page", id: pid, version: (await getPostById(pid))!.version, intent: "update", title: "Top", parentId: cid })));
    expect((loop as { value: FormState }).value.fieldErrors?.parentId?.[0]).toMatch(/not below this page/);
    expect((await getPostById(pid))!.parentId).toBeNull();
  });
});


describe("fields only some roles set", () => {
  it("an author's save keeps the sticky flag an editor set; a featured image must be a library image", async () => {
    asUser(author.id);
    const { id } = await save({ intent: "publish", title: "Sticky by editor" });
    asUser(editor.id);
    await save({ id: id!, version: (await getPostById(id!))!.version, intent: "update", title: "Sticky by editor", sticky: true });
    expect((await getPostById(id!))!.sticky).toBe(true);
    asUser(author.id);
    await save({ id: id!, version: (await getPostById(id!))!.version, intent: "update", title: "Sticky by editor", sticky: false });
    expect((await getPostById(id!))!.sticky).toBe(true);
    const bad = await save({ id: id!, version: (await getPostById(id!))!.version, intent: "update", title: "Sticky by editor", featuredMediaId: 999999 });
    expect(bad.state?.fieldErrors?.featuredMediaId?.[0]).toMatch(/media library/);
  });

  it("password-protected and private visibility", async () => {
    asUser(author.id);
    const noPass = await save({ intent: "publish", title: "Secret", visibility: "password" });
    expect(noPass.state?.fieldErrors?.password?.[0]).toMatch(/Enter a password/);
    const { id } = await save({ intent: "publish", title: "Secret", visibility: "password", password: "open sesame" });
    expect(await getPostById(id!)).toMatchObject({ status: "publish", password: "open sesame" });
    const priv = await save({ intent: "publish", title: "Diary", visibility: "private", password: "ignored" });
    expect(await getPostById(priv.id!)).toMatchObject({ status: "private", password: "" });
  });
});

describe("a date chosen on a draft", () => {
  it("is kept, so that the editor who publishes it schedules it", async () => {
    const { isDateChosen } = await import("@/db/queries/post-editor");
    asUser(author.id);
    const when = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    const { id } = await save({ intent: "save_draft", title: "Dated draft", date: when });
    expect(await isDateChosen(id!)).toBe(true);
    expect((await getPostById(id!))!.date.slice(0, 16)).toBe(when.replace("T", " "));
    const floating = await save({ intent: "save_draft", title: "Floating draft" });
    expect(await isDateChosen(floating.id!)).toBe(false);
  });
});
