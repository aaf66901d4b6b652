// The WordPress REST API: /wp-json/ (discovery), /wp-json/wp/v2/ and its posts, pages, media,
// categories, tags, users, comments, types, taxonomies, statuses, search and settings, with
// WordPress's parameters, headers (X-WP-Total, X-WP-TotalPages, Link) and error shape
// {code, message, data: {status}}. Anonymous requests see what a visitor may see; requests signed
// in by application password or cookie + X-WP-Nonce (lib/wp-rest/auth.ts) read and write what
// their role may, checked by the same rules as the admin (lib/wp-rest/*-write.ts).
import { getOptions } from "@/db/queries/options";
import {
  getPageAncestorSlugs, getRestComment, getRestPost, getRestTerm, getRestUser, listRestComments, listRestPostTerms,
  listRestPosts, listRestTerms, listRestUsers, type RestPostRow,
} from "@/db/queries/wp-rest";
import { RestParamError, RestParams, pickFields } from "@/lib/wp-rest/params";
import { formatRestComment, formatRestPost, formatRestTerm, formatRestUser, restPostLink } from "@/lib/wp-rest/format";
import { termUrl } from "@/lib/content/post-view";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { authenticateRest, type RestUser } from "@/lib/wp-rest/auth";
import { RestError, restErrorResponse } from "@/lib/wp-rest/errors";
import { routeIndex } from "@/lib/wp-rest/routes";
import { handleWrite, handleSignedInRead } from "@/lib/wp-rest/dispatch";
import { embedLinks } from "@/lib/wp-rest/embed";
import { handleOembed } from "@/lib/oembed/endpoint";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ route?: string[] }> };

const HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "X-WP-Total, X-WP-TotalPages, Link",
  "x-content-type-options": "nosniff",
};

function json(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...HEADERS, ...extra } });
}

function wpError(code: string, message: string, status: number, data: Record<string, unknown> = {}) {
  return json({ code, message, data: { status, ...data } }, status);
}

const noRoute = () => wpError("rest_no_route", "No route was found matching the URL and request method.", 404);

/** Total and pages headers, plus Link rel=prev/next as WordPress sends them. */
async function collection(items: unknown[], total: number, page: number, perPage: number, req: URL) {
  const totalPages = Math.ceil(total / perPage);
  if (page > totalPages && total > 0) {
    return wpError("rest_post_invalid_page_number", "The page number requested is larger than the number of pages available.", 400);
  }
  const links: string[] = [];
  const at = async (n: number) => {
    const u = new URL(await absoluteUrl(req.pathname));
    req.searchParams.forEach((v, k) => u.searchParams.append(k, v));
    u.searchParams.set("page", String(n));
    return u.toString();
  };
  if (page > 1) links.push(`<${await at(page - 1)}>; rel="prev"`);
  if (page < totalPages) links.push(`<${await at(page + 1)}>; rel="next"`);
  const extra: Record<string, string> = { "X-WP-Total": String(total), "X-WP-TotalPages": String(totalPages) };
  if (links.length) extra.Link = links.join(", ");
  return json(items, 200, extra);
}

async function postsFor(rows: RestPostRow[], type: "post" | "page") {
  const opts = await getOptions();
  const terms = type === "post" ? await listRestPostTerms(rows.map((r) => r.id)) : undefined;
  return Promise.all(rows.map(async (p) =>
    formatRestPost(p, { link: await restPostLink(p, opts.permalink_structure, type === "page" ? await getPageAncestorSlugs(p.parentId) : []), terms: terms?.get(p.id) }),
  ));
}

async function handle(segments: string[], url: URL, user: RestUser | null): Promise<Response> {
  const p = new RestParams(url.searchParams);
  const fields = p.fields();
  const embed = url.searchParams.has("_embed");
  const pick = (o: Record<string, unknown>) => pickFields(o, fields);

  if (segments.length === 0) {
    const opts = await getOptions();
    return json(pick({
      name: opts.blogname, description: opts.blogdescription, url: await siteUrl(), home: await siteUrl(), gmt_offset: 0,
      timezone_string: opts.timezone_string, namespaces: ["oembed/1.0", "wp/v2"],
      authentication: { "application-passwords": { endpoints: { authorization: await absoluteUrl("/wp-admin/authorize-application.php") } } },
      routes: await routeIndex(),
      _links: { help: [{ href: "https://developer.wordpress.org/rest-api/" }] },
    }));
  }
  if (segments[0] === "oembed") return (await handleOembed(segments, url, user)) ?? noRoute();
  if (segments[0] !== "wp" || segments[1] !== "v2") return noRoute();
  const [resource, idText, ...rest] = segments.slice(2);
  if (!resource) return json(pick({ namespace: "wp/v2", routes: await routeIndex("wp/v2"), _links: { up: [{ href: await absoluteUrl("/wp-json/") }] } }));
  // users/me, types/post, taxonomies/category, settings, search, media, statuses, and signed-in reads.
  const signedIn = await handleSignedInRead(segments.slice(2), url, user);
  if (signedIn) return embed ? await embedLinks(signedIn) : signedIn;
  if (rest.length || (idText !== undefined && !/^\d+$/.test(idText))) return noRoute();
  const id = idText === undefined ? undefined : Number(idText);

  const page = p.int("page", 1, 1);
  const perPage = p.int("per_page", 10, 1, 100);
  const search = p.string("search");

  switch (resource) {
    case "posts":
    case "pages": {
      const type = resource === "posts" ? "post" : "page";
      if (id !== undefined) {
        p.check();
        const row = await getRestPost(type, id);
        if (!row) return wpError("rest_post_invalid_id", "Invalid post ID.", 404);
        const one = json(pick((await postsFor([row], type))[0]!));
        return embed ? await embedLinks(one) : one;
      }
      const status = p.list("status");
      if (status && status.some((s) => s !== "publish")) {
        return wpError("rest_invalid_param", "Invalid parameter(s): status", 400, { params: { status: "Status is forbidden." } });
      }
      const q = {
        type, page, perPage, search,
        categories: type === "post" ? p.ids("categories") : undefined,
        tags: type === "post" ? p.ids("tags") : undefined,
        author: p.ids("author"),
        slug: p.list("slug"),
        include: p.ids("include"),
        exclude: p.ids("exclude"),
        parent: type === "page" ? p.ids("parent") : undefined,
        sticky: type === "post" ? p.bool("sticky") : undefined,
        order: p.oneOf("order", ["asc", "desc"] as const, "desc"),
        orderby: p.oneOf("orderby", ["date", "id", "title", "slug", "modified", "menu_order", "include", "relevance", "author", "parent"] as const, "date"),
      } as const;
      p.check();
      const orderby = q.orderby === "relevance" || q.orderby === "author" || q.orderby === "parent" ? "date" : q.orderby;
      const { rows, total } = await listRestPosts({ ...q, orderby });
      const list = await collection((await postsFor(rows, type)).map(pick), total, page, perPage, url);
      return embed ? await embedLinks(list) : list;
    }
    case "categories":
    case "tags": {
      const taxonomy = resource === "categories" ? "category" : "post_tag";
      const opts = await getOptions();
      const link = async (slug: string) => await absoluteUrl(termUrl({ taxonomy, slug }, opts));
      if (id !== undefined) {
        p.check();
        const row = await getRestTerm(taxonomy, id);
        if (!row) return wpError("rest_term_invalid", "Term does not exist.", 404);
        return json(pick(await formatRestTerm(row, await link(row.slug))));
      }
      const q = {
        taxonomy, page, perPage, search,
        slug: p.list("slug"),
        include: p.ids("include"),
        exclude: p.ids("exclude"),
        parent: taxonomy === "category" ? p.optionalInt("parent") : undefined,
        post: p.optionalInt("post"),
        hideEmpty: p.bool("hide_empty"),
        order: p.oneOf("order", ["asc", "desc"] as const, "asc"),
        orderby: p.oneOf("orderby", ["name", "id", "slug", "count", "description", "include", "include_slugs", "term_group"] as const, "name"),
      } as const;
      p.check();
      const orderby = q.orderby === "include_slugs" || q.orderby === "term_group" ? "name" : q.orderby;
      const { rows, total } = await listRestTerms({ ...q, orderby });
      return await collection(await Promise.all(rows.map(async (t) => pick(await formatRestTerm(t, await link(t.slug))))), total, page, perPage, url);
    }
    case "users": {
      if (id !== undefined) {
        p.check();
        const row = await getRestUser(id);
        if (!row) return wpError("rest_user_invalid_id", "Invalid user ID.", 404);
        return json(pick(await formatRestUser(row)));
      }
      const q = {
        page, perPage, search,
        slug: p.list("slug"),
        include: p.ids("include"),
        order: p.oneOf("order", ["asc", "desc"] as const, "asc"),
        orderby: p.oneOf("orderby", ["name", "id", "slug", "include"] as const, "name"),
      } as const;
      p.check();
      const { rows, total } = await listRestUsers({ ...q, orderby: q.orderby === "include" ? "id" : q.orderby });
      return await collection(await Promise.all(rows.map(async (u) => pick(await formatRestUser(u)))), total, page, perPage, url);
    }
    case "comments": {
      const opts = await getOptions();
      const linkOf = async (c: { postId: number; postSlug: string; postDate: string; postType: "post" | "page"; postNicename: string }) =>
        await restPostLink({ id: c.postId, slug: c.postSlug, date: c.postDate, type: c.postType, authorNicename: c.postNicename }, opts.permalink_structure);
      if (id !== undefined) {
        p.check();
        const row = await getRestComment(id);
        if (!row) return wpError("rest_comment_invalid_id", "Invalid comment ID.", 404);
        return json(pick(await formatRestComment(row, await linkOf(row))));
      }
      const status = p.list("status");
      if (status && status.some((s) => s !== "approve" && s !== "approved")) {
        return wpError("rest_forbidden_param", "Query parameter not permitted: status", 401);
      }
      const q = {
        page, perPage, search,
        post: p.ids("post"),
        parent: p.ids("parent"),
        order: p.oneOf("order", ["asc", "desc"] as const, "desc"),
        orderby: p.oneOf("orderby", ["date", "date_gmt", "id", "include", "post", "parent", "type"] as const, "date_gmt"),
      } as const;
      p.check();
      const orderby = q.orderby === "id" ? "id" : "date_gmt";
      const { rows, total } = await listRestComments({ ...q, orderby });
      return await collection(await Promise.all(rows.map(async (c) => pick(await formatRestComment(c, await linkOf(c))))), total, page, perPage, url);
    }
    default:
      return noRoute();
  }
}

async function respond(req: Request, ctx: Ctx, method: string): Promise<Response> {
  const { route = [] } = await ctx.params;
  const url = new URL(req.url);
  try {
    const segments = route.map((seg) => decodeURIComponent(seg));
    const user = await authenticateRest(req);
    // WordPress honours _method and X-HTTP-Method-Override for clients that can only POST.
    const override = (url.searchParams.get("_method") ?? req.headers.get("x-http-method-override") ?? "").toUpperCase();
    const verb = method === "POST" && ["PUT", "PATCH", "DELETE"].includes(override) ? override : method;
    if (verb === "GET") return await handle(segments, url, user);
    return await handleWrite(segments, url, user, req, verb);
  } catch (e) {
    if (e instanceof RestError) return restErrorResponse(e);
    if (e instanceof RestParamError) {
      return wpError("rest_invalid_param", e.message, 400, { params: e.params });
    }
    logEvent("wp-json.error", { path: url.pathname, method, error: (e as Error).message }, "error");
    return wpError("rest_internal_error", "Something went wrong on the server.", 500);
  }
}

export const GET = (req: Request, ctx: Ctx) => respond(req, ctx, "GET");
export const POST = (req: Request, ctx: Ctx) => respond(req, ctx, "POST");
export const PUT = (req: Request, ctx: Ctx) => respond(req, ctx, "PUT");
export const PATCH = (req: Request, ctx: Ctx) => respond(req, ctx, "PATCH");
export const DELETE = (req: Request, ctx: Ctx) => respond(req, ctx, "DELETE");

export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: { ...HEADERS, allow: "GET, POST, PUT, PATCH, DELETE", "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS", "access-control-allow-headers": "Authorization, Content-Type, Content-Disposition, X-WP-Nonce" },
  });
}
