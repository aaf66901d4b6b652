// Which handler answers a /wp-json/wp/v2/… request that the public read code in the route file
// does not: every write, and the reads that need a signed-in user or are new routes.
import type { PostType } from "@/db/schema";
import { absoluteUrl } from "@/lib/site-url";
import { RestError, noRoute, restJson } from "./errors";
import { RestParams } from "./params";
import { readBody } from "./body";
import type { RestUser } from "./auth";
import { createRestPost, deleteRestPost, getRestPostForUser, listRestPostsForUser, updateRestPost } from "./posts-write";
import { deleteRestTerm, saveRestTerm } from "./terms-write";
import { deleteRestMedia, getRestMediaFor, listRestMediaFor, updateRestMedia, uploadRestMedia } from "./media-rest";
import { createRestComment, deleteRestComment, getRestCommentForUser, updateRestComment } from "./comments-write";
import { restMe, restSearch, restSettings, restStatuses, restTaxonomies, restTypes } from "./site";

const POST_TYPES: Record<string, PostType> = { posts: "post", pages: "page" };
const TAXONOMIES = { categories: "category", tags: "post_tag" } as const;

const parseId = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw noRoute();
  return Number(text);
};

async function collection(items: unknown[], total: number, page: number, perPage: number, url: URL): Promise<Response> {
  const totalPages = Math.ceil(total / perPage);
  if (page > totalPages && total > 0) throw new RestError("rest_post_invalid_page_number", "The page number requested is larger than the number of pages available.", 400);
  const at = async (n: number) => {
    const u = new URL(await absoluteUrl(url.pathname));
    url.searchParams.forEach((v, k) => u.searchParams.append(k, v));
    u.searchParams.set("page", String(n));
    return u.toString();
  };
  const links = [...(page > 1 ? [`<${await at(page - 1)}>; rel="prev"`] : []), ...(page < totalPages ? [`<${await at(page + 1)}>; rel="next"`] : [])];
  return restJson(items, 200, { "X-WP-Total": String(total), "X-WP-TotalPages": String(totalPages), ...(links.length ? { Link: links.join(", ") } : {}) });
}

function one<T extends Record<string, unknown>>(all: T, key: string | undefined, code: string, message: string): Response {
  if (key === undefined) return restJson(all);
  if (!(key in all)) throw new RestError(code, message, 404);
  return restJson(all[key]);
}

/** A Response, or null to let the route's public read code answer. */
export async function handleSignedInRead(segs: string[], url: URL, user: RestUser | null): Promise<Response | null> {
  const [resource, second, ...rest] = segs;
  if (rest.length) return null;
  const p = new RestParams(url.searchParams);
  const context = p.oneOf("context", ["view", "embed", "edit"] as const, "view") === "edit" ? "edit" : "view";
  const page = p.int("page", 1, 1);
  const perPage = p.int("per_page", 10, 1, 100);
  switch (resource) {
    case "users":
      return second === "me" ? restJson(await restMe(user, context)) : null;
    case "types":
      return one(await restTypes(), second, "rest_type_invalid", "Invalid post type.");
    case "taxonomies":
      return one(await restTaxonomies(), second, "rest_taxonomy_invalid", "Invalid taxonomy.");
    case "statuses":
      return one(await restStatuses(user), second, "rest_status_invalid", "Invalid status.");
    case "settings":
      if (second !== undefined) return null;
      return await restSettings(user, "GET", {});
    case "search": {
      if (second !== undefined) return null;
      const type = p.oneOf("type", ["post", "term"] as const, "post");
      const subtype = p.list("subtype") ?? ["any"];
      const search = p.string("search") ?? "";
      p.check();
      const { items, total } = await restSearch({ search, type, subtype, page, perPage });
      return await collection(items, total, page, perPage, url);
    }
    case "media": {
      const id = parseId(second);
      if (id !== undefined) return restJson(await getRestMediaFor(user, id, context));
      const q = { page, perPage, mediaType: p.raw("media_type") ? p.oneOf("media_type", ["image", "video", "text", "application", "audio"] as const, "image") : undefined, parent: p.ids("parent"), search: p.string("search") };
      p.check();
      const { items, total } = await listRestMediaFor(user, q);
      return await collection(items, total, page, perPage, url);
    }
    case "posts":
    case "pages": {
      const type = POST_TYPES[resource]!;
      const id = parseId(second);
      if (!user) {
        if (context === "edit") throw new RestError("rest_forbidden_context", `Sorry, you are not allowed to edit ${resource} in this post type.`, 401);
        return null;
      }
      if (id !== undefined) return restJson(await getRestPostForUser(type, user, id, context));
      const statuses = p.list("status");
      if (!statuses?.some((s) => s !== "publish") && context !== "edit") return null;
      const q = { statuses: statuses ?? ["publish"], authors: p.ids("author"), search: p.string("search"), page, perPage, context } as const;
      p.check();
      const { items, total } = await listRestPostsForUser(type, user, q);
      return await collection(items, total, page, perPage, url);
    }
    case "comments": {
      const id = parseId(second);
      if (!user || id === undefined) return null;
      try {
        return restJson(await getRestCommentForUser(user, id));
      } catch (e) {
        // Not theirs to moderate: the public answer (approved comments only) is the right one.
        if (e instanceof RestError && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    }
    default:
      return null;
  }
}

export async function handleWrite(segments: string[], url: URL, user: RestUser | null, req: Request, verb: string): Promise<Response> {
  if (segments[0] !== "wp" || segments[1] !== "v2") throw noRoute();
  const [resource, second, ...rest] = segments.slice(2);
  if (rest.length || !resource) throw noRoute();
  const id = parseId(second);
  const update = verb === "POST" || verb === "PUT" || verb === "PATCH";
  if (resource === "media") {
    if (verb === "POST" && id === undefined) return await uploadRestMedia(user, req);
    if (id === undefined) throw noRoute();
    const body = await readBody(req);
    if (update) return await updateRestMedia(user, id, body);
    return await deleteRestMedia(user, id, isForced(url, body));
  }
  const body = await readBody(req);
  if (resource === "settings" && update && id === undefined) return await restSettings(user, verb, body);
  if (resource in POST_TYPES) {
    const type = POST_TYPES[resource]!;
    if (id === undefined) {
      if (verb === "POST") return await createRestPost(type, user, body);
      throw noRoute();
    }
    if (update) return await updateRestPost(type, user, id, body);
    if (verb === "DELETE") return await deleteRestPost(type, user, id, isForced(url, body));
  }
  if (resource in TAXONOMIES) {
    const taxonomy = TAXONOMIES[resource as keyof typeof TAXONOMIES];
    if (id === undefined && verb !== "POST") throw noRoute();
    if (update) return await saveRestTerm(taxonomy, user, id, body);
    if (verb === "DELETE") return await deleteRestTerm(taxonomy, user, id!, isForced(url, body));
  }
  if (resource === "comments") {
    if (id === undefined) {
      if (verb === "POST") return await createRestComment(user, req, body);
      throw noRoute();
    }
    if (update) return await updateRestComment(user, id, body);
    if (verb === "DELETE") return await deleteRestComment(user, id, isForced(url, body));
  }
  throw noRoute();
}

function isForced(url: URL, body: Record<string, unknown>): boolean {
  const v = url.searchParams.get("force") ?? body.force;
  return v === true || v === "true" || v === "1" || v === 1;
}
