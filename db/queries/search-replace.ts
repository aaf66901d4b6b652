// `inkwell search-replace OLD NEW`: every column where a site's own addresses are stored, read
// row by row; a dry run only counts, --apply writes every change in one transaction.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { ENGINE } from "../engine";
import { execute, queryRows } from "../index";
import { withTransaction } from "../transaction";
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
  const report: ColumnChange[] = [];
  const total = SEARCH_REPLACE_COLUMNS.reduce((n, t) => n + t.columns.length, 0);
  let done = 0;
  // instr() on SQLite, strpos() on PostgreSQL: both narrow the scan to rows that hold the text.
  const holds = ENGINE === "postgres" ? "strpos" : "instr";
  const run = async (db?: Db) => {
    for (const { table, key, columns } of SEARCH_REPLACE_COLUMNS) {
      for (const column of columns) {
        const change: ColumnChange = { table, column, rows: 0, replacements: 0 };
        const t = sql.identifier(table);
        const k = sql.identifier(key);
        const c = sql.identifier(column);
        // The rows are read before any write.
        const rows = await queryRows<{ k: string | number; v: string }>(sql`SELECT ${k} AS k, ${c} AS v FROM ${t} WHERE ${sql.raw(holds)}(${c}, ${from}) > 0`, db);
        for (const row of rows) {
          const r = replaceInValue(row.v, from, to);
          if (!r.count || r.value === row.v) continue;
          change.rows++;
          change.replacements += r.count;
          if (opts.apply) await execute(sql`UPDATE ${t} SET ${c} = ${r.value} WHERE ${k} = ${row.k}`, db);
        }
        report.push(change);
        opts.onProgress?.(++done, total);
      }
    }
  };
  if (opts.apply) await withTransaction((tx) => run(tx));
  else await run();
  return report;
}
