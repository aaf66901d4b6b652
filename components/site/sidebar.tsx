import Link from "next/link";
import type { ReactNode } from "react";

function Widget({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-8" aria-label={title}>
      <h2 className="mb-2 font-heading text-base font-bold uppercase tracking-wide">{title}</h2>
      {children}
    </section>
  );
}

export function SearchWidget() {
  return (
    <Widget title="Search">
      <form role="search" action="/" method="get" className="flex gap-2">
        <label htmlFor="sidebar-search" className="sr-only">Search for:</label>
        <input id="sidebar-search" name="s" type="search" className="min-w-0 flex-1 border border-line px-2 py-1" />
        <button type="submit" className="border border-line bg-panel px-2 py-1">Search</button>
      </form>
    </Widget>
  );
}

export function RecentPostsWidget({ posts }: { posts: { title: string; url: string }[] }) {
  return (
    <Widget title="Recent Posts">
      <ul className="space-y-1">
        {posts.map((p) => (
          <li key={p.url}><Link href={p.url} className="underline">{p.title || "(no title)"}</Link></li>
        ))}
      </ul>
    </Widget>
  );
}

export function MetaWidget({ signedIn }: { signedIn: boolean }) {
  return (
    <Widget title="Meta">
      <ul className="space-y-1">
        <li>{signedIn ? <Link href="/admin/" className="underline">Site Admin</Link> : <Link href="/login/" className="underline">Log in</Link>}</li>
        <li><a href="/feed/" className="underline">Entries feed</a></li>
        <li><a href="/comments/feed/" className="underline">Comments feed</a></li>
      </ul>
    </Widget>
  );
}
