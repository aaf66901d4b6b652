// The contract between pages and themes. Pages load data and pass the small view types of
// lib/content/views.ts; a theme decides only how they look. Which theme renders a request is the
// site layer's choice (app/(site)/theme.ts).
import type { ReactNode } from "react";
import type { CommentView, MenuLocation, PostView, SiteInfo, SiteMenus } from "@/lib/content/views";
import type { WidgetMarkup } from "./shared/widgets/markup";

export interface LayoutProps {
  site: SiteInfo;
  sidebar: ReactNode;
  children: ReactNode;
  menus?: SiteMenus;
}

export interface Theme {
  name: string;
  label: string;
  author: string;
  authorUrl: string;
  description: string;
  /** The menu locations this theme shows (keys of MENU_LOCATIONS). */
  menuLocations: readonly MenuLocation[];
  /** The background of each colour scheme the theme has, which a custom accent must stand out on. */
  paper: { light: string; dark?: string };
  Layout: (props: LayoutProps) => ReactNode;
  PostSummary: (props: { post: PostView }) => ReactNode;
  /** `content`, when given, replaces contentHtml (the password form of a protected post). */
  PostSingle: (props: { post: PostView; comments: ReactNode; navigation?: ReactNode; content?: ReactNode }) => ReactNode;
  /** The comment area: the thread (top-level comments, replies nested), the pings apart, the form. */
  CommentList: (props: {
    comments: CommentView[];
    title: string;
    pings?: CommentView[];
    form?: ReactNode;
    /** With comment pages on: links to the older and newer page, when there is one. */
    pageLinks?: { olderUrl?: string; newerUrl?: string };
  }) => ReactNode;
  /** The sidebar widgets' markup this theme draws its own way; the rest is themes/shared/widgets/markup.ts's. */
  widgets?: Partial<WidgetMarkup>;
}
