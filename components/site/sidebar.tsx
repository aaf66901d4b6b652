// The sidebar widgets of WordPress, in the order Appearance → Widgets stores (option
// `sidebar_widgets`). Data comes from the read cache; only the Meta widget's "Log in" /
// "Site Admin" depends on the visitor, so it streams in its own Suspense boundary.
import { Suspense, type ReactNode } from "react";
import type { Options } from "@/lib/options/defaults";
import { monthName } from "@/lib/dates";
import { termUrl } from "@/lib/content/post-view";
import { getCurrentUser } from "@/lib/session";
import { archiveMonths, archivePage, categoriesWithCounts, recentComments, tagCloud, type PostCard } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";

export const WIDGETS = {
  search: "Search",
  "recent-posts": "Recent Posts",
  "recent-comments": "Recent Comments",
  archives: "Archives",
  categories: "Categories",
  "tag-cloud": "Tag Cloud",
  meta: "Meta",
} as const;
export type WidgetId = keyof typeof WIDGETS;

export function isWidgetId(id: string): id is WidgetId {
  return Object.hasOwn(WIDGETS, id);
}

function Widget({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="widget mb-8" aria-labelledby={`widget-${id}`}>
      <h2 id={`widget-${id}`} className="mb-2 font-heading text-base font-bold uppercase tracking-wide">{title}</h2>
      {children}
    </section>
  );
}

export function SearchForm({ id, defaultValue }: { id: string; defaultValue?: string }) {
  return (
    <form role="search" action="/" method="get" className="flex gap-2">
      <label htmlFor={id} className="sr-only">Search for:</label>
      <input id={id} name="s" type="search" defaultValue={defaultValue} className="min-w-0 flex-1 border border-line bg-paper px-2 py-1 text-ink" />
      <button type="submit" className="border border-line bg-panel px-2 py-1 text-ink">Search</button>
    </form>
  );
}

function RecentPosts({ opts }: { opts: Options }) {
  const posts = archivePage({ kind: "home" }, 1, 5).items;
  return (
    <ul className="space-y-1">
      {posts.map((p: PostCard) => (
        <li key={p.id}><a href={permalinkOf(p, opts)} className="underline">{p.title || "(no title)"}</a></li>
      ))}
    </ul>
  );
}

function RecentComments({ opts }: { opts: Options }) {
  const list = recentComments(5);
  if (!list.length) return <p className="text-muted">No comments yet.</p>;
  return (
    <ul className="space-y-1">
      {list.map((c) => (
        <li key={c.id}>
          {c.authorName || "Anonymous"} on{" "}
          <a className="underline" href={`${permalinkOf({ id: c.postId, type: c.postType, slug: c.postSlug, date: c.postDate, authorNicename: c.authorNicename }, opts)}#comment-${c.id}`}>
            {c.postTitle || "(no title)"}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Archives() {
  const months = archiveMonths();
  return (
    <ul className="space-y-1">
      {months.map((m) => (
        <li key={`${m.year}-${m.month}`}>
          <a className="underline" href={`/${m.year}/${String(m.month).padStart(2, "0")}/`}>{monthName(m.month)} {m.year}</a>{" "}
          <span className="text-muted">({m.count})</span>
        </li>
      ))}
    </ul>
  );
}

function Categories({ opts }: { opts: Options }) {
  const all = categoriesWithCounts();
  const children = new Map<number | null, typeof all>();
  for (const c of all) {
    const parent = c.parentId && all.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const render = (parent: number | null, depth: number): ReactNode => {
    const list = (children.get(parent) ?? []).filter((c) => c.count > 0 || children.has(c.id));
    if (!list.length || depth > 10) return null;
    return (
      <ul className={depth ? "ml-4 mt-1 space-y-1" : "space-y-1"}>
        {list.map((c) => (
          <li key={c.id}>
            <a className="underline" href={termUrl({ taxonomy: "category", slug: c.slug }, opts)}>{c.name}</a>{" "}
            <span className="text-muted">({c.count})</span>
            {render(c.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return render(null, 0) ?? <p className="text-muted">No categories.</p>;
}

function TagCloud({ opts }: { opts: Options }) {
  const tags = tagCloud();
  if (!tags.length) return <p className="text-muted">No tags.</p>;
  const max = Math.max(...tags.map((t) => t.count));
  const min = Math.min(...tags.map((t) => t.count));
  const size = (n: number) => (max === min ? 1 : 0.8 + ((n - min) / (max - min)) * 0.9);
  return (
    <p className="leading-relaxed">
      {[...tags].sort((a, b) => a.name.localeCompare(b.name)).map((t) => (
        <span key={t.id}>
          <a className="underline" style={{ fontSize: `${size(t.count).toFixed(2)}em` }} href={termUrl({ taxonomy: "post_tag", slug: t.slug }, opts)}
            aria-label={`${t.name} (${t.count} ${t.count === 1 ? "item" : "items"})`}>{t.name}</a>{" "}
        </span>
      ))}
    </p>
  );
}

/** WordPress's Meta widget: "Register" (when anyone can register) and "Log in", or "Site Admin". */
function LoggedOutLinks({ canRegister }: { canRegister: boolean }) {
  return (
    <>
      {canRegister ? <li><a href="/register/" className="underline">Register</a></li> : null}
      <li><a href="/login/" className="underline">Log in</a></li>
    </>
  );
}

async function MetaLogin({ canRegister }: { canRegister: boolean }) {
  const user = await getCurrentUser();
  return user ? <li><a href="/admin/" className="underline">Site Admin</a></li> : <LoggedOutLinks canRegister={canRegister} />;
}

function Meta({ canRegister }: { canRegister: boolean }) {
  return (
    <ul className="space-y-1">
      <Suspense fallback={<LoggedOutLinks canRegister={canRegister} />}>
        <MetaLogin canRegister={canRegister} />
      </Suspense>
      <li><a href="/feed/" className="underline">Entries feed</a></li>
      <li><a href="/comments/feed/" className="underline">Comments feed</a></li>
    </ul>
  );
}

export function Sidebar({ opts }: { opts: Options }) {
  const ids = (Array.isArray(opts.sidebar_widgets) ? opts.sidebar_widgets : []).filter(isWidgetId);
  return (
    <>
      {ids.map((id) => (
        <Widget key={id} id={id} title={WIDGETS[id]}>
          {id === "search" ? <SearchForm id="sidebar-search" /> : null}
          {id === "recent-posts" ? <RecentPosts opts={opts} /> : null}
          {id === "recent-comments" ? <RecentComments opts={opts} /> : null}
          {id === "archives" ? <Archives /> : null}
          {id === "categories" ? <Categories opts={opts} /> : null}
          {id === "tag-cloud" ? <TagCloud opts={opts} /> : null}
          {id === "meta" ? <Meta canRegister={!!opts.users_can_register} /> : null}
        </Widget>
      ))}
    </>
  );
}
