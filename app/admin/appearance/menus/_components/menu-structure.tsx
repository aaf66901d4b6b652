// "Menu structure": the menu's name, its items (indented by depth) with their fields and
// WordPress's Move links as buttons, and its display locations; one form, saved by "Save Menu".
// Dragging (menu-drag.tsx) is the enhancement: without JavaScript every move is a button.
import type { Menu, MenuItem } from "@/db/schema";
import type { ResolvedLink } from "@/lib/menus/resolve";
import { availableMoves, flatten, type TreeNode } from "@/lib/menus/tree";
import { MENU_CLASSES_MAX, MENU_LABEL_MAX, MENU_NAME_MAX } from "@/lib/validation/menus";
import { MENU_URL_MAX } from "@/lib/menus/urls";
import { MENU_LOCATIONS, type MenuLocation } from "@/lib/content/views";
import { deleteMenuAction, saveMenuAction } from "../actions";
import { MenuDrag } from "./menu-drag";

const input = "mt-1 w-full border border-[#8c8f94] px-2 py-1";

export function MenuStructure({ menu, tree, links, locations }: { menu: Menu; tree: TreeNode<MenuItem>[]; links: Record<number, ResolvedLink>; locations: Record<string, number> }) {
  const rows = flatten(tree);
  const byId = new Map<number, MenuItem>();
  const collect = (list: TreeNode<MenuItem>[]) => list.forEach((n) => (byId.set(n.item.id, n.item), collect(n.children)));
  collect(tree);
  const label = (i: MenuItem) => links[i.id]?.label ?? "(no label)";
  return (
    <section id="menu-structure" aria-labelledby="menu-structure-title" className="min-w-0">
      <h2 id="menu-structure-title" className="text-lg font-semibold">Menu structure</h2>
      <form id="menu-form" action={saveMenuAction} className="mt-2 bg-white p-4">
        {/* Enter in a field saves, rather than pressing the first Move button. */}
        <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only">Save Menu</button>
        <button type="submit" name="intent" value="reorder" tabIndex={-1} aria-hidden="true" className="sr-only" data-reorder="">Save the new order</button>
        <input type="hidden" name="menu" value={menu.id} />
        <input type="hidden" name="order" value="" />
        <label htmlFor="menu-name" className="block text-sm font-semibold">Menu Name</label>
        <input id="menu-name" name="name" required maxLength={MENU_NAME_MAX} defaultValue={menu.name} className={`${input} max-w-md`} />
        <p className="mt-4 text-sm text-[#50575e]">
          {rows.length ? "Open an item to change its label or move it; or drag an item into place (drag it right to put it under the item above)." : "Add menu items from the column on the left."}
        </p>
        <ol id="menu-items" className="mt-3 space-y-2" aria-label={`Items of ${menu.name}`}>
          {rows.map((r) => {
            const item = byId.get(r.id)!;
            const link = links[r.id]!;
            const parent = r.parentId ? byId.get(r.parentId) : undefined;
            return (
              <li key={r.id} id={`menu-item-${r.id}`} data-menu-item={r.id} data-parent={r.parentId ?? ""} style={{ marginInlineStart: `${Math.min(r.depth, 6) * 1.5}rem` }}>
                <details className="border border-[#c3c4c7] bg-[#f6f7f7]">
                  <summary className="flex cursor-pointer flex-wrap justify-between gap-2 px-3 py-2">
                    <span className="min-w-0 break-words font-semibold">{label(item)}{link.valid ? null : <span className="ml-2 text-red-700">(Invalid)</span>}</span>
                    <span className="text-sm text-[#50575e]">{parent ? `sub item of ${label(parent)} · ` : ""}{link.kind}</span>
                  </summary>
                  <div className="space-y-2 border-t border-[#dcdcde] bg-white p-3 text-sm">
                    {item.type === "custom" ? (
                      <label className="block">URL
                        <input name={`url-${r.id}`} type="text" inputMode="url" maxLength={MENU_URL_MAX} defaultValue={item.url} className={input} />
                      </label>
                    ) : null}
                    <label className="block">Navigation Label
                      <input name={`title-${r.id}`} maxLength={MENU_LABEL_MAX} defaultValue={item.title} placeholder={link.original} className={input} />
                    </label>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name={`newtab-${r.id}`} defaultChecked={item.target === "_blank"} /> Open link in a new tab
                    </label>
                    <label className="block">CSS Classes (optional)
                      <input name={`classes-${r.id}`} maxLength={MENU_CLASSES_MAX} defaultValue={item.classes} className={input} />
                    </label>
                    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <legend className="float-left mr-2">Move</legend>
                      {availableMoves(tree, r.id, label).map((m) => (
                        <button key={m.move} type="submit" name="intent" value={`move:${r.id}:${m.move}`} aria-label={`${m.text}: ${label(item)}`} className="text-[#2271b1] underline">
                          {m.text}
                        </button>
                      ))}
                    </fieldset>
                    {link.valid && link.url && item.type !== "custom" ? (
                      <p>Original: <a href={link.url} className="text-[#2271b1] underline">{link.original || link.url}</a></p>
                    ) : null}
                    <button type="submit" name="intent" value={`remove:${r.id}`} className="text-[#b32d2e] underline">Remove<span className="sr-only"> {label(item)}</span></button>
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
        <fieldset className="mt-6 border-t border-[#dcdcde] pt-4 text-sm">
          <legend className="font-semibold">Display location</legend>
          {(Object.keys(MENU_LOCATIONS) as MenuLocation[]).map((loc) => (
            <label key={loc} className="mt-1 flex items-center gap-2">
              <input type="checkbox" name={`location-${loc}`} defaultChecked={locations[loc] === menu.id} /> {MENU_LOCATIONS[loc]}
            </label>
          ))}
        </fieldset>
        <button type="submit" name="intent" value="save" className="mt-4 rounded bg-[#2271b1] px-4 py-2 text-white">Save Menu</button>
        <MenuDrag />
      </form>
      <form action={deleteMenuAction} className="mt-3">
        <input type="hidden" name="menu" value={menu.id} />
        <button type="submit" className="text-sm text-[#b32d2e] underline">Delete Menu<span className="sr-only"> {menu.name}</span></button>
      </form>
    </section>
  );
}
