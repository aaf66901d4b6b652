import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { getMenuById, listMenuCandidates, listMenuItems, listMenus } from "@/db/queries/menus";
import { listTermsForAdmin } from "@/db/queries/term-admin";
import { resolveMenuLinks } from "@/lib/menus/resolve";
import { buildTree } from "@/lib/menus/tree";
import { MENU_NAME_MAX } from "@/lib/validation/menus";
import { AppearanceTabs } from "../_components/tabs";
import { createMenuAction } from "./actions";
import { AddItemsPanels } from "./_components/add-items";
import { MenuStructure } from "./_components/menu-structure";

export const metadata: Metadata = { title: "Menus" };

type Search = { menu?: string; action?: string; done?: string; n?: string; error?: string; name?: string; panel?: string; url?: string; label?: string };

const DONE: Record<string, (n: string | undefined) => string> = {
  created: () => "The menu has been created. Add items to it, then choose where it shows.",
  added: (n) => (n === "1" ? "1 item added to the menu." : `${n} items added to the menu.`),
  saved: () => "The menu has been updated.",
  deleted: () => "The menu has been deleted.",
};

export default async function MenusPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireCapability("edit_theme_options");
  const q = await searchParams;
  const opts = await getOptions();
  const menus = await listMenus();
  const creating = q.action === "new" || menus.length === 0;
  const current = creating ? undefined : (await getMenuById(Number(q.menu)) ?? menus[0]);
  const items = current ? await listMenuItems(current.id) : [];
  const links = await resolveMenuLinks(items, opts);
  return (
    <>
      <h1 className="text-2xl font-semibold">Menus</h1>
      <AppearanceTabs current="menus" />
      {q.done && DONE[q.done] ? <p role="status" className="mb-4 border-l-4 border-green-600 bg-white p-3">{DONE[q.done]!(q.n)}</p> : null}
      {q.error ? <p role="alert" className="mb-4 border-l-4 border-red-600 bg-white p-3">{q.error}</p> : null}
      <div className="mb-6 flex flex-wrap items-center gap-3 bg-white p-3 text-sm">
        {menus.length && !creating ? (
          <form method="get" className="flex flex-wrap items-center gap-2">
            <label htmlFor="menu-select">Select a menu to edit:</label>
            <select id="menu-select" name="menu" defaultValue={current?.id} className="border border-[#8c8f94] px-2 py-1">
              {menus.map((m) => <option key={m.id} value={m.id}>{m.name}{Object.entries(opts.nav_menu_locations ?? {}).some(([, id]) => id === m.id) ? " (assigned)" : ""}</option>)}
            </select>
            <button type="submit" className="rounded border border-[#2271b1] px-3 py-1 text-[#2271b1]">Select</button>
          </form>
        ) : null}
        {creating ? null : <span>or <a className="text-[#2271b1] underline" href="/admin/appearance/menus/?action=new">create a new menu</a>.</span>}
      </div>
      {creating ? (
        <form action={createMenuAction} className="max-w-xl bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">Create a new menu</h2>
          <label htmlFor="new-menu-name" className="block text-sm font-semibold">Menu Name</label>
          <input id="new-menu-name" name="name" required maxLength={MENU_NAME_MAX} defaultValue={q.name ?? ""} aria-describedby={q.error ? "new-menu-error" : undefined}
            className="mt-1 w-full border border-[#8c8f94] px-2 py-1" />
          {q.error ? <p id="new-menu-error" className="mt-1 text-sm text-red-700">{q.error}</p> : null}
          <button type="submit" className="mt-4 rounded bg-[#2271b1] px-4 py-2 text-white">Create Menu</button>
        </form>
      ) : current ? (
        <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
          <AddItemsPanels menuId={current.id} open={q.panel} custom={{ url: q.url ?? "", label: q.label ?? "" }}
            pages={await listMenuCandidates("page")} posts={await listMenuCandidates("post", 50)}
            categories={await listTermsForAdmin("category")} tags={await listTermsForAdmin("post_tag")} />
          <MenuStructure menu={current} tree={buildTree(items)} links={Object.fromEntries(links)} locations={opts.nav_menu_locations ?? {}} />
        </div>
      ) : null}
    </>
  );
}
