import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { listMenus } from "@/db/queries/menus";
import { WIDGETS, isWidgetId } from "@/components/site/sidebar";
import { saveWidgetsAction } from "../actions";
import { AppearanceTabs } from "../_components/tabs";

export const metadata: Metadata = { title: "Widgets" };

export default async function WidgetsPage({ searchParams }: { searchParams: Promise<{ saved?: string; error?: string }> }) {
  await requireCapability("edit_theme_options");
  const q = await searchParams;
  const opts = await getOptions();
  const current = (opts.sidebar_widgets ?? []).filter(isWidgetId);
  const menus = await listMenus();
  const all = Object.keys(WIDGETS).filter(isWidgetId);
  // Shown widgets first in their order, then the hidden ones.
  const rows = [...current, ...all.filter((id) => !current.includes(id))];
  return (
    <>
      <h1 className="text-2xl font-semibold">Widgets</h1>
      <AppearanceTabs current="widgets" />
      {q.saved ? <p role="status" className="mb-4 border-l-4 border-green-600 bg-white p-3">Widgets saved.</p> : null}
      {q.error ? <p role="alert" className="mb-4 border-l-4 border-red-600 bg-white p-3">Each position must be a number from 1 to 99.</p> : null}
      <form action={saveWidgetsAction} className="max-w-xl bg-white p-4">
        <p className="mb-4 text-sm">Choose which widgets the sidebar shows, and their order (1 is at the top).</p>
        <table className="w-full text-left text-sm">
          <thead>
            <tr><th scope="col" className="py-2">Widget</th><th scope="col">Show</th><th scope="col">Position</th></tr>
          </thead>
          <tbody>
            {rows.map((id, i) => (
              <tr key={id} className="border-t border-[#dcdcde]">
                <th scope="row" className="py-2 font-normal">{WIDGETS[id]}</th>
                <td><input type="checkbox" name={`show-${id}`} defaultChecked={current.includes(id)} aria-label={`Show ${WIDGETS[id]}`} /></td>
                <td><input type="number" name={`order-${id}`} min={1} max={99} defaultValue={i + 1} aria-label={`Position of ${WIDGETS[id]}`} className="w-20 border border-[#8c8f94] px-2 py-1" /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="mt-6 border-t border-[#dcdcde] pt-4 text-sm">
          <legend className="font-semibold">Navigation Menu widget</legend>
          <label className="mt-2 block">Title
            <input name="nav-menu-title" maxLength={200} defaultValue={opts.widget_nav_menu?.title ?? ""} className="mt-1 block w-full border border-[#8c8f94] px-2 py-1" />
          </label>
          <label className="mt-2 block">Select Menu
            <select name="nav-menu-menu" defaultValue={opts.widget_nav_menu?.menuId ?? 0} className="mt-1 block border border-[#8c8f94] px-2 py-1">
              <option value={0}>— Select —</option>
              {menus.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
          {menus.length ? null : <p className="mt-1">No menus have been created yet. <a className="text-[#2271b1] underline" href="/admin/appearance/menus/">Create some</a>.</p>}
        </fieldset>
        <button type="submit" className="mt-4 rounded bg-[#2271b1] px-4 py-2 text-white">Save Widgets</button>
      </form>
    </>
  );
}
