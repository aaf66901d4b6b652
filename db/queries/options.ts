import { getDb } from "../client";
import { options } from "../tables";
import { OPTION_DEFAULTS, type OptionName, type Options } from "@/lib/options/defaults";
import { sql } from "drizzle-orm";
import { cache } from "react";
import type { Statement } from "better-sqlite3";
import { getDataVersion } from "./archives";
import { withTransaction } from "../transaction";
import { ENGINE } from "../engine";

// Read once per content version (db/queries/archives.ts): every write to options moves it (a
// trigger, in the writing transaction, whichever process wrote), so the copy is never stale. A
// page asks for the settings about a dozen times.
const memo = new WeakMap<object, { version: string; value: Options }>();

/** Every setting: stored values over WordPress's defaults. */
export async function getOptions(): Promise<Options> {
  return { ...await currentInRender() };
}

// Within one React render (a page no cache holds) the settings are asked for about eighteen times,
// and each ask read the content version again: nothing on SQLite, a round trip each on PostgreSQL.
// React's cache() keeps the first answer for the rest of that render only (a render writes no
// settings); outside a render (actions, route handlers, scripts) every call still reads afresh.
const currentInRender = cache(current);

async function current(): Promise<Options> {
  const db = getDb();
  const version = await getDataVersion();
  const hit = memo.get(db);
  if (hit?.version === version) return hit.value;
  const value = readOptions(await allOptionRows());
  memo.set(db, { version, value });
  globalForOptions.__inkwellLastOptions = value;
  return value;
}

/**
 * The settings as this process last read them, without asking the database (undefined before the
 * first read). Only for code that must answer synchronously before any query can run: the
 * server's body-size cap on uploads (server/body-limit.ts), where a setting saved a moment
 * ago is seen once any page has read the settings again.
 */
export function peekOptions(): Options | undefined {
  return globalForOptions.__inkwellLastOptions;
}

// The statement is prepared once per connection: building and preparing it through the query
// builder each time cost more than reading the rows.
const globalForOptions = globalThis as unknown as { __inkwellOptionsStmt?: WeakMap<object, Statement>; __inkwellLastOptions?: Options };

async function allOptionRows(): Promise<{ name: string; value: string }[]> {
  if (ENGINE === "postgres") return getDb().select({ name: options.name, value: options.value }).from(options);
  const client = getDb().$client;
  const stmts = (globalForOptions.__inkwellOptionsStmt ??= new WeakMap());
  let stmt = stmts.get(client);
  if (!stmt) stmts.set(client, (stmt = client.prepare("SELECT name, value FROM options")));
  return stmt.all() as { name: string; value: string }[];
}

function readOptions(rows: { name: string; value: string }[]): Options {
  const out: Record<string, unknown> = { ...OPTION_DEFAULTS };
  for (const row of rows) {
    if (!(row.name in OPTION_DEFAULTS)) continue;
    try {
      out[row.name] = JSON.parse(row.value);
    } catch {
      // A hand-edited row that is not JSON keeps the default rather than breaking every page.
    }
  }
  return out as Options;
}

export async function getOption<K extends OptionName>(name: K): Promise<Options[K]> {
  return (await currentInRender())[name];
}

/** Writes several settings in one transaction. */
export async function updateOptions(values: Partial<Options>) {
  await withTransaction(async (tx) => {
    for (const [name, value] of Object.entries(values)) {
      if (!(name in OPTION_DEFAULTS) || value === undefined) continue;
      await tx.insert(options)
        .values({ name, value: JSON.stringify(value) })
        .onConflictDoUpdate({ target: options.name, set: { value: sql`excluded.value` } });
    }
  });
}
