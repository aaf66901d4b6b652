// The contract between pages and themes. Pages load data and pass these small props; a theme
// decides only how they look. Nothing outside themes/ knows which theme is active.
import type { ReactNode } from "react";

export interface SiteInfo {
  name: string;
  description: string;
  homeUrl: string;
}

export interface TermLink {
  name: string;
  url: string;
}

export interface PostView {
  id: number;
  title: string;
  url: string;
  /** Already formatted by the site's date format. */
  dateText: string;
  /** ISO 8601, for <time datetime>. */
  dateIso: string;
  authorName: string;
  authorUrl: string;
  /** Sanitized HTML, ready to render. */
  contentHtml: string;
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
}

export interface CommentView {
  id: number;
  authorName: string;
  authorUrl: string;
  dateText: string;
  dateIso: string;
  contentHtml: string;
}

export interface LayoutProps {
  site: SiteInfo;
  sidebar: ReactNode;
  children: ReactNode;
}

export interface Theme {
  name: string;
  label: string;
  author: string;
  authorUrl: string;
  description: string;
  Layout: (props: LayoutProps) => ReactNode;
  PostSummary: (props: { post: PostView }) => ReactNode;
  /** `content`, when given, replaces contentHtml (the password form of a protected post). */
  PostSingle: (props: { post: PostView; comments: ReactNode; navigation?: ReactNode; content?: ReactNode }) => ReactNode;
  CommentList: (props: { comments: CommentView[]; title: string }) => ReactNode;
}
