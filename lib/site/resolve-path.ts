// From a URL (path segments and the WordPress query string) to what the site shows there:
// a listing (home, archives, search), one post or page, a redirect, or nothing (404).
// Only what the reader may see resolves (canReadPost): a draft, or a private post asked for by
// anyone but its author and editors, is a 404 like a missing id, with no redirect to its
// permalink. The reader is null for anonymous requests (and for the routing before any page
// renders, which hands a request with a session on to the page when nothing public is there).
import { getTermById, type ArchiveFilter } from "@/db/queries/archives";
import { getUserById } from "@/db/queries/users";
import { getPostIdByOldPath } from "@/db/queries/wxr-import";
import type { Options } from "@/lib/options/defaults";
import { canReadPost, type Actor } from "@/lib/auth/capabilities";
import { PERMALINK_PRESETS, matchStructure } from "@/lib/content/permalinks";
import { localToDate, monthName, toSqlGmt } from "@/lib/dates";
import { authorByNicename, categoryBySlug, categoryTreeIds, pageByPath, postById, postBySlug, siteOptions, tagBySlug, type PostCard } from "./reads";
import { pagedUrl, permalinkOf } from "./urls";
import { contentPages } from "@/lib/content/format";

export interface Listing {
  type: "home" | "category" | "tag" | "author" | "date" | "search";
  /** The archive's heading, e.g. "Category: News"; "" on home. */
  heading: string;
  /** Plain title for <title>. */
  title: string;
  description?: string;
  filter?: ArchiveFilter;
  search?: string;
  page: number;
  /** URL of page 1 of this listing (pagination builds on it). */
  baseUrl: string;
  /** This listing's own feed, if it has one. */
  feedUrl?: string;
}

export type SiteRoute =
  | { kind: "listing"; listing: Listing }
  /** `page`: which of the post's <!--nextpage--> pages (2 and up; absent for the first). */
  | { kind: "single"; post: PostCard; page?: number }
  | { kind: "redirect"; to: string };

/** Post statuses a visitor may be shown at all (private ones only to allowed readers). */
export function isReadableStatus(status: string): boolean {
  return status === "publish" || status === "private";
}

function decode(segments: string[]): string[] {
  return segments.map((s) => {
    try {
      return decodeURIComponent(s).normalize("NFC");
    } catch {
      return s;
    }
  });
}

const positiveInt = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : undefined);

export function dateRangeGmt(y: number, m: number | undefined, d: number | undefined, tz: string): [string, string] | null {
  if (y < 1000 || y > 9999 || (m !== undefined && (m < 1 || m > 12))) return null;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m!, 0)).getUTCDate())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  const from = `${y}-${pad(m ?? 1)}-${pad(d ?? 1)} 00:00:00`;
  const endDate = d !== undefined ? new Date(Date.UTC(y, m! - 1, d + 1)) : m !== undefined ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y + 1, 0, 1));
  const to = toSqlGmt(endDate);
  return [toSqlGmt(localToDate(from, tz)), toSqlGmt(localToDate(to, tz))];
}

function dateListing(y: number, m: number | undefined, d: number | undefined, page: number, opts: Options): Listing | null {
  const range = dateRangeGmt(y, m, d, opts.timezone_string || "UTC");
  if (!range) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  const label = d !== undefined ? `${monthName(m!)} ${d}, ${y}` : m !== undefined ? `${monthName(m)} ${y}` : String(y);
  const kind = d !== undefined ? "Day" : m !== undefined ? "Month" : "Year";
  const base = `/${y}/` + (m !== undefined ? `${pad(m)}/` : "") + (d !== undefined ? `${pad(d)}/` : "");
  return { type: "date", heading: `${kind}: ${label}`, title: label, filter: { kind: "dates", fromGmt: range[0], toGmt: range[1] }, page, baseUrl: base };
}

async function categoryListing(slug: string, page: number): Promise<Listing | null> {
  const term = await categoryBySlug(slug);
  if (!term) return null;
  return {
    type: "category",
    heading: `Category: ${term.name}`,
    title: term.name,
    description: term.description,
    filter: { kind: "terms", termIds: await categoryTreeIds(term.id) },
    page,
    baseUrl: "",
    feedUrl: "",
  };
}

function withBase(l: Listing | null, base: string): Listing | null {
  if (!l) return null;
  return { ...l, baseUrl: base, feedUrl: l.feedUrl !== undefined ? `${base}feed/` : undefined };
}

function searchListing(term: string, page: number): Listing {
  return {
    type: "search",
    heading: `Search Results for: ${term}`,
    title: `Search Results for “${term}”`,
    search: term,
    page,
    baseUrl: `/search/${encodeURIComponent(term)}/`,
  };
}

/** Is this post's date the one its permalink carries? */
function dateMatches(date: string, m: { year?: string; monthnum?: string; day?: string }): boolean {
  const [y, mo, d] = date.split(/[- ]/);
  if (m.year && m.year !== y) return false;
  if (m.monthnum && Number(m.monthnum) !== Number(mo)) return false;
  if (m.day && Number(m.day) !== Number(d)) return false;
  return true;
}

/** A post named by a permalink under `structure`, if the URL fits it. */
async function postUnderStructure(segments: string[], structure: string, reader: Actor | null): Promise<PostCard | undefined> {
  const m = matchStructure(segments, structure);
  if (!m) return undefined;
  const post = m.post_id ? await postById(Number(m.post_id)) : m.postname ? await postBySlug("post", m.postname) : undefined;
  if (!post || post.type !== "post" || !canReadPost(reader, post) || !dateMatches(post.date, m)) return undefined;
  if (m.postname && post.slug !== m.postname) return undefined;
  return post;
}

/** Every structure WordPress offers, and any structure this site has used: old links keep working. */
function knownStructures(opts: Options): string[] {
  const all = new Set<string>([...Object.values(PERMALINK_PRESETS).filter(Boolean)]);
  all.delete(opts.permalink_structure);
  return [...all];
}

export async function resolveSegments(raw: string[], query: { s?: string; paged?: string | null } = {}, reader: Actor | null = null): Promise<SiteRoute | null> {
  const route = await resolveRoute(raw, query, reader);
  // ?paged=N on an archive (WordPress accepts it everywhere): the /page/N/ form is canonical.
  const paged = positiveInt(query.paged ?? undefined);
  if (paged && paged > 1 && route?.kind === "listing" && route.listing.page === 1 && route.listing.type !== "search") {
    return { kind: "redirect", to: pagedUrl(route.listing.baseUrl, paged) };
  }
  return route;
}

/**
 * The published post or page a path names, under the current or any older permalink (an old
 * link's redirect followed once).
 */
export async function resolvePath(rawSegments: string[]): Promise<PostCard | undefined> {
  const route = await resolveRoute(rawSegments, {}, null);
  if (route?.kind === "single") return route.post.status === "publish" ? route.post : undefined;
  const plain = route?.kind === "redirect" ? /^\/\?(?:p|page_id)=(\d+)$/.exec(route.to) : null;
  if (plain) {
    const post = await postById(Number(plain[1]));
    return post?.status === "publish" ? post : undefined;
  }
  if (route?.kind === "redirect" && !route.to.includes("?")) {
    const again = await resolveRoute(route.to.split("/").filter(Boolean), {}, null);
    if (again?.kind === "single" && again.post.status === "publish") return again.post;
  }
  return undefined;
}

/** Published and not behind a password: what another site may ping or embed. */
const pingable = (p: PostCard | undefined) => (p && p.status === "publish" && !p.password ? p : undefined);

/**
 * The post or page a path on this site is the current address of, for the machine endpoints
 * (TrackBack, Pingback, Webmention, oEmbed), as WordPress's url_to_postid: the path resolves as
 * an anonymous reader's page does, so an old link that redirects names nothing. Only a published
 * post without a password is a target.
 */
export async function postAtPath(rawSegments: string[]): Promise<PostCard | undefined> {
  const route = await resolveRoute(rawSegments, {}, null);
  // The static front page's own address redirects to the site root, where it is shown.
  const single = route?.kind === "redirect" && route.to === "/" ? await resolveRoute([], {}, null) : route;
  return single?.kind === "single" ? pingable(single.post) : undefined;
}

/** The published post with this id, from ?p=ID, ?page_id=ID and /wp-trackback.php?p=ID. */
export async function postAtIdParam(id: string | null | undefined): Promise<PostCard | undefined> {
  if (!id || !/^\d{1,12}$/.test(id)) return undefined;
  return pingable(await postById(Number(id)));
}

async function resolveRoute(raw: string[], query: { s?: string }, reader: Actor | null): Promise<SiteRoute | null> {
  const opts = await siteOptions();
  const visible = (p: PostCard | undefined) => (p && canReadPost(reader, p) ? p : undefined);
  let segments = decode(raw).filter(Boolean);
  let page = 1;
  if (segments.length >= 2 && segments[segments.length - 2] === "page") {
    const n = positiveInt(segments[segments.length - 1]);
    if (!n) return null;
    page = n;
    segments = segments.slice(0, -2);
  }
  const [first, second, third] = segments;
  const catBase = opts.category_base || "category";
  const tagBase = opts.tag_base || "tag";

  const statics = await staticPages(opts);
  if (!segments.length) {
    if (!statics.front) return { kind: "listing", listing: homeListing(page) };
    if (!visible(statics.front)) return null;
    if (page === 1) return { kind: "single", post: statics.front! };
    // The static front page split by <!--nextpage-->: its pages are /page/2/…, as in WordPress.
    return page <= contentPages(statics.front!.content).length ? { kind: "single", post: statics.front!, page } : null;
  }
  if (first === "search") {
    const term = segments.length > 1 ? segments.slice(1).join("/") : (query.s ?? "");
    return { kind: "listing", listing: searchListing(term, page) };
  }
  if (first === catBase && segments.length >= 2) {
    // WordPress nests category URLs (/category/parent/child/); the last slug names the category.
    const l = withBase(await categoryListing(segments[segments.length - 1]!, page), `/${segments.map(encodeURIComponent).join("/")}/`);
    if (l) return { kind: "listing", listing: l };
  }
  if (first === tagBase && segments.length === 2) {
    const term = await tagBySlug(second!);
    if (term) {
      const base = `/${encodeURIComponent(tagBase)}/${encodeURIComponent(term.slug)}/`;
      return { kind: "listing", listing: { type: "tag", heading: `Tag: ${term.name}`, title: term.name, description: term.description, filter: { kind: "terms", termIds: [term.id] }, page, baseUrl: base, feedUrl: `${base}feed/` } };
    }
  }
  if (first === "author" && segments.length === 2) {
    const a = await authorByNicename(second!);
    if (a) {
      const base = `/author/${encodeURIComponent(a.nicename)}/`;
      return { kind: "listing", listing: { type: "author", heading: `Author: ${a.displayName}`, title: a.displayName, description: a.bio, filter: { kind: "author", authorId: a.id }, page, baseUrl: base, feedUrl: `${base}feed/` } };
    }
  }
  if (/^\d{4}$/.test(first!) && segments.length <= 3 && segments.every((s) => /^\d+$/.test(s))) {
    const l = dateListing(Number(first), second ? Number(second) : undefined, third ? Number(third) : undefined, page, opts);
    if (l) return { kind: "listing", listing: l };
  }
  const pageRow = await pageByPath(segments);
  if (pageRow && statics.postsPage?.id === pageRow.id) return visible(pageRow) ? { kind: "listing", listing: await postsPageListing(pageRow, page, opts) } : null;
  if (page > 1) return null;

  const post = await postUnderStructure(segments, opts.permalink_structure, reader);
  if (post) return { kind: "single", post };
  // The static front page's own URL: one redirect to the site root.
  if (pageRow && statics.front?.id === pageRow.id && visible(pageRow)) return { kind: "redirect", to: "/" };
  if (visible(pageRow)) return { kind: "single", post: pageRow! };

  // A page of a post split by <!--nextpage-->: its permalink then the number (/2012/01/08/post/2/).
  // As WordPress: /1/ and a number past the last page go to the post's own address.
  const n = segments.length >= 2 ? positiveInt(segments[segments.length - 1]) : undefined;
  if (n) {
    const rest = segments.slice(0, -1);
    const restPost = await postUnderStructure(rest, opts.permalink_structure, reader);
    const restPage = restPost ? undefined : await pageByPath(rest);
    const split = restPost ?? (statics.postsPage?.id !== restPage?.id ? visible(restPage) : undefined);
    if (split) {
      if (n === 1 || n > contentPages(split.content).length) return { kind: "redirect", to: await permalinkOf(split, opts) };
      return { kind: "single", post: split, page: n };
    }
  }

  // An older permalink (or a page's old flat path): one redirect to where it lives now.
  for (const structure of knownStructures(opts)) {
    const old = await postUnderStructure(segments, structure, reader);
    if (old) return { kind: "redirect", to: await permalinkOf(old, opts) };
  }
  const leaf = visible(await postBySlug("page", segments[segments.length - 1]!));
  if (leaf) {
    const to = await permalinkOf(leaf, opts);
    if (to !== `/${segments.map(encodeURIComponent).join("/")}/`) return { kind: "redirect", to };
  }
  // A post imported from WordPress, under the address it had there (any structure, even one
  // Inkwell does not offer, such as /%category%/%postname%/).
  const importedId = await getPostIdByOldPath(`/${segments.map(encodeURIComponent).join("/")}/`);
  const imported = importedId ? await postById(importedId) : undefined;
  if (visible(imported)) return { kind: "redirect", to: await permalinkOf(imported!, opts) };
  return null;
}

/**
 * Settings → Reading, "Your homepage displays: a static page": the page shown at / and the page
 * that lists the posts. A setting naming a page that is gone or unpublished is ignored, as in WordPress.
 */
export async function staticPages(opts: Pick<Options, "show_on_front" | "page_on_front" | "page_for_posts">): Promise<{ front?: PostCard; postsPage?: PostCard }> {
  if (opts.show_on_front !== "page") return {};
  const load = async (id: number) => {
    const p = id > 0 ? await postById(id) : undefined;
    return p && p.type === "page" && isReadableStatus(p.status) ? p : undefined;
  };
  const front = await load(Number(opts.page_on_front) || 0);
  const postsPage = await load(Number(opts.page_for_posts) || 0);
  return { front, postsPage: postsPage && postsPage.id !== front?.id ? postsPage : undefined };
}

/** The posts page: the home listing (sticky posts first), under that page's title and URL. */
async function postsPageListing(pageRow: PostCard, page: number, opts: Options): Promise<Listing> {
  return { ...homeListing(page), heading: pageRow.title, title: pageRow.title, baseUrl: await permalinkOf(pageRow, opts) };
}

export function homeListing(page: number): Listing {
  return { type: "home", heading: "", title: "", filter: { kind: "home" }, page, baseUrl: "/", feedUrl: "/feed/" };
}

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** WordPress's query-string URLs at the site root: /?p=1, /?cat=3, /?m=202611, /?s=word, /?paged=2. */
export async function resolveQuery(q: Query, reader: Actor | null = null): Promise<SiteRoute | null> {
  const opts = await siteOptions();
  const plain = !opts.permalink_structure;
  const paged = positiveInt(one(q.paged)) ?? 1;
  const p = one(q.p) ?? one(q.page_id);
  if (p !== undefined) {
    const id = positiveInt(p);
    const post = id ? await postById(id) : undefined;
    if (!post || !canReadPost(reader, post)) return null;
    const statics = await staticPages(opts);
    if (plain && post.id === statics.postsPage?.id) return { kind: "listing", listing: await postsPageListing(post, paged, opts) };
    if (plain && post.id === statics.front?.id) return { kind: "redirect", to: "/" };
    // ?page=N: a page of a post split by <!--nextpage--> (only plain permalinks keep it in the query).
    const n = positiveInt(one(q.page));
    const pages = n && n > 1 ? contentPages(post.content).length : 1;
    if (plain) return n && n > 1 && n <= pages ? { kind: "single", post, page: n } : { kind: "single", post };
    if (n && n > 1 && n <= pages) return { kind: "redirect", to: `${await permalinkOf(post, opts)}${n}/` };
    return { kind: "redirect", to: await permalinkOf(post, opts) };
  }
  const s = one(q.s);
  if (s !== undefined) return { kind: "listing", listing: { ...searchListing(s, paged), baseUrl: `/?s=${encodeURIComponent(s)}` } };
  const feed = one(q.feed);
  if (feed !== undefined) return { kind: "redirect", to: feed === "atom" ? "/feed/atom/" : feed === "comments-rss2" ? "/comments/feed/" : "/feed/" };
  const cat = positiveInt(one(q.cat));
  if (cat) {
    const term = await categoryById(cat);
    return term ? { kind: "redirect", to: pagedUrl(`/${opts.category_base || "category"}/${encodeURIComponent(term.slug)}/`, paged) } : null;
  }
  const tag = one(q.tag);
  if (tag) {
    const term = await tagBySlug(tag);
    return term ? { kind: "redirect", to: pagedUrl(`/${opts.tag_base || "tag"}/${encodeURIComponent(term.slug)}/`, paged) } : null;
  }
  const author = positiveInt(one(q.author));
  if (author) {
    const nicename = await authorNicenameById(author);
    return nicename ? { kind: "redirect", to: pagedUrl(`/author/${encodeURIComponent(nicename)}/`, paged) } : null;
  }
  const m = one(q.m);
  if (m !== undefined) {
    const mm = /^(\d{4})(\d{2})?(\d{2})?$/.exec(m);
    if (!mm) return null;
    return { kind: "redirect", to: pagedUrl(`/${mm[1]}/` + (mm[2] ? `${mm[2]}/` : "") + (mm[3] ? `${mm[3]}/` : ""), paged) };
  }
  if (paged > 1) {
    const { front, postsPage } = await staticPages(opts);
    if (front) return postsPage ? { kind: "redirect", to: pagedUrl(await permalinkOf(postsPage, opts), paged) } : null;
    return { kind: "redirect", to: pagedUrl("/", paged) };
  }
  return await resolveRoute([], {}, reader);
}

async function categoryById(id: number) {
  const t = await getTermById(id);
  return t && t.taxonomy === "category" ? t : undefined;
}
async function authorNicenameById(id: number) {
  return (await getUserById(id))?.nicename;
}
