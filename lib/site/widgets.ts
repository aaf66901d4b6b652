// The widgets Appearance → Widgets offers and the sidebar renders (option `sidebar_widgets`),
// with their default titles.
export const WIDGETS = {
  search: "Search",
  "recent-posts": "Recent Posts",
  "recent-comments": "Recent Comments",
  archives: "Archives",
  categories: "Categories",
  "tag-cloud": "Tag Cloud",
  meta: "Meta",
  "nav-menu": "Navigation Menu",
  text: "Text",
  "custom-html": "Custom HTML",
  pages: "Pages",
  calendar: "Calendar",
  image: "Image",
  // WordPress's ActivityPub plugin's "Follow me on the fediverse" block: offered, not placed by default.
  "fediverse-follow": "Follow me on the fediverse",
} as const;
export type WidgetId = keyof typeof WIDGETS;

export function isWidgetId(id: string): id is WidgetId {
  return Object.hasOwn(WIDGETS, id);
}
