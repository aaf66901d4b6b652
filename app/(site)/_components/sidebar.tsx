// The sidebar widgets of WordPress, in the order Appearance → Widgets stores (option
// `sidebar_widgets`). Data comes from the read cache; only the Meta widget's "Log in" /
// "Site Admin" depends on the visitor, so it streams in its own Suspense boundary.
import { Suspense } from "react";
import type { Options } from "@/lib/options/defaults";
import { termUrl } from "@/lib/content/post-view";
import { getCurrentUser } from "@/lib/session";
import { archiveMonths, archivePage, categoriesWithCounts, recentComments, tagCloud, type PostCard } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { cached } from "@/lib/site/cache";
import type { Theme } from "@/themes/types";
import { widgetMarkupOf, type WidgetMarkup } from "@/themes/shared/widgets/markup";
import { SearchForm } from "@/components/site/search-form";
import { WIDGETS, isWidgetId } from "@/lib/site/widgets";
import { NavMenuWidget } from "./nav-menu-widget";
import { FediverseFollowWidget } from "./fediverse-follow-widget";
import { CalendarWidget, CustomHtmlWidget, ImageWidget, PagesWidget, TextWidget } from "./more-widgets";
import { titleText } from "@/lib/content/title";

const MORE_WIDGETS = { text: TextWidget, "custom-html": CustomHtmlWidget, pages: PagesWidget, calendar: CalendarWidget, image: ImageWidget } as const;

type StaticWidgetId = "recent-posts" | "recent-comments" | "archives" | "categories" | "tag-cloud";
const STATIC_WIDGETS = new Set<string>(["recent-posts", "recent-comments", "archives", "categories", "tag-cloud"]);

async function staticWidgetBody(id: StaticWidgetId, opts: Options, m: WidgetMarkup): Promise<string> {
  switch (id) {
    case "recent-posts":
      return m.recentPostsHtml(await Promise.all((await archivePage({ kind: "home" }, 1, 5)).items.map(async (p: PostCard) => ({ href: await permalinkOf(p, opts), text: titleText(p.title) || "(no title)" }))));
    case "recent-comments":
      return m.recentCommentsHtml(await Promise.all((await recentComments(5)).map(async (c) => ({
        author: c.authorName || "Anonymous",
        post: { href: `${await permalinkOf({ id: c.postId, type: c.postType, slug: c.postSlug, date: c.postDate, authorNicename: c.authorNicename }, opts)}#comment-${c.id}`, text: titleText(c.postTitle) || "(no title)" },
      }))));
    case "archives":
      return m.archivesHtml(await archiveMonths());
    case "categories":
      return m.categoriesHtml((await categoriesWithCounts()).map((c) => ({ id: c.id, parentId: c.parentId, count: c.count, text: c.name, href: termUrl({ taxonomy: "category", slug: c.slug }, opts) })));
    case "tag-cloud":
      return m.tagCloudHtml((await tagCloud()).map((t) => ({ count: t.count, text: t.name, href: termUrl({ taxonomy: "post_tag", slug: t.slug }, opts) })));
  }
}

/** A widget whose whole content is one cached string (the theme's, else themes/shared/widgets/lists.ts's). */
async function StaticWidget({ id, opts, theme, m }: { id: StaticWidgetId; opts: Options; theme: string; m: WidgetMarkup }) {
  const key = `widget-html:${theme}:${id}:${opts.permalink_structure}:${opts.category_base}:${opts.tag_base}:${opts.date_format}`;
  const html = await cached(key, async () => m.widgetSection(id, WIDGETS[id], await staticWidgetBody(id, opts, m)));
  return <m.HtmlWidget id={id} html={html} />;
}

/** WordPress's Meta widget: "Register" (when anyone can register) and "Log in", or "Site Admin". */
async function MetaLogin({ canRegister, m }: { canRegister: boolean; m: WidgetMarkup }) {
  const user = await getCurrentUser();
  return user ? <m.SiteAdminLink /> : <m.LoggedOutLinks canRegister={canRegister} />;
}

function Meta({ canRegister, m }: { canRegister: boolean; m: WidgetMarkup }) {
  return (
    <m.MetaList
      login={
        <Suspense fallback={<m.LoggedOutLinks canRegister={canRegister} />}>
          <MetaLogin canRegister={canRegister} m={m} />
        </Suspense>
      }
    />
  );
}

/** The sidebar in the markup of `theme` (the one app/(site)/theme.ts chose for this request). */
export function Sidebar({ opts, theme }: { opts: Options; theme: Pick<Theme, "name" | "widgets"> }) {
  const m = widgetMarkupOf(theme);
  const ids = (Array.isArray(opts.sidebar_widgets) ? opts.sidebar_widgets : []).filter(isWidgetId);
  return (
    <>
      {ids.map((id) => {
        if (Object.hasOwn(MORE_WIDGETS, id)) {
          const More = MORE_WIDGETS[id as keyof typeof MORE_WIDGETS];
          return <More key={id} opts={opts} theme={theme.name} m={m} />;
        }
        if (id === "fediverse-follow") return <FediverseFollowWidget key={id} opts={opts} />;
        return id === "nav-menu" ? (
          <NavMenuWidget key={id} opts={opts} m={m} />
        ) : STATIC_WIDGETS.has(id) ? (
          <StaticWidget key={id} id={id as StaticWidgetId} opts={opts} theme={theme.name} m={m} />
        ) : (
          <m.Widget key={id} id={id} title={WIDGETS[id]}>
            {id === "search" ? <SearchForm id="sidebar-search" /> : null}
            {id === "meta" ? <Meta canRegister={!!opts.users_can_register} m={m} /> : null}
          </m.Widget>
        );
      })}
    </>
  );
}
