// The view types that db/, lib/ and the themes share: what a page hands a theme to render, already
// formatted and sanitized. Pages build them (lib/content/post-view.ts, comment-view.ts, the site's
// reads); a theme decides only how they look (themes/types.ts is the theme's side of the contract).

export interface SiteInfo {
  name: string;
  description: string;
  homeUrl: string;
  /** Appearance → Customize's logo (shown as WordPress's custom-logo) and header image. */
  logo?: FeaturedImage;
  headerImage?: FeaturedImage;
}

export interface TermLink {
  name: string;
  url: string;
}

/** A post's featured image (posts.featuredMediaId): URLs under /wp-content/uploads/. */
export interface FeaturedImage {
  src: string;
  /** "url 300w, url 1024w, …" from the generated sizes, when there are several. */
  srcSet?: string;
  sizes?: string;
  width: number;
  height: number;
  /** The image's alt text from the media library; "" when it is decorative. */
  alt: string;
}

export interface PostView {
  id: number;
  /** The title as text (lib/content/title.ts): for names, labels and anything not a heading. */
  title: string;
  /** The title as sanitized inline HTML, for the post's heading (WordPress keeps titles as HTML). */
  titleHtml: string;
  url: string;
  /** Already formatted by the site's date format. */
  dateText: string;
  /** ISO 8601, for <time datetime>. */
  dateIso: string;
  authorName: string;
  authorUrl: string;
  /** Sanitized HTML, ready to render. */
  contentHtml: string;
  /** The rules of the block layouts in contentHtml (wp-container-… classes), for a <style> beside it. */
  blockCss?: string;
  /** True when contentHtml is a teaser cut at <!--more-->. */
  hasMore: boolean;
  categories: TermLink[];
  tags: TermLink[];
  commentCount: number;
  commentsOpen: boolean;
  sticky: boolean;
  type: "post" | "page";
  /** Trackbacks and pingbacks accepted (Classic says "or trackback from your own site"). */
  pingsOpen?: boolean;
  /** Password-protected, and this reader has not given the password: contentHtml is empty. */
  locked?: boolean;
  /** Absent when the post has none, or while it is locked by its password. */
  featuredImage?: FeaturedImage;
  /** Likes and boosts from the fediverse ("3 boosts · 12 likes"); absent or "" when there are none. */
  reactionsText?: string;
  /** The fediverse post this post replies to (its address), shown as "In reply to …". */
  inReplyTo?: string;
}

export interface ReactionCounts {
  likes: number;
  boosts: number;
}

export interface CommentView {
  id: number;
  authorName: string;
  authorUrl: string;
  dateText: string;
  dateIso: string;
  contentHtml: string;
  /** An <img src> (a local data: SVG, or Gravatar when the site asks); absent with avatars off. */
  avatarSrc?: string;
  /** Replies to show nested under this comment (threaded comments). */
  replies?: CommentView[];
  /** 1 for a top-level comment. */
  depth?: number;
  /**
   * Where "Reply" goes without JavaScript; absent when replies are not offered (maximum depth,
   * comments closed, threading off). The theme renders the link with data-reply-to={id} and
   * data-reply-author={authorName}, and an empty <div id={`respond-slot-${id}`}> after the
   * comment's text: the comment form's script moves the form there.
   */
  replyUrl?: string;
  /** Held for moderation and shown only to the visitor who wrote it. */
  awaitingModeration?: boolean;
  type?: "comment" | "trackback" | "pingback" | "webmention";
}

/** One link of a navigation menu (Appearance → Menus), with its sub-items. */
export interface NavItem {
  id: string;
  label: string;
  url: string;
  /** "_blank" when the item opens in a new tab. */
  target?: string;
  /** The item's CSS classes, set on its <li>. */
  classes?: string;
  children: NavItem[];
}

/** The menus assigned to a theme's locations; `header` falls back to the site's top-level pages. */
export interface SiteMenus {
  header: NavItem[];
  footer?: NavItem[];
  social?: NavItem[];
}

/** The menu locations every theme offers (WordPress's register_nav_menus), with their labels. */
export const MENU_LOCATIONS = { header: "Primary (header)", footer: "Footer", social: "Social Links" } as const;
export type MenuLocation = keyof typeof MENU_LOCATIONS;
