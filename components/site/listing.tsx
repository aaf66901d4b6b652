// Pieces every theme's listing pages share, styled only with the theme tokens
// (ink, muted, line, panel, accent), so each theme's look carries through.
import type { ReactNode } from "react";
import { pagedUrl } from "@/lib/site/urls";

export function ArchiveHeader({ heading, description, feedUrl }: { heading: string; description?: string; feedUrl?: string }) {
  return (
    <header className="mb-8 border-b border-line pb-4">
      <h1 className="font-heading text-2xl font-bold">{heading}</h1>
      {description ? <p className="mt-2 text-muted">{description}</p> : null}
      {feedUrl ? (
        <p className="mt-2 text-sm"><a className="underline" href={feedUrl}>Feed for this archive</a></p>
      ) : null}
    </header>
  );
}

export function Pagination({ baseUrl, page, totalPages }: { baseUrl: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Posts navigation" className="mt-8 flex flex-wrap justify-between gap-4 border-t border-line pt-4">
      {page < totalPages ? <a className="underline" rel="next" href={pagedUrl(baseUrl, page + 1)}>← Older posts</a> : <span />}
      <span className="text-sm text-muted">Page {page} of {totalPages}</span>
      {page > 1 ? <a className="underline" rel="prev" href={pagedUrl(baseUrl, page - 1)}>Newer posts →</a> : <span />}
    </nav>
  );
}

export function PostNavigation({ previous, next }: { previous?: { title: string; url: string }; next?: { title: string; url: string } }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Post navigation" className="mt-8 grid grid-cols-1 gap-4 border-y border-line py-4 sm:grid-cols-2">
      <div>
        {previous ? (
          <a href={previous.url} rel="prev" className="underline">
            <span className="block text-xs uppercase text-muted">Previous post</span>← {previous.title || "(no title)"}
          </a>
        ) : null}
      </div>
      <div className="sm:text-right">
        {next ? (
          <a href={next.url} rel="next" className="underline">
            <span className="block text-xs uppercase text-muted">Next post</span>{next.title || "(no title)"} →
          </a>
        ) : null}
      </div>
    </nav>
  );
}

export function SearchResult({ title, url, snippetHtml, dateText }: { title: string; url: string; snippetHtml: string; dateText: string }) {
  return (
    <article className="mb-6 border-b border-line pb-6">
      <h2 className="font-heading text-xl font-bold"><a href={url} className="text-ink hover:text-accent">{title || "(no title)"}</a></h2>
      <p className="text-sm text-muted">{dateText}</p>
      <p className="search-snippet mt-2" dangerouslySetInnerHTML={{ __html: snippetHtml }} />
    </article>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="mb-6 border border-line bg-panel p-4">{children}</div>;
}
