// The sidebar widgets' markup, as one set a theme starts from: the sections and lists beside this
// file. A theme changes any part through its `widgets` (themes/types.ts), say only the Archives
// list, and keeps the rest; the site layer renders the sidebar with the active theme's set
// (widgetMarkupOf, called by app/(site)/layout.tsx with the theme app/(site)/theme.ts chose).
import type { Theme } from "../../types";
import { archivesHtml, categoriesHtml, recentCommentsHtml, recentPostsHtml, tagCloudHtml, widgetSection } from "./lists";
import { calendarHtml } from "./calendar";
import { pagesHtml } from "./pages";
import { HtmlWidget, ImageWidgetFigure, LoggedOutLinks, MetaList, NavMenuWidgetView, SiteAdminLink, TextWidgetBody, TitledWidget, Widget } from "./sections";

export const SHARED_WIDGET_MARKUP = {
  /** Search and Meta: a section under a fixed title. */
  Widget,
  /** Text, Custom HTML, Pages, Calendar, Image: a section under the title the site gave it. */
  TitledWidget,
  /** The data widgets' section, whose whole markup is one cached string. */
  HtmlWidget,
  /** The Text and Custom HTML widgets' body. */
  TextWidgetBody,
  ImageWidgetFigure,
  MetaList,
  LoggedOutLinks,
  SiteAdminLink,
  NavMenuWidgetView,
  // The data widgets as HTML strings (kept in the read cache per theme, content version and settings).
  widgetSection,
  recentPostsHtml,
  recentCommentsHtml,
  archivesHtml,
  categoriesHtml,
  tagCloudHtml,
  pagesHtml,
  calendarHtml,
};

export type WidgetMarkup = typeof SHARED_WIDGET_MARKUP;

/** The theme's widget markup: its own parts, the shared markup for the rest. */
export function widgetMarkupOf(theme: Pick<Theme, "widgets">): WidgetMarkup {
  return { ...SHARED_WIDGET_MARKUP, ...theme.widgets };
}
