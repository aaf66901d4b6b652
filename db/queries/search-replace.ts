// `inkwell search-replace OLD NEW`: every column where a site's own addresses are stored, read
// row by row; a dry run only counts, --apply writes every change in one transaction.
import { getDb } from "../client";
import { replaceInValue } from "@/lib/content/search-replace";

/** Where URLs live: content and excerpts (and their revisions), guids, ping lists, comments and
 * their author URLs, meta imported from WordPress, options (the site URL), media paths. */
export const SEARCH_REPLACE_COLUMNS: { table: string; key: string; columns: string[] }[] = [
  { table: "posts", key: "id", columns: ["content", "excerpt", "guid", "to_ping", "pinged"] },
  { table: "revisions", key: "id", columns: ["content", "excerpt"] },
  { table: "post_meta", key: "id", columns: ["value"] },
  { table: "comments", key: "id", columns: ["content", "author_url"] },
  { table: "comment_meta", key: "id", columns: ["value"] },
  { table: "options", key: "name", columns: ["value"] },
  { table: "media", key: "id", columns: ["path", "original_url", "sizes"] },
  { table: "terms", key: "id", columns: ["description"] },
  { table: "users", key: "id", columns: ["url", "bio"] },
];

export interface ColumnChange {
  table: string;
  column: string;
  rows: number;
  replacements: number;
}

export async function searchReplace(from: string, to: string, opts: { apply: boolean; onProgress?: (done: number, total: number) => void }): Promise<ColumnChange[]> {
  const sqlite = getDb().$client;
  const report: ColumnChange[] = [];
  const total = SEARCH_REPLACE_COLUMNS.reduce((n, t) => n + t.columns.length, 0);
  let done = 0;
  const run = () => {
    for (const { table, key, columns } of SEARCH_REPLACE_COLUMNS) {
      for (const column of columns) {
        const change: ColumnChange = { table, column, rows: 0, replacements: 0 };
        const update = sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
        // instr() narrows the scan to rows that hold the text; the rows are read before any write.
        const rows = sqlite.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE instr(${column}, ?) > 0`).all(from) as { k: string | number; v: string }[];
        for (const row of rows) {
          const r = replaceInValue(row.v, from, to);
          if (!r.count || r.value === row.v) continue;
          change.rows++;
          change.replacements += r.count;
          if (opts.apply) update.run(r.value, row.k);
        }
        report.push(change);
        opts.onProgress?.(++done, total);
      }
    }
  };
  if (opts.apply) sqlite.transaction(run).immediate();
  else run();
  return report;
}
