// POST/PUT/DELETE /wp/v2/categories and /wp/v2/tags (WP_REST_Terms_Controller): manage_categories,
// as the admin's Categories and Tags screens, through the same save and delete.
import { z } from "zod";
import type { Taxonomy } from "@/db/schema";
import { getOptions } from "@/db/queries/options";
import { deleteTerm, saveTerm } from "@/db/queries/term-admin";
import { getRestTerm } from "@/db/queries/wp-rest";
import { roleCan } from "@/lib/auth/capabilities";
import { termUrl } from "@/lib/content/post-view";
import { absoluteUrl } from "@/lib/site-url";
import { POST_LIMITS } from "@/lib/validation/post";
import { RestError, forbiddenFor, invalidParam, restJson } from "./errors";
import { parseBody, restId } from "./body";
import { formatRestTerm } from "./format";
import type { RestUser } from "./auth";

const TermBodySchema = z.object({
  name: z.string().trim().min(1, "name is required.").max(POST_LIMITS.termName).optional(),
  slug: z.string().max(POST_LIMITS.slug).optional(),
  description: z.string().max(POST_LIMITS.termDescription).optional(),
  parent: restId.optional(),
  meta: z.union([z.array(z.unknown()).max(0), z.object({}).strict()]).optional(),
});
const READ_ONLY = ["id", "count", "link", "taxonomy", "force", "context"] as const;

const route = (taxonomy: Taxonomy) => (taxonomy === "category" ? "categories" : "tags");

async function termResponse(taxonomy: Taxonomy, id: number) {
  const row = (await getRestTerm(taxonomy, id))!;
  return await formatRestTerm(row, await absoluteUrl(termUrl({ taxonomy, slug: row.slug }, await getOptions())));
}

function requireManage(user: RestUser | null, verb: "create" | "edit" | "delete") {
  if (!user || !roleCan(user.role, "manage_categories")) {
    const code = { create: "rest_cannot_create", edit: "rest_cannot_update", delete: "rest_cannot_delete" }[verb];
    const what = { create: "create terms in this taxonomy", edit: "edit this term", delete: "delete this term" }[verb];
    throw forbiddenFor(user, code, `Sorry, you are not allowed to ${what}.`);
  }
}

export async function saveRestTerm(taxonomy: Taxonomy, user: RestUser | null, id: number | undefined, body: Record<string, unknown>): Promise<Response> {
  requireManage(user, id ? "edit" : "create");
  const input = parseBody(TermBodySchema, body, READ_ONLY);
  if (input.parent && taxonomy !== "category") throw new RestError("rest_invalid_param", "Invalid parameter(s): parent", 400, { params: { parent: "Tags have no parent." } });
  const existing = id ? await getRestTerm(taxonomy, id) : undefined;
  if (id && !existing) throw new RestError("rest_term_invalid", "Term does not exist.", 404);
  if (!existing && !input.name) throw new RestError("rest_missing_callback_param", "Missing parameter(s): name", 400, { params: ["name"] });
  const result = await saveTerm({
    id, taxonomy,
    name: input.name ?? existing!.name,
    slug: input.slug ?? (input.name && !existing ? "" : existing?.slug ?? ""),
    description: input.description ?? existing?.description ?? "",
    parentId: (input.parent ?? existing?.parentId ?? 0) || null,
  });
  if (!result.ok) {
    if ("notFound" in result) throw new RestError("rest_term_invalid", "Term does not exist.", 404);
    if (result.field === "name" || result.field === "slug") throw new RestError("term_exists", result.message, 400);
    throw invalidParam({ parent: result.message });
  }
  const out = await termResponse(taxonomy, result.term.id);
  return id ? restJson(out) : restJson(out, 201, { Location: await absoluteUrl(`/wp-json/wp/v2/${route(taxonomy)}/${result.term.id}`) });
}

export async function deleteRestTerm(taxonomy: Taxonomy, user: RestUser | null, id: number, force: boolean): Promise<Response> {
  requireManage(user, "delete");
  if (!(await getRestTerm(taxonomy, id))) throw new RestError("rest_term_invalid", "Term does not exist.", 404);
  // As WordPress's delete_term capability: the default category cannot be deleted by anyone.
  if (taxonomy === "category" && id === (await getOptions()).default_category) throw new RestError("rest_cannot_delete", "Sorry, you are not allowed to delete this term.", 403);
  if (!force) throw new RestError("rest_trash_not_supported", "Terms do not support trashing. Set 'force=true' to delete.", 501);
  const previous = await termResponse(taxonomy, id);
  const result = await deleteTerm(taxonomy, id, (await getOptions()).default_category);
  if (!result.ok) throw new RestError("rest_cannot_delete", result.message, 403);
  return restJson({ deleted: true, previous });
}
