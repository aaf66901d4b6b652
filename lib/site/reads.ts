// The public read model: every listing and lookup a reader's page makes, through the read cache,
// after publishing any scheduled post whose time has come. Raw rows are cached; views (URLs,
// formatted dates) are built per request from the current settings.
import { cache as perRequest } from "react";
import { getOptions } from "@/db/queries/options";
import { listTermsForPosts, type PostCard } from "@/db/queries/posts";
import {
  getAdjacentPosts,
  getPageByPath,
  getPageSlugPath,
  getPostCard,
  getPostCardBySlug,
  listArchiveMonths,
  listArchivePosts,
  listCategoriesWithCounts,
  listCategoryTreeIds,
  listRecentComments,
  listStickyPosts,
  listTagCloud,
  publishDueScheduledPosts,
  type ArchiveFilter,
} from "@/db/queries/archives";
import { searchPosts } from "@/db/queries/search";
import { listMediaByIds } from "@/db/queries/featured-media";
import { toFeaturedImage } from "@/lib/media/featured";
import type { FeaturedImage } from "@/lib/content/views";
import { getTermBySlug } from "@/db/queries/terms";
import { getUserByNicename } from "@/db/queries/users";
import { nowGmt } from "@/lib/dates";
import { cached, syncWithDatabase } from "./cache";

export type { PostCard };

/** Settings, read once per request (one small query; never stale after a settings screen saves). */
export const siteOptions = perRequest(async () => await getOptions());

const g = globalThis as unknown as { __inkwellScheduleCheckedAt?: number };

/**
 * Scheduled posts appear by themselves: at most once a second, the next read publishes those
 * whose time has come (an indexed lookup); publishing moves the content version, which the
 * second sync reads, so this very request already lists them.
 */
export async function publishDuePosts(force = false) {
  await syncWithDatabase();
  const now = Date.now();
  if (!force && g.__inkwellScheduleCheckedAt && now - g.__inkwellScheduleCheckedAt < 1000) return;
  g.__inkwellScheduleCheckedAt = now;
  const published = await publishDueScheduledPosts(nowGmt());
  if (published.length) await syncWithDatabase();
  for (const id of published) {
    // A scheduled post sends its pings when it goes live, as one published from the editor does.
    void import("@/lib/jobs").then(async (jobs) => {
      await jobs.enqueuePostPings(id);
      await jobs.enqueuePostFederation(id);
    }).catch(() => undefined);
  }
}

export interface TermOfPost {
  postId: number;
  id: number;
  taxonomy: "category" | "post_tag";
  name: string;
  slug: string;
}

/** The featured images of these posts, by post id (cached; any database write forgets it). */
export async function featuredImagesFor(posts: Pick<PostCard, "id" | "featuredMediaId">[]): Promise<Map<number, FeaturedImage>> {
  const mediaIds = [...new Set(posts.map((p) => p.featuredMediaId).filter((id): id is number => !!id))].sort((a, b) => a - b);
  const out = new Map<number, FeaturedImage>();
  if (!mediaIds.length) return out;
  const rows = await cached(`featured-media:${mediaIds.join(",")}`, () => listMediaByIds(mediaIds));
  const byId = new Map(rows.map((m) => [m.id, m]));
  for (const p of posts) {
    const img = p.featuredMediaId ? toFeaturedImage(byId.get(p.featuredMediaId)) : undefined;
    if (img) out.set(p.id, img);
  }
  return out;
}

export async function termsForPosts(ids: number[]): Promise<TermOfPost[]> {
  if (!ids.length) return [];
  return await cached(`terms-of:${ids.join(",")}`, () => listTermsForPosts(ids));
}

export async function archivePage(filter: ArchiveFilter, page: number, perPage: number) {
  await publishDuePosts();
  const key = `archive:${JSON.stringify(filter)}:${page}:${perPage}`;
  return await cached(key, () => listArchivePosts(filter, page, perPage));
}

export async function stickyPosts(): Promise<PostCard[]> {
  await publishDuePosts();
  return await cached("sticky", () => listStickyPosts());
}

export async function searchPage(ftsQuery: string, page: number, perPage: number) {
  await publishDuePosts();
  return await cached(`search:${ftsQuery}:${page}:${perPage}`, () => searchPosts(ftsQuery, page, perPage));
}

export async function postById(id: number): Promise<PostCard | undefined> {
  await publishDuePosts();
  return await cached(`post-id:${id}`, () => getPostCard(id));
}

export async function postBySlug(type: "post" | "page", slug: string): Promise<PostCard | undefined> {
  await publishDuePosts();
  return await cached(`post-slug:${type}:${slug}`, () => getPostCardBySlug(type, slug));
}

export async function pageByPath(slugs: string[]): Promise<PostCard | undefined> {
  return await cached(`page-path:${slugs.join("/")}`, () => getPageByPath(slugs));
}

export async function pageSlugPath(id: number): Promise<string[]> {
  return await cached(`page-slugs:${id}`, () => getPageSlugPath(id));
}

export async function adjacentPosts(post: { id: number; dateGmt: string }) {
  return await cached(`adjacent:${post.id}:${post.dateGmt}`, () => getAdjacentPosts(post));
}

export async function categoryBySlug(slug: string) {
  return await cached(`term:category:${slug}`, () => getTermBySlug("category", slug));
}

export async function tagBySlug(slug: string) {
  return await cached(`term:post_tag:${slug}`, () => getTermBySlug("post_tag", slug));
}

export async function categoryTreeIds(termId: number): Promise<number[]> {
  return await cached(`term-tree:${termId}`, () => listCategoryTreeIds(termId));
}

export async function authorByNicename(nicename: string) {
  const u = await cached(`author:${nicename}`, () => getUserByNicename(nicename));
  return u && { id: u.id, displayName: u.displayName, nicename: u.nicename, bio: u.bio };
}

export async function recentComments(limit = 5) {
  return await cached(`recent-comments:${limit}`, () => listRecentComments(limit));
}

export async function categoriesWithCounts() {
  return await cached("categories", () => listCategoriesWithCounts());
}

export async function tagCloud() {
  return await cached("tag-cloud", () => listTagCloud(45));
}

export async function archiveMonths() {
  return await cached("archive-months", () => listArchiveMonths());
}
