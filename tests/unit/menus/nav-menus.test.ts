// Menus: the tree rules behind the Move buttons and drag and drop, WXR import and export of
// nav_menu_item, and what the reader's header shows (menu or the page-list fallback).
import { describe, it, expect, beforeAll } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { dbAll, dbCount, dbOne, importFixture } from "../support/wxr";
import { buildTree, dropItem, flatten, moveItem, availableMoves, treeFromOrder, MAX_MENU_DEPTH } from "@/lib/menus/tree";
import { menusFromWxr, unserializeStrings } from "@/lib/wxr/menus";
import { cleanMenuUrl } from "@/lib/menus/urls";
import { readWxr, importWxr } from "@/db/queries/wxr-import";
import { exportWxr } from "@/db/queries/wxr-export";
import { addMenuItems, deleteMenu, deleteMenuItem, listMenuItems, saveMenu, getMenuBySlug } from "@/db/queries/menus";
import { getDataVersion } from "@/db/queries/archives";
import { getOptions, updateOptions } from "@/db/queries/options";
import { navItemsFor } from "@/lib/menus/resolve";
import { siteMenus } from "@/lib/site/menus";
import { adminBarFor, editLinkFor } from "@/lib/site/admin-bar";

const flat = (pairs: [number, number | null][]) => pairs.map(([id, parentId]) => ({ id, parentId }));
const shape = (tree: ReturnType<typeof buildTree>) => flatten(tree).map((f) => `${f.id}${f.parentId ? `<${f.parentId}` : ""}`).join(" ");

describe("menu tree", () => {
  // 1, 2 (with 3 under it), 4
  const items = flat([[1, null], [2, null], [3, 2], [4, null]]);

  it("moves up, down, under and out as WordPress's Move links do", async () => {
    const tree = buildTree(items);
    expect(shape(tree)).toBe("1 2 3<2 4");
    expect(shape(moveItem(tree, 2, "up"))).toBe("2 3<2 1 4");
    expect(shape(moveItem(tree, 2, "down"))).toBe("1 4 2 3<2");
    expect(shape(moveItem(tree, 2, "under"))).toBe("1 2<1 3<2 4");
    expect(shape(moveItem(tree, 3, "out"))).toBe("1 2 3 4");
    expect(shape(moveItem(tree, 4, "top"))).toBe("4 1 2 3<2");
    // The original is not changed.
    expect(shape(tree)).toBe("1 2 3<2 4");
  });

  it("offers only the moves that apply, named after the neighbours", async () => {
    const tree = buildTree(items);
    const label = (i: { id: number }) => `Item ${i.id}`;
    expect(availableMoves(tree, 1, label).map((m) => m.text)).toEqual(["Down one"]);
    expect(availableMoves(tree, 3, label).map((m) => m.text)).toEqual(["Out from under Item 2", "To the top"]);
    expect(availableMoves(tree, 4, label).map((m) => m.text)).toEqual(["Up one", "Under Item 2", "To the top"]);
    expect(shape(moveItem(tree, 1, "up"))).toBe("1 2 3<2 4");
  });

  it("drops before, after and under another item, never into its own sub-tree", async () => {
    const tree = buildTree(items);
    expect(shape(dropItem(tree, 4, 2, "before"))).toBe("1 4 2 3<2");
    expect(shape(dropItem(tree, 1, 3, "after"))).toBe("2 3<2 1<2 4");
    expect(shape(dropItem(tree, 4, 1, "child"))).toBe("1 4<1 2 3<2");
    expect(shape(dropItem(tree, 2, 3, "child"))).toBe("1 2 3<2 4");
  });

  it("refuses a posted order that misses items, names strangers, or nests too deep", async () => {
    expect(treeFromOrder(items, flat([[1, null], [2, null], [3, 2]]))).toBeNull();
    expect(treeFromOrder(items, flat([[1, null], [2, null], [3, 9], [4, null]]))).toBeNull();
    expect(treeFromOrder(items, flat([[3, 2], [2, null], [1, null], [4, null]]))).toBeNull();
    const chain = Array.from({ length: MAX_MENU_DEPTH + 2 }, (_, i) => ({ id: i + 1, parentId: i ? i : null }));
    expect(treeFromOrder(chain, chain)).toBeNull();
    expect(shape(treeFromOrder(items, flat([[4, null], [1, 4], [2, null], [3, 2]]))!)).toBe("4 1<4 2 3<2");
  });

  it("treats a cycle in stored data as top-level items rather than looping", async () => {
    expect(shape(buildTree(flat([[1, 2], [2, 1]])))).toMatch(/^\d+ \d+/);
  });
});

describe("custom link URLs", () => {
  it("keeps web, mail, phone and site-relative links and drops script", async () => {
    expect(cleanMenuUrl(" https://wordpress.org/ ")).toBe("https://wordpress.org/");
    expect(cleanMenuUrl("/about/")).toBe("/about/");
    expect(cleanMenuUrl("mailto:me@example.com")).toBe("mailto:me@example.com");
    expect(cleanMenuUrl("javascript:alert(1)")).toBeNull();
    expect(cleanMenuUrl("JaVaScRiPt:alert(1)")).toBeNull();
    expect(cleanMenuUrl("//evil.example/")).toBeNull();
    expect(cleanMenuUrl("data:text/html,hi")).toBeNull();
  });
});

describe("WXR menus", () => {
  let adminId: number;
  beforeAll(async () => {
    adminId = (await makeUser("administrator")).id;
  });

  it("reads nav_menu terms and nav_menu_item meta from the theme unit test", async () => {
    const fs = await import("node:fs");
    const parsed = await readWxr(fs.createReadStream("tests/fixtures/wxr/theme-unit-test-data.xml"));
    const menus = menusFromWxr(parsed.terms, parsed.items);
    expect(menus.map((m) => [m.slug, m.items.length]).sort()).toEqual([["all-pages", 18], ["all-pages-flat", 18], ["empty-menu", 0], ["short", 6], ["social-menu", 5], ["testing-menu", 23]]);
    const social = menus.find((m) => m.slug === "social-menu")!;
    expect(social.items[0]).toMatchObject({ type: "custom", object: "custom", url: "https://twitter.com/wordpress", parentWpId: 0, title: "twitter.com" });
    expect(menus.find((m) => m.slug === "all-pages")!.items.some((i) => i.parentWpId > 0)).toBe(true);
    expect(unserializeStrings('a:2:{i:0;s:4:"icon";i:1;s:5:"élan";}')).toEqual(["icon", "élan"]);
  });

  it("imports the menus with their nesting and links, and exports them again", async () => {
    await importFixture("theme-unit-test-data.xml", { fallbackAuthorId: adminId });
    expect(await dbCount("SELECT count(*) n FROM menus")).toBe(6);
    const allPages = (await getMenuBySlug("all-pages"))!;
    const items = await listMenuItems(allPages.id);
    expect(items).toHaveLength(18);
    // Every item links to an imported page; some are nested under another item of the menu.
    for (const i of items) expect(await dbOne("SELECT 1 AS ok FROM posts WHERE id = ? AND type = 'page'", i.objectId)).toBeTruthy();
    const nested = items.filter((i) => i.parentId);
    expect(nested.length).toBeGreaterThan(0);
    for (const i of nested) expect(items.some((p) => p.id === i.parentId)).toBe(true);
    const nav = await navItemsFor(items, await getOptions());
    expect(nav.length).toBeLessThan(18);
    expect(nav.some((n) => n.children.length > 0)).toBe(true);

    // Export, then import into a site that no longer has the menus: the same menus come back.
    const chunks: string[] = [];
    for await (const c of exportWxr({ content: "all" })) chunks.push(c);
    const xml = chunks.join("");
    expect(xml).toContain("<wp:term_taxonomy><![CDATA[nav_menu]]></wp:term_taxonomy>");
    expect((xml.match(/<wp:post_type><!\[CDATA\[nav_menu_item\]\]><\/wp:post_type>/g) ?? []).length).toBe(70);
    const menuCounts = async () =>
      (await dbAll<{ slug: string; n: number | string; nested: number | string }>(
        "SELECT m.slug, count(i.id) AS n, count(i.parent_id) AS nested FROM menus m LEFT JOIN menu_items i ON i.menu_id = m.id GROUP BY m.id, m.slug ORDER BY m.slug",
      )).map((r) => ({ slug: r.slug, n: Number(r.n), nested: Number(r.nested) }));
    const before = await menuCounts();
    for (const m of await dbAll<{ id: number }>("SELECT id FROM menus")) await deleteMenu(m.id);
    const report = await importWxr([xml], { fallbackAuthorId: adminId });
    expect(report.created).toMatchObject({ menus: 6, "menu items": 70 });
    expect(await menuCounts()).toEqual(before);
    const social = await listMenuItems((await getMenuBySlug("social-menu"))!.id);
    expect(social[0]).toMatchObject({ type: "custom", url: "https://twitter.com/wordpress" });
  });
});

describe("menus on the reader's pages", () => {
  let authorId: number;
  beforeAll(async () => {
    authorId = (await makeUser("author")).id;
  });

  it("moves the content version on every menu write, so cached pages show the new menu", async () => {
    const v0 = await getDataVersion();
    const made = await saveMenu({ name: "Version test" });
    if (!made.ok) throw new Error(made.message);
    const v1 = await getDataVersion();
    expect(v1).not.toBe(v0);
    const [item] = await addMenuItems(made.menu.id, [{ type: "custom", object: "custom", objectId: null, url: "https://example.com/", title: "Ex" }]);
    const v2 = await getDataVersion();
    expect(v2).not.toBe(v1);
    await deleteMenuItem(made.menu.id, item!.id);
    expect(await getDataVersion()).not.toBe(v2);
    expect(await saveMenu({ name: "Version test" })).toMatchObject({ ok: false });
  });

  it("falls back to the published top-level pages, by menu order then title, without a header menu", async () => {
    await updateOptions({ nav_menu_locations: {} });
    const parent = await makePost(authorId, { type: "page", title: "Zeta page", slug: "zeta-page", status: "publish", menuOrder: 0 });
    await makePost(authorId, { type: "page", title: "Alpha page", slug: "alpha-page", status: "publish", menuOrder: 5 });
    await makePost(authorId, { type: "page", title: "Child page", slug: "child-page", status: "publish", parentId: parent.id });
    await makePost(authorId, { type: "page", title: "Draft page", slug: "draft-page", status: "draft" });
    const labels = (await siteMenus(await getOptions(), ["header"])).header.map((i) => i.label);
    expect(labels).toContain("Zeta page");
    expect(labels).not.toContain("Child page");
    expect(labels).not.toContain("Draft page");
    expect(labels.indexOf("Zeta page")).toBeLessThan(labels.indexOf("Alpha page"));
  });

  it("shows the assigned header menu, leaving out items whose page is no longer published", async () => {
    const made = await saveMenu({ name: "Header" });
    if (!made.ok) throw new Error(made.message);
    const page = await makePost(authorId, { type: "page", title: "Shown", slug: "shown", status: "publish" });
    const draft = await makePost(authorId, { type: "page", title: "Hidden", slug: "hidden", status: "draft" });
    const [top] = await addMenuItems(made.menu.id, [{ type: "post_type", object: "page", objectId: page.id }]);
    await addMenuItems(made.menu.id, [
      { type: "post_type", object: "page", objectId: draft.id, parentId: top!.id },
      { type: "custom", object: "custom", objectId: null, url: "https://wordpress.org/", title: "WordPress", parentId: top!.id, target: "_blank" },
    ]);
    await updateOptions({ nav_menu_locations: { header: made.menu.id } });
    const header = (await siteMenus(await getOptions(), ["header", "footer"])).header;
    expect(header).toEqual([{ id: String(top!.id), label: "Shown", url: "/shown/", children: [expect.objectContaining({ label: "WordPress", url: "https://wordpress.org/", target: "_blank" })] }]);
  });
});

describe("admin bar", () => {
  it("offers + New by capability and Edit Post only on posts the user may edit", async () => {
    const admin = await makeUser("administrator");
    const author = await makeUser("author");
    const other = await makeUser("author");
    const subscriber = await makeUser("subscriber");
    const own = await makePost(author.id, { title: "Own", slug: "own-post", status: "publish", date: "2026-01-02 10:00:00", dateGmt: "2026-01-02 10:00:00" });
    const theirs = await makePost(other.id, { title: "Theirs", slug: "their-post", status: "publish", date: "2026-01-02 10:00:00", dateGmt: "2026-01-02 10:00:00" });
    const opts = await getOptions();
    const pathOf = (slug: string) => (opts.permalink_structure ? `/2026/01/02/${slug}/` : `/?p=${slug === "own-post" ? own.id : theirs.id}`);
    expect((await adminBarFor(admin, "Site", "/")).newItems.map((i) => i.label)).toEqual(["Post", "Media", "Page", "User"]);
    expect((await adminBarFor(author, "Site", "/")).newItems.map((i) => i.label)).toEqual(["Post", "Media"]);
    expect((await adminBarFor(subscriber, "Site", "/")).newItems).toEqual([]);
    expect((await adminBarFor(author, "Site", "/")).pending).toBeUndefined();
    expect((await adminBarFor(admin, "Site", "/")).pending).toMatchObject({ count: expect.any(Number) });
    expect(await editLinkFor(author, pathOf("own-post"))).toEqual({ label: "Edit Post", url: `/admin/posts/${own.id}/` });
    expect(await editLinkFor(author, pathOf("their-post"))).toBeUndefined();
    expect(await editLinkFor(admin, pathOf("their-post"))).toEqual({ label: "Edit Post", url: `/admin/posts/${theirs.id}/` });
    expect(await editLinkFor(subscriber, pathOf("own-post"))).toBeUndefined();
    expect(await editLinkFor(admin, "/category/uncategorized/")).toMatchObject({ label: "Edit Category" });
    expect(await editLinkFor(author, "/category/uncategorized/")).toBeUndefined();
  });
});
