// `inkwell db copy --to <url>` (`npm run db:copy -- --to <url>`): the site in DATABASE_URL into an
// empty database of either engine (db/copy.ts), with a progress bar and a check of every table.
import cliProgress from "cli-progress";
import { copyDatabase, CopyError, type CopyProgress } from "@/db/copy";
import { parseArgs } from "../args";
import { CliError, type Command } from "../command";

export const dbCopy: Command = {
  usage: "db copy --to <postgres://… | file:…>",
  summary: "copy the whole site into an empty database of either engine (SQLite ⇄ PostgreSQL), checked table by table",
  help: "  The source is DATABASE_URL. Nothing is written unless every table's row count and checksum match;\n  a target that already holds data is refused. Media files stay where they are (data/uploads).",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["to"], positionals: [0, 0] });
    const to = a.flags.to;
    if (!to) throw new CliError("Say where to copy the site: --to postgres://user:password@host/db or --to file:data/copy.db");
    const from = process.env.DATABASE_URL || "data/inkwell.db";
    const bar = new cliProgress.SingleBar(
      { format: "{bar} {value}/{total} rows  {table}", noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    const progress: CopyProgress = {
      start: (total) => bar.start(total, 0, { table: "" }),
      advance: (n, table) => bar.increment(n, { table }),
      stop: () => bar.stop(),
    };
    const started = Date.now();
    let result;
    try {
      result = await copyDatabase(from, to, progress);
    } catch (e) {
      if (e instanceof CopyError) throw new CliError(e.message);
      throw new CliError(`Nothing copied: ${(e as Error).message}`);
    }
    for (const t of result.tables.filter((t) => t.rows > 0)) console.log(`  ${t.name.padEnd(18)} ${String(t.rows).padStart(8)} rows  sha256 ${t.sha256.slice(0, 12)}… ok`);
    console.log(`Copied ${result.rows} rows in ${result.tables.length} tables (counts and checksums match) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Point DATABASE_URL at the copy and start Inkwell; media files stay in data/uploads.`);
  },
};
