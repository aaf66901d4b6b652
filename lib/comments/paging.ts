// WordPress's comment pages (Settings → Discussion: page_comments, comments_per_page,
// default_comments_page): top-level threads are split into pages, replies stay with their
// thread; "newest" shows the last page first. Pages are numbered oldest first, as in WordPress.
export interface CommentPaging {
  page: number;
  pages: number;
  olderPage?: number;
  newerPage?: number;
}

export function pageThreads<T>(
  threads: T[],
  opts: { enabled: boolean; perPage: number; defaultPage: "newest" | "oldest" },
  requested?: number,
): { threads: T[]; paging: CommentPaging | null } {
  if (!opts.enabled || opts.perPage <= 0 || threads.length <= opts.perPage) return { threads, paging: null };
  const pages = Math.ceil(threads.length / opts.perPage);
  const fallback = opts.defaultPage === "newest" ? pages : 1;
  const page = requested && Number.isInteger(requested) && requested >= 1 && requested <= pages ? requested : fallback;
  return {
    threads: threads.slice((page - 1) * opts.perPage, page * opts.perPage),
    paging: { page, pages, olderPage: page > 1 ? page - 1 : undefined, newerPage: page < pages ? page + 1 : undefined },
  };
}
