// What other areas call after they change content, so that readers see it on the next request.
// Each helper forgets exactly the cached reads that can show the changed rows:
//   revalidatePostTags(postId)      a post or page was created, edited, published, trashed, deleted
//                                   (listings, archives, feeds, sitemap, widgets and that post)
//   revalidateCommentTags(postId)   a comment on that post was added, approved, edited, spammed…
//                                   (its comment section and count, comment feeds, Recent Comments)
//   revalidateTermTags(termId?)     a category or tag was created, renamed, moved or deleted
//   revalidateOptionsTags()         any setting changed (title, permalinks, reading, theme, widgets)
//   revalidateUserTags()            a user's public name or nicename changed
// They are safe to call from server actions, route handlers and scripts.
import { invalidateTags } from "./cache";

export const TAGS = {
  post: (id: number) => `post:${id}`,
  comments: (postId: number) => `comments:${postId}`,
  term: (id: number) => `term:${id}`,
  posts: "posts", // any listing of posts (home, archives, search, feeds, sitemap, widgets)
  home: "home",
  allComments: "comments", // comment listings across posts (comments feed, Recent Comments)
  terms: "terms", // category list, tag cloud, term lookups
  options: "options",
  users: "users",
} as const;

export function revalidatePostTags(postId: number) {
  invalidateTags(TAGS.post(postId), TAGS.posts, TAGS.home, TAGS.terms, TAGS.allComments);
}

export function revalidateCommentTags(postId: number) {
  invalidateTags(TAGS.comments(postId), TAGS.post(postId), TAGS.allComments);
}

export function revalidateTermTags(termId?: number) {
  invalidateTags(...(termId ? [TAGS.term(termId)] : []), TAGS.terms, TAGS.posts, TAGS.home);
}

export function revalidateOptionsTags() {
  // Settings shape every page (title, permalinks, posts per page, theme): forget everything.
  invalidateTags("all");
}

export function revalidateUserTags() {
  invalidateTags(TAGS.posts, TAGS.home, TAGS.users, TAGS.allComments);
  invalidateTags("post-cards");
}
