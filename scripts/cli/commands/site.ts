// inkwell db migrate | backup | restore | cache clear | option get|set | search-replace.
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { closeDatabase, databaseEngine, describeDatabase, getMigrationStatus, openDatabase, resolveDatabasePath } from "@/db";
import { backupSite, inkwellDatabaseProblem, isLiveDatabase, restoreDatabase } from "@/db/backup";
import { bumpContentVersion } from "@/db/queries/archives";
import { getOptions, updateOptions } from "@/db/queries/options";
import { searchReplace } from "@/db/queries/search-replace";
import { OptionError, validateOption } from "@/lib/options/set-option";
import { uploadsDir } from "@/lib/media/paths";
import { parseArgs, userPath } from "../args";
import { CliError, type Command } from "../command";

const dataDir = () => path.resolve(process.env.INKWELL_DATA_DIR || "data");
const shown = (file: string) => {
  const rel = path.relative(process.env.INKWELL_CALLER_CWD || process.cwd(), file);
  return !rel ? file : rel.startsWith("..") ? file : rel;
};

export const dbMigrate: Command = {
  usage: "db migrate",
  summary: "bring the database up to this version's migrations (creating it if needed), without seeding",
  async run(argv) {
    parseArgs(argv, { positionals: [0, 0] });
    try {
      const url = process.env.DATABASE_URL || "data/inkwell.db";
      const file = databaseEngine() === "postgres" ? url : resolveDatabasePath(url);
      const where = databaseEngine() === "postgres" ? describeDatabase(url) : shown(file);
      const peek = await openDatabase(file, { migrate: false });
      const before = (await getMigrationStatus(peek)).applied;
      await closeDatabase(peek);
      const db = await openDatabase(file);
      const { applied, known } = await getMigrationStatus(db);
      await closeDatabase(db);
      console.log(applied === before
        ? `Inkwell: ${where} is up to date (migration ${applied} of ${known}).`
        : `Inkwell: ${where} migrated from ${before} to ${applied} of ${known} migrations.`);
    } catch (e) {
      throw new CliError(`Inkwell cannot migrate: ${(e as Error).message}`);
    }
  },
};

export const backup: Command = {
  usage: "backup [--to <folder>]",
  summary: "copy the database and uploads into data/backups/<time>/ (safe while the site runs)",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["to"], positionals: [0, 0] });
    const backupsDir = a.flags.to ? userPath(a.flags.to) : path.join(dataDir(), "backups");
    const postgres = databaseEngine() === "postgres";
    // PostgreSQL: the server's pg_dump (custom format); SQLite: its online backup API.
    const databaseFile = postgres ? "" : resolveDatabasePath();
    if (databaseFile === ":memory:") throw new CliError("DATABASE_URL is :memory:; there is nothing on disk to back up.");
    if (!postgres && !fs.existsSync(databaseFile)) throw new CliError(`No database at ${shown(databaseFile)}: nothing to back up.`);
    const started = Date.now();
    let r;
    try {
      r = await backupSite({ databaseFile, databaseUrl: process.env.DATABASE_URL, uploadsDir: uploadsDir(), backupsDir });
    } catch (e) {
      throw new CliError(`Backup failed: ${(e as Error).message}`);
    }
    console.log(`Backup written to ${shown(r.dir)}`);
    console.log(`  database: ${path.basename(r.databaseFile)} (${(r.databaseBytes / 1024 / 1024).toFixed(1)} MB, ${postgres ? "pg_dump custom format, readable by pg_restore" : "integrity ok"})`);
    console.log(`  uploads: ${r.uploadsCopied ? `${r.uploadFiles} files` : "none (no uploads folder)"}`);
    console.log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
};

/** A backup folder (as `backup` writes it) or a database file (.db, or .dump on PostgreSQL): the database in it, and its uploads. */
function backupParts(given: string): { database: string; uploads: string | null } {
  const p = userPath(given);
  if (!fs.existsSync(p)) throw new CliError(`No such backup: ${given}`);
  if (fs.statSync(p).isFile()) return { database: p, uploads: null };
  const ext = databaseEngine() === "postgres" ? ".dump" : ".db";
  const dbs = fs.readdirSync(p).filter((f) => f.endsWith(ext));
  if (dbs.length !== 1) throw new CliError(`${given} holds ${dbs.length ? "several" : "no"} ${ext} files: name the database file itself.`);
  const uploads = path.join(p, "uploads");
  return { database: path.join(p, dbs[0]!), uploads: fs.existsSync(uploads) ? uploads : null };
}

export const restore: Command = {
  usage: "restore <backup folder or .db file> [--force]",
  summary: "put a backup back (refuses to replace an existing database without --force)",
  help:
    "  Stop Inkwell first: a running server keeps its open files. Uploads in the backup replace data/uploads.\n" +
    "  On PostgreSQL: give the folder or its .dump file; pg_restore puts it into the empty database DATABASE_URL names.",
  async run(argv) {
    const a = parseArgs(argv, { switches: ["force"], positionals: [1, 1] });
    const parts = backupParts(a.positionals[0]!);
    const problem = await inkwellDatabaseProblem(parts.database);
    if (problem) throw new CliError(`Nothing restored: ${problem}.`);
    const postgres = databaseEngine() === "postgres";
    // PostgreSQL: the target is the database DATABASE_URL names, and it must be empty.
    const databaseFile = postgres ? (process.env.DATABASE_URL ?? "") : resolveDatabasePath();
    if (databaseFile === ":memory:") throw new CliError("DATABASE_URL is :memory:; there is nothing on disk to restore into.");
    if (postgres && (await isLiveDatabase(databaseFile))) {
      throw new CliError(`Nothing restored: ${describeDatabase(databaseFile)} already holds tables; pg_restore restores into an empty database only (createdb a new one and point DATABASE_URL at it).`);
    }
    if (!postgres && (await isLiveDatabase(databaseFile)) && !a.switches.has("force")) {
      throw new CliError(`Nothing restored: ${shown(databaseFile)} already holds a site; add --force to replace it (make a backup of it first).`);
    }
    if (postgres) {
      try {
        await restoreDatabase({ from: parts.database, databaseFile });
      } catch (e) {
        throw new CliError(`Nothing restored: ${(e as Error).message}`);
      }
    } else {
      await restoreDatabase({ from: parts.database, databaseFile });
    }
    const db = await openDatabase(databaseFile);
    const { applied, known } = await getMigrationStatus(db);
    await closeDatabase(db);
    if (parts.uploads) {
      const uploads = uploadsDir();
      fs.rmSync(uploads, { recursive: true, force: true });
      fs.cpSync(parts.uploads, uploads, { recursive: true, preserveTimestamps: true });
    }
    console.log(`Restored ${postgres ? describeDatabase(databaseFile) : shown(databaseFile)} from ${a.positionals[0]} (migration ${applied} of ${known})${parts.uploads ? ", with its uploads" : ""}.`);
  },
};

export const cacheClear: Command = {
  usage: "cache clear",
  summary: "make every page cache (in every server process) forget what it holds",
  async run(argv) {
    parseArgs(argv, { positionals: [0, 0] });
    console.log(`Page caches cleared (content version ${await bumpContentVersion()}).`);
  },
};

export const optionGet: Command = {
  usage: "option get <name>",
  summary: "print a setting's value",
  async run(argv) {
    const a = parseArgs(argv, { positionals: [1, 1] });
    const name = a.positionals[0]!;
    const o = await getOptions() as Record<string, unknown>;
    if (!(name in o)) throw new CliError(`There is no option "${name}".`);
    const v = o[name];
    console.log(typeof v === "string" ? v : JSON.stringify(v));
  },
};

export const optionSet: Command = {
  usage: "option set <name> <value>",
  summary: "change a setting, checked as its Settings screen checks it",
  async run(argv) {
    const a = parseArgs(argv, { positionals: [2, 2] });
    const [name, value] = a.positionals as [string, string];
    try {
      await updateOptions(await validateOption(name, value));
    } catch (e) {
      if (e instanceof OptionError) throw new CliError(`Option not saved: ${e.message}`);
      throw e;
    }
    const v = (await getOptions() as Record<string, unknown>)[name];
    console.log(`${name} = ${typeof v === "string" ? v : JSON.stringify(v)}`);
  },
};

export const searchReplaceCommand: Command = {
  usage: "search-replace <old> <new> [--apply]",
  summary: "replace text (a site's old address) everywhere it is stored; a dry run unless --apply",
  help: "  Looks in post content, excerpts, guids and revisions, comments and their author URLs, meta,\n  options (the site URL), media paths, term descriptions and user URLs. JSON and PHP-serialized\n  values are rewritten whole, never broken. --apply writes every change in one transaction.",
  async run(argv) {
    const a = parseArgs(argv, { switches: ["apply"], positionals: [2, 2] });
    const [from, to] = a.positionals as [string, string];
    if (from === to) throw new CliError("The old and new text are the same: nothing to do.");
    const apply = a.switches.has("apply");
    const bar = new cliProgress.SingleBar({ format: "{bar} {value}/{total} columns", noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000, stream: process.stderr }, cliProgress.Presets.shades_classic);
    let started = false;
    const report = await searchReplace(from, to, {
      apply,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
    bar.stop();
    const changed = report.filter((c) => c.rows);
    const w = Math.max(12, ...changed.map((c) => `${c.table}.${c.column}`.length));
    for (const c of changed) console.log(`${`${c.table}.${c.column}`.padEnd(w)} ${String(c.rows).padStart(6)} rows ${String(c.replacements).padStart(7)} replacements`);
    const rows = changed.reduce((n, c) => n + c.rows, 0);
    const n = changed.reduce((k, c) => k + c.replacements, 0);
    if (!rows) console.log(`"${from}" was not found: nothing ${apply ? "changed" : "would change"}.`);
    else if (apply) console.log(`Replaced ${n} occurrences in ${rows} rows.`);
    else console.log(`Dry run: ${n} occurrences in ${rows} rows would change. Run again with --apply to write them.`);
  },
};
