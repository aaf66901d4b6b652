"use server";
// Appearance → Menus: create, fill, arrange, assign and delete menus. Every form here works
// without JavaScript; the drag enhancement posts the same "reorder" intent with the new order.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { formDataToObject } from "@/lib/validation/post";
import { AddItemsSchema, MenuIdSchema, MenuIntentSchema, MenuItemFieldsSchema, MenuNameSchema, MenuOrderSchema } from "@/lib/validation/menus";
import { addMenuItems, deleteMenu, deleteMenuItem, getMenuById, listMenuCandidates, listMenuItems, saveMenu, saveMenuOrder, updateMenuItems, type NewMenuItem } from "@/db/queries/menus";
import { listTermsForAdmin } from "@/db/queries/term-admin";
import { getOptions, updateOptions } from "@/db/queries/options";
import { buildTree, flatten, moveItem, treeFromOrder, type MenuMove } from "@/lib/menus/tree";
import { cleanMenuUrl } from "@/lib/menus/urls";
import { MENU_LOCATIONS, type MenuLocation } from "@/lib/content/views";

const BASE = "/admin/appearance/menus/";
const back = (menu: number | undefined, q: Record<string, string | number> = {}, hash = "") =>
  `${BASE}?${new URLSearchParams({ ...(menu ? { menu: String(menu) } : {}), ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])) })}${hash}`;

export async function createMenuAction(formData: FormData) {
  await requireCapability("edit_theme_options");
  const parsed = MenuNameSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) redirect(back(undefined, { action: "new", error: parsed.error.issues[0]!.message, name: String(formData.get("name") ?? "") }));
  const result = await saveMenu({ name: parsed.data.name });
  if (!result.ok) redirect(back(undefined, { action: "new", error: result.message, name: parsed.data.name }));
  redirect(back(result.menu.id, { done: "created" }));
}

export async function addMenuItemsAction(formData: FormData) {
  await requireCapability("edit_theme_options");
  const raw = formDataToObject(formData, ["ids"]);
  const parsed = AddItemsSchema.safeParse(raw);
  const menuId = Number(raw.menu) || undefined;
  if (!parsed.success) {
    const keep: Record<string, string> = raw.kind === "custom" ? { url: String(raw.url ?? ""), label: String(raw.label ?? "") } : {};
    redirect(back(menuId, { error: parsed.error.issues[0]!.message, panel: String(raw.kind ?? ""), ...keep }, "#add-items"));
  }
  const d = parsed.data;
  if (!await getMenuById(d.menu)) redirect(back(undefined, { error: "That menu no longer exists." }));
  let items: NewMenuItem[];
  if (d.kind === "custom") {
    const url = cleanMenuUrl(d.url);
    if (!url) redirect(back(d.menu, { error: "That URL cannot be used: use http://, https://, mailto:, tel: or a path starting with /.", panel: "custom", url: d.url, label: d.label }, "#add-items"));
    items = [{ type: "custom", object: "custom", objectId: null, url, title: d.label || url }];
  } else if (d.kind === "page" || d.kind === "post") {
    const allowed = new Set((await listMenuCandidates(d.kind, 10_000)).map((p) => p.id));
    items = d.ids.filter((id) => allowed.has(id)).map((id) => ({ type: "post_type", object: d.kind, objectId: id }));
  } else {
    const allowed = new Set((await listTermsForAdmin(d.kind)).map((t) => t.id));
    items = d.ids.filter((id) => allowed.has(id)).map((id) => ({ type: "taxonomy", object: d.kind, objectId: id }));
  }
  if (!items.length) redirect(back(d.menu, { error: "Those items no longer exist.", panel: d.kind }, "#add-items"));
  await addMenuItems(d.menu, items);
  redirect(back(d.menu, { done: "added", n: items.length }, "#menu-structure"));
}

/**
 * The menu's one big form: its name, every item's fields, its locations, then what the pressed
 * button asked for (a move, a removal, a new order from drag and drop), so nothing typed is lost.
 */
export async function saveMenuAction(formData: FormData) {
  await requireCapability("edit_theme_options");
  const ids = MenuIdSchema.safeParse({ menu: formData.get("menu") });
  if (!ids.success || !await getMenuById(ids.data.menu)) redirect(back(undefined, { error: "That menu no longer exists." }));
  const menuId = ids.data.menu;
  const name = MenuNameSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!name.success) redirect(back(menuId, { error: name.error.issues[0]!.message }));
  const renamed = await saveMenu({ id: menuId, name: name.data.name });
  if (!renamed.ok) redirect(back(menuId, { error: renamed.message }));

  const items = await listMenuItems(menuId);
  const updates = [];
  const problems: string[] = [];
  for (const item of items) {
    if (!formData.has(`title-${item.id}`)) continue;
    const f = MenuItemFieldsSchema.safeParse({
      id: item.id,
      title: String(formData.get(`title-${item.id}`) ?? ""),
      url: item.type === "custom" ? String(formData.get(`url-${item.id}`) ?? "") : undefined,
      newTab: formData.get(`newtab-${item.id}`) === "on",
      classes: String(formData.get(`classes-${item.id}`) ?? ""),
    });
    if (!f.success) {
      problems.push(`${item.title || "An item"}: ${f.error.issues[0]!.message}`);
      continue;
    }
    let url = f.data.url;
    if (url !== undefined && cleanMenuUrl(url) === null) {
      problems.push(`${item.title || url}: that URL cannot be used, so it was kept as it was.`);
      url = undefined;
    }
    updates.push({ id: item.id, title: f.data.title.trim(), url, target: f.data.newTab ? "_blank" : "", classes: f.data.classes.trim().replace(/\s+/g, " ") });
  }
  await updateMenuItems(menuId, updates);

  const locations = { ...((await getOptions()).nav_menu_locations ?? {}) };
  for (const loc of Object.keys(MENU_LOCATIONS) as MenuLocation[]) {
    if (formData.get(`location-${loc}`) === "on") locations[loc] = menuId;
    else if (locations[loc] === menuId) delete locations[loc];
  }
  await updateOptions({ nav_menu_locations: locations });

  const intent = MenuIntentSchema.safeParse(String(formData.get("intent") ?? "save"));
  let hash = "";
  if (intent.success && intent.data.startsWith("move:")) {
    const [, id, move] = intent.data.split(":");
    await saveMenuOrder(menuId, flatten(moveItem(buildTree(items), Number(id), move as MenuMove)));
    hash = `#menu-item-${id}`;
  } else if (intent.success && intent.data.startsWith("remove:")) {
    await deleteMenuItem(menuId, Number(intent.data.slice(7)));
  } else if (intent.success && intent.data === "reorder") {
    let order: unknown = null;
    try {
      order = JSON.parse(String(formData.get("order") ?? ""));
    } catch {
      /* reported below */
    }
    const parsed = MenuOrderSchema.safeParse(order);
    const tree = parsed.success ? treeFromOrder(items, parsed.data) : null;
    if (tree) await saveMenuOrder(menuId, flatten(tree));
    else problems.push("The new order could not be saved; please try again.");
  }
  // The answer may be the address the browser is on (a save after a move differs only by its #):
  // without this the router would keep the page it has, showing the boxes as they were.
  refresh();
  redirect(back(menuId, problems.length ? { error: problems.join(" ") } : { done: "saved" }, hash));
}

export async function deleteMenuAction(formData: FormData) {
  await requireCapability("edit_theme_options");
  const parsed = MenuIdSchema.safeParse({ menu: formData.get("menu") });
  if (!parsed.success) redirect(back(undefined, { error: "That menu no longer exists." }));
  await deleteMenu(parsed.data.menu);
  const locations = Object.fromEntries(Object.entries((await getOptions()).nav_menu_locations ?? {}).filter(([, v]) => v !== parsed.data.menu));
  await updateOptions({ nav_menu_locations: locations });
  redirect(back(undefined, { done: "deleted" }));
}
