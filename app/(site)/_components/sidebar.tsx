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
import { archivesHtml, categoriesHtml, recentCommentsHtml, recentPostsHtml, tagCloudHtml, widgetSection } from "@/themes/shared/widgets/lists";
import { HtmlWidget, LoggedOutLinks, MetaList, SiteAdminLink, Widget } from "@/themes/shared/widgets/sections";
import { SearchForm } from "@/components/site/search-form";
import { WIDGETS, isWidgetId } from "@/lib/site/widgets";
import { NavMenuWidget } from "./nav-menu-widget";
import { FediverseFollowWidget } from "./fediverse-follow-widget";
import { CalendarWidget, CustomHtmlWidget, ImageWidget, PagesWidget, TextWidget } from "./more-widgets";

const MORE_WIDGETS = { text: TextWidget, "custom-html": CustomHtmlWidget, pages: PagesWidget, calendar: CalendarWidget, image: ImageWidget } as const;

type StaticWidgetId = "recent-posts" | "recent-comments" | "archives" | "categories" | "tag-cloud";
const STATIC_WIDGETS = new Set<string>(["recent-posts", "recent-comments", "archives", "categories", "tag-cloud"]);

async function staticWidgetBody(id: StaticWidgetId, opts: Options): Promise<string> {
  switch (id) {
    case "recent-posts":
      return recentPostsHtml(await Promise.all((await archivePage({ kind: "home" }, 1, 5)).items.map(async (p: PostCard) => ({ href: await permalinkOf(p, opts), text: p.title || "(no title)" }))));
    case "recent-comments":
      return recentCommentsHtml(await Promise.all((await recentComments(5)).map(async (c) => ({
        author: c.authorName || "Anonymous",
        post: { href: `${await permalinkOf({ id: c.postId, type: c.postType, slug: c.postSlug, date: c.postDate, authorNicename: c.authorNicename }, opts)}#comment-${c.id}`, text: c.postTitle || "(no title)" },
      }))));
    case "archives":
      return archivesHtml(await archiveMonths());
    case "categories":
      return categoriesHtml((await categoriesWithCounts()).map((c) => ({ id: c.id, parentId: c.parentId, count: c.count, text: c.name, href: termUrl({ taxonomy: "category", slug: c.slug }, opts) })));
    case "tag-cloud":
      return tagCloudHtml((await tagCloud()).map((t) => ({ count: t.count, text: t.name, href: termUrl({ taxonomy: "post_tag", slug: t.slug }, opts) })));
  }
}

/** A widget whose whole content is one cached string (themes/shared/widgets/lists.ts). */
async function StaticWidget({ id, opts }: { id: StaticWidgetId; opts: Options }) {
  const key = `widget-html:${id}:${opts.permalink_structure}:${opts.category_base}:${opts.tag_base}:${opts.date_format}`;
  const html = await cached(key, async () => widgetSection(id, WIDGETS[id], await staticWidgetBody(id, opts)));
  return <HtmlWidget id={id} html={html} />;
}

/** WordPress's Meta widget: "Register" (when anyone can register) and "Log in", or "Site Admin". */
async function MetaLogin({ canRegister }: { canRegister: boolean }) {
  const user = await getCurrentUser();
  return user ? <SiteAdminLink /> : <LoggedOutLinks canRegister={canRegister} />;
}

function Meta({ canRegister }: { canRegister: boolean }) {
  return (
    <MetaList
      login={
        <Suspense fallback={<LoggedOutLinks canRegister={canRegister} />}>
          <MetaLogin canRegister={canRegister} />
        </Suspense>
      }
    />
  );
}

export function Sidebar({ opts }: { opts: Options }) {
  const ids = (Array.isArray(opts.sidebar_widgets) ? opts.sidebar_widgets : []).filter(isWidgetId);
  return (
    <>
      {ids.map((id) => {
        if (Object.hasOwn(MORE_WIDGETS, id)) {
          const More = MORE_WIDGETS[id as keyof typeof MORE_WIDGETS];
          return <More key={id} opts={opts} />;
        }
        if (id === "fediverse-follow") return <FediverseFollowWidget key={id} opts={opts} />;
        return id === "nav-menu" ? (
          <NavMenuWidget key={id} opts={opts} />
        ) : STATIC_WIDGETS.has(id) ? (
          <StaticWidget key={id} id={id as StaticWidgetId} opts={opts} />
        ) : (
          <Widget key={id} id={id} title={WIDGETS[id]}>
            {id === "search" ? <SearchForm id="sidebar-search" /> : null}
            {id === "meta" ? <Meta canRegister={!!opts.users_can_register} /> : null}
          </Widget>
        );
      })}
    </>
  );
}
