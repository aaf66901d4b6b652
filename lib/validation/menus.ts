// Inputs of Appearance → Menus (app/admin/appearance/menus/actions.ts).
import { z } from "zod";
import { MENU_MOVES } from "@/lib/menus/tree";
import { MENU_URL_MAX } from "@/lib/menus/urls";

export const MENU_NAME_MAX = 200;
export const MENU_LABEL_MAX = 200;
export const MENU_CLASSES_MAX = 200;

const id = z.coerce.number().int().positive();

export const MenuNameSchema = z.object({
  name: z.string().trim().min(1, "Please enter a menu name.").max(MENU_NAME_MAX, `A menu name has at most ${MENU_NAME_MAX} characters.`),
});

export const MenuIdSchema = z.object({ menu: id });

export const ADD_KINDS = ["page", "post", "category", "post_tag", "custom"] as const;

export const AddItemsSchema = z.discriminatedUnion("kind", [
  z.object({ menu: id, kind: z.enum(["page", "post", "category", "post_tag"]), ids: z.array(id).min(1, "Choose at least one item to add.").max(200) }),
  z.object({
    menu: id,
    kind: z.literal("custom"),
    url: z.string().trim().min(1, "Please enter a URL.").max(MENU_URL_MAX),
    label: z.string().trim().max(MENU_LABEL_MAX),
  }),
]);

export const MenuItemFieldsSchema = z.object({
  id,
  title: z.string().max(MENU_LABEL_MAX, `A label has at most ${MENU_LABEL_MAX} characters.`),
  url: z.string().max(MENU_URL_MAX).optional(),
  newTab: z.boolean(),
  // CSS class names only: letters, digits, - and _, separated by spaces.
  classes: z.string().max(MENU_CLASSES_MAX).regex(/^[\w\s-]*$/, "CSS classes may hold letters, digits, - and _ only."),
});

/** "move:12:up", "remove:12", "reorder" (with `order`), or plain "save". */
export const MenuIntentSchema = z.union([
  z.literal("save"),
  z.literal("reorder"),
  z.string().regex(new RegExp(`^move:\\d+:(${MENU_MOVES.join("|")})$`)),
  z.string().regex(/^remove:\d+$/),
]);

export const MenuOrderSchema = z.array(z.object({ id: z.number().int().positive(), parentId: z.number().int().positive().nullable() })).max(2000);
