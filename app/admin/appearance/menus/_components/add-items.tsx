// "Add menu items": one panel per kind (WordPress's accordion, here <details> so that it needs no
// script), each its own form that appends the checked items to the menu.
import { MENU_LABEL_MAX } from "@/lib/validation/menus";
import { MENU_URL_MAX } from "@/lib/menus/urls";
import { addMenuItemsAction } from "../actions";

type Choice = { id: number; title?: string; name?: string };

function ChoicePanel({ menuId, kind, title, choices, open }: { menuId: number; kind: string; title: string; choices: Choice[]; open: boolean }) {
  return (
    <details open={open} className="border border-[#c3c4c7] bg-white">
      <summary className="cursor-pointer px-3 py-2 font-semibold">{title}</summary>
      <form action={addMenuItemsAction} className="border-t border-[#dcdcde] p-3">
        <input type="hidden" name="menu" value={menuId} />
        <input type="hidden" name="kind" value={kind} />
        {choices.length ? (
          <fieldset>
            <legend className="sr-only">{title} to add</legend>
            <ul className="max-h-56 space-y-1 overflow-y-auto text-sm">
              {choices.map((c) => (
                <li key={c.id}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="ids" value={c.id} className="mt-1" />
                    <span className="min-w-0 break-words">{c.title || c.name || "(no title)"}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : <p className="text-sm">No items.</p>}
        <button type="submit" className="mt-3 rounded border border-[#2271b1] px-3 py-1 text-sm text-[#2271b1]">Add to Menu<span className="sr-only"> ({title})</span></button>
      </form>
    </details>
  );
}

export function AddItemsPanels(props: { menuId: number; open?: string; custom: { url: string; label: string }; pages: Choice[]; posts: Choice[]; categories: Choice[]; tags: Choice[] }) {
  const { menuId, open } = props;
  return (
    <section id="add-items" aria-labelledby="add-items-title" className="space-y-2">
      <h2 id="add-items-title" className="text-lg font-semibold">Add menu items</h2>
      <ChoicePanel menuId={menuId} kind="page" title="Pages" choices={props.pages} open={!open || open === "page"} />
      <ChoicePanel menuId={menuId} kind="post" title="Posts" choices={props.posts} open={open === "post"} />
      <details open={open === "custom"} className="border border-[#c3c4c7] bg-white">
        <summary className="cursor-pointer px-3 py-2 font-semibold">Custom Links</summary>
        <form action={addMenuItemsAction} className="space-y-2 border-t border-[#dcdcde] p-3 text-sm">
          <input type="hidden" name="menu" value={menuId} />
          <input type="hidden" name="kind" value="custom" />
          <label className="block">URL
            <input name="url" type="text" inputMode="url" required maxLength={MENU_URL_MAX} defaultValue={props.custom.url || "https://"} className="mt-1 w-full border border-[#8c8f94] px-2 py-1" />
          </label>
          <label className="block">Link Text
            <input name="label" type="text" maxLength={MENU_LABEL_MAX} defaultValue={props.custom.label} className="mt-1 w-full border border-[#8c8f94] px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-[#2271b1] px-3 py-1 text-[#2271b1]">Add to Menu<span className="sr-only"> (Custom Links)</span></button>
        </form>
      </details>
      <ChoicePanel menuId={menuId} kind="category" title="Categories" choices={props.categories} open={open === "category"} />
      <ChoicePanel menuId={menuId} kind="post_tag" title="Tags" choices={props.tags} open={open === "post_tag"} />
    </section>
  );
}
