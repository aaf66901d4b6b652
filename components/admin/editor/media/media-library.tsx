"use client";

// The dialog's library: newest first, searched on the server by title, file name or alt text,
// 40 at a time with "Load more". Items are toggle buttons, so several can be chosen for a gallery.
import { useEffect, useState } from "react";
import type { MediaView } from "@/lib/media/view";

export type LibraryType = "all" | "image" | "audio" | "video" | "file";

interface Page {
  items: MediaView[];
  page: number;
  pages: number;
  total: number;
}

function Thumb({ item }: { item: MediaView }) {
  if (item.mimeType.startsWith("image/")) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={item.sizes.thumbnail?.url ?? item.url} alt="" className="h-full w-full object-cover" loading="lazy" />;
  }
  const kind = item.mimeType.split("/")[0] === "application" ? item.mimeType.split("/")[1]?.toUpperCase() : item.mimeType.split("/")[0];
  return <span className="flex h-full w-full items-center justify-center bg-gray-100 p-1 text-center text-xs uppercase">{kind}</span>;
}

async function fetchPage(type: LibraryType, query: string, page: number): Promise<Page> {
  const res = await fetch(`/admin/media/library/?${new URLSearchParams({ s: query, page: String(page), type })}`, { headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as Page & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

export function MediaLibrary({ type, selected, onToggle, added }: { type: LibraryType; selected: MediaView[]; onToggle: (item: MediaView) => void; added: MediaView[] }) {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [data, setData] = useState<(Page & { key: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const key = `${type}|${query}`;
  const loading = more || (!error && data?.key !== key);

  // A short pause after typing, so that a word is one request, not one per letter.
  useEffect(() => {
    const t = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(t);
  }, [search]);

  // Fetched again when an upload lands, so that a search typed while a file was still uploading
  // finds it once it is in the library.
  const landed = added.length;
  useEffect(() => {
    let current = true;
    fetchPage(type, query, 1).then(
      (p) => {
        if (!current) return;
        setError(null);
        setData({ ...p, key: `${type}|${query}` });
      },
      (e: Error) => current && setError(`The library could not be loaded: ${e.message}`),
    );
    return () => {
      current = false;
    };
  }, [type, query, landed]);

  async function loadMore() {
    if (!data) return;
    setMore(true);
    try {
      const p = await fetchPage(type, query, data.page + 1);
      setData({ ...p, items: [...data.items, ...p.items], key });
    } catch (e) {
      setError(`The library could not be loaded: ${(e as Error).message}`);
    } finally {
      setMore(false);
    }
  }

  // Just-uploaded items lead the grid even before the library is fetched again.
  const items = [...(query ? [] : added.filter((a) => !data?.items.some((i) => i.id === a.id))), ...(data?.items ?? [])];
  const chosen = new Set(selected.map((s) => s.id));

  return (
    <div className="flex min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="ink-media-search" className="text-sm">Search media</label>
        <input id="ink-media-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} className="min-w-0 flex-1 rounded border border-gray-400 px-2 py-1" />
      </div>
      <p role="status" className="text-xs text-gray-700">
        {loading ? "Loading…" : data ? `${data.total} ${data.total === 1 ? "item" : "items"}${query ? ` found for “${query}”` : ""}${selected.length ? `, ${selected.length} selected` : ""}` : ""}
      </p>
      {error ? <p role="alert" className="border-l-4 border-red-700 bg-red-50 p-2 text-sm">{error}</p> : null}
      <ul aria-label="Media items" className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" aria-pressed={chosen.has(item.id)} aria-label={item.title || `Item ${item.id}`} title={item.title} onClick={() => onToggle(item)}
              className={`block aspect-square w-full overflow-hidden rounded border-4 ${chosen.has(item.id) ? "border-[#2271b1]" : "border-transparent hover:border-gray-300"}`}>
              <Thumb item={item} />
            </button>
          </li>
        ))}
      </ul>
      {data && !items.length && !loading ? <p className="text-sm">{query ? "No media items found." : "The media library is empty: upload a file first."}</p> : null}
      {data && data.page < data.pages ? (
        <button type="button" onClick={() => void loadMore()} disabled={loading} className="self-center rounded border border-gray-400 px-3 py-1">Load more</button>
      ) : null}
    </div>
  );
}
