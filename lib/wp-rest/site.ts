// The routes apps read before they write: users/me, types, taxonomies, statuses, settings (for
// administrators) and search, in WordPress's shapes (WP_REST_*_Controller).
import { z } from "zod";
import { getUserById } from "@/db/queries/users";
import { getOptions, updateOptions } from "@/db/queries/options";
import { listRestPosts, listRestTerms } from "@/db/queries/wp-rest";
import { ROLE_CAPABILITIES, roleCan } from "@/lib/auth/capabilities";
import { OptionError, validateOption } from "@/lib/options/set-option";
import type { OptionName } from "@/lib/options/defaults";
import { termUrl } from "@/lib/content/post-view";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { RestError, forbiddenFor, restJson } from "./errors";
import { avatarUrls, restPostLink } from "./format";
import type { RestUser } from "./auth";

const href = async (path: string) => [{ href: await absoluteUrl(path) }];

export async function restMe(user: RestUser | null, context: "view" | "edit"): Promise<Record<string, unknown>> {
  if (!user) throw new RestError("rest_not_logged_in", "You are not currently logged in.", 401);
  const u = (await getUserById(user.id))!;
  const view = {
    id: u.id, name: u.displayName, url: u.url, description: u.bio, link: await absoluteUrl(`/author/${encodeURIComponent(u.nicename)}/`),
    slug: u.nicename, avatar_urls: avatarUrls(`user:${u.id}:${u.nicename}`), meta: [],
  };
  const out: Record<string, unknown> = context === "edit"
    ? {
        ...view, username: u.login, email: u.email, nickname: u.displayName, first_name: "", last_name: "", locale: "en_US",
        registered_date: u.registeredGmt.replace(" ", "T") + "+00:00", roles: [u.role],
        capabilities: Object.fromEntries([...ROLE_CAPABILITIES[u.role]].map((c) => [c, true])), extra_capabilities: { [u.role]: true },
      }
    : view;
  out._links = { self: await href(`/wp-json/wp/v2/users/${u.id}`), collection: await href("/wp-json/wp/v2/users") };
  return out;
}

export async function restTypes(): Promise<Record<string, unknown>> {
  const type = async (slug: "post" | "page", name: string, rest: string, taxonomies: string[], hierarchical: boolean) => ({
    description: "", hierarchical, has_archive: false, name, slug, icon: slug === "post" ? "dashicons-admin-post" : "dashicons-admin-page",
    taxonomies, rest_base: rest, rest_namespace: "wp/v2",
    _links: { collection: await href("/wp-json/wp/v2/types"), "wp:items": await href(`/wp-json/wp/v2/${rest}`) },
  });
  return {
    post: await type("post", "Posts", "posts", ["category", "post_tag"], false),
    page: await type("page", "Pages", "pages", [], true),
    attachment: {
      description: "", hierarchical: false, has_archive: false, name: "Media", slug: "attachment", icon: "dashicons-admin-media", taxonomies: [],
      rest_base: "media", rest_namespace: "wp/v2",
      _links: { collection: await href("/wp-json/wp/v2/types"), "wp:items": await href("/wp-json/wp/v2/media") },
    },
  };
}

export async function restTaxonomies(): Promise<Record<string, unknown>> {
  const tax = async (slug: "category" | "post_tag", name: string, rest: string, hierarchical: boolean) => ({
    name, slug, description: "", types: ["post"], hierarchical, rest_base: rest, rest_namespace: "wp/v2",
    _links: { collection: await href("/wp-json/wp/v2/taxonomies"), "wp:items": await href(`/wp-json/wp/v2/${rest}`) },
  });
  return { category: await tax("category", "Categories", "categories", true), post_tag: await tax("post_tag", "Tags", "tags", false) };
}

/** Statuses: the public one to everyone, the others to those who may write (as WordPress). */
export async function restStatuses(user: RestUser | null): Promise<Record<string, unknown>> {
  const st = async (slug: string, name: string, pub: boolean, queryable: boolean) => ({
    name, private: slug === "private", protected: ["future", "draft", "pending"].includes(slug), public: pub, queryable, show_in_list: true, slug,
    date_floating: slug === "draft" || slug === "pending",
    _links: { archives: await href(`/wp-json/wp/v2/posts?status=${slug}`) },
  });
  const out: Record<string, unknown> = { publish: await st("publish", "Published", true, true) };
  if (user && roleCan(user.role, "edit_posts")) {
    Object.assign(out, {
      future: await st("future", "Scheduled", false, false), draft: await st("draft", "Draft", false, false),
      pending: await st("pending", "Pending", false, false), private: await st("private", "Private", false, false), trash: await st("trash", "Trash", false, false),
    });
  }
  return out;
}

// REST setting → WordPress option, as WordPress's register_setting( show_in_rest ) names them.
const SETTINGS: Record<string, OptionName> = {
  title: "blogname", description: "blogdescription", url: "siteurl", email: "admin_email", timezone: "timezone_string", date_format: "date_format",
  time_format: "time_format", start_of_week: "start_of_week", default_category: "default_category", posts_per_page: "posts_per_page",
  show_on_front: "show_on_front", page_on_front: "page_on_front", page_for_posts: "page_for_posts", default_ping_status: "default_ping_status",
  default_comment_status: "default_comment_status",
};

async function settingsView(): Promise<Record<string, unknown>> {
  const o = await getOptions();
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(SETTINGS).map(([k, name]) => [k, o[name]]));
  return { ...out, url: o.siteurl || (await siteUrl()), language: o.WPLANG || "en_US", use_smilies: false, default_post_format: "0", site_logo: o.custom_logo || null, site_icon: o.site_icon || null };
}

export async function restSettings(user: RestUser | null, method: string, body: Record<string, unknown>): Promise<Response> {
  if (!user || !roleCan(user.role, "manage_options")) throw forbiddenFor(user, "rest_forbidden", "Sorry, you are not allowed to do that.");
  if (method === "GET") return restJson(await settingsView());
  const unknown = Object.keys(body).filter((k) => !(k in SETTINGS) && !["language", "use_smilies", "default_post_format", "site_logo", "site_icon"].includes(k));
  if (unknown.length) throw new RestError("rest_additional_properties_forbidden", `${unknown[0]} is not a valid property of Object.`, 400);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const name = SETTINGS[k];
    if (!name) continue;
    const text = z.union([z.string(), z.number(), z.boolean()]).safeParse(v);
    if (!text.success) throw new RestError("rest_invalid_param", `Invalid parameter(s): ${k}`, 400, { params: { [k]: `${k} is not of a valid type.` } });
    try {
      // The screen's whole form comes back; only this field's value is taken, so two fields of one screen both land.
      const parsed = await validateOption(name, typeof text.data === "boolean" ? (text.data ? "open" : "closed") : String(text.data));
      values[name] = parsed[name];
    } catch (e) {
      if (e instanceof OptionError) throw new RestError("rest_invalid_param", `Invalid parameter(s): ${k}`, 400, { params: { [k]: e.message } });
      throw e;
    }
  }
  // Everything is checked before anything is written: one bad field leaves every setting as it was.
  if (Object.keys(values).length) await updateOptions(values);
  return restJson(await settingsView());
}

/** /wp/v2/search: published posts and pages (type=post), or terms (type=term), by words. */
export async function restSearch(q: { search: string; type: "post" | "term"; subtype: string[]; page: number; perPage: number }) {
  const opts = await getOptions();
  if (q.type === "term") {
    const taxonomies = (q.subtype.includes("any") || !q.subtype.length ? ["category", "post_tag"] : q.subtype) as ("category" | "post_tag")[];
    const items: Record<string, unknown>[] = [];
    let total = 0;
    for (const taxonomy of taxonomies) {
      const { rows, total: n } = await listRestTerms({ taxonomy, page: q.page, perPage: q.perPage, search: q.search || undefined, order: "asc", orderby: "name" });
      total += n;
      for (const t of rows) {
        items.push({ id: t.id, title: t.name, url: await absoluteUrl(termUrl({ taxonomy, slug: t.slug }, opts)), type: taxonomy, subtype: taxonomy,
          _links: { self: [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/${taxonomy === "category" ? "categories" : "tags"}/${t.id}`) }] } });
      }
    }
    return { items: items.slice(0, q.perPage), total };
  }
  const types = (q.subtype.includes("any") || !q.subtype.length ? ["post", "page"] : q.subtype) as ("post" | "page")[];
  const items: Record<string, unknown>[] = [];
  let total = 0;
  for (const type of types) {
    const { rows, total: n } = await listRestPosts({ type, page: q.page, perPage: q.perPage, search: q.search || undefined, order: "desc", orderby: "date" });
    total += n;
    for (const p of rows) {
      items.push({ id: p.id, title: p.title, url: await restPostLink(p, opts.permalink_structure), type: "post", subtype: type,
        _links: { self: [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/${type === "page" ? "pages" : "posts"}/${p.id}`) }] } });
    }
  }
  return { items: items.slice(0, q.perPage), total };
}
