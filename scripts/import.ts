// `npm run import -- export.xml [--author-map old=new,old2=new2] [--as login]`: imports a
// WordPress export (WXR) from the command line, with a progress bar. The whole file goes in one
// transaction: if it breaks anywhere, nothing is imported and the line and column are printed.
import fs from "node:fs";
import cliProgress from "cli-progress";
import { getDb, closeDb } from "@/db/client";
import { importWxr, WxrImportError, type ImportReport } from "@/db/queries/wxr-import";
import { WxrError } from "@/lib/wxr/types";

const USAGE = "usage: npm run import -- <file.xml> [--author-map old=new,...] [--as <login of the importing user>]";

function parseArgs(argv: string[]) {
  let file = "";
  const authorMap: Record<string, string> = {};
  let as = "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string) => (a.includes("=") && a.startsWith(flag + "=") ? a.slice(flag.length + 1) : argv[++i] ?? "");
    if (a === "--author-map" || a.startsWith("--author-map=")) {
      for (const pair of value("--author-map").split(",").filter(Boolean)) {
        const [from, to] = pair.split("=");
        if (!from || !to) throw new Error(`--author-map expects old=new pairs, got "${pair}"`);
        authorMap[from.trim()] = to.trim();
      }
    } else if (a === "--as" || a.startsWith("--as=")) as = value("--as");
    else if (a === "-h" || a === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (!file) file = a;
    else throw new Error(`unexpected argument "${a}"`);
  }
  if (!file) throw new Error("no file given");
  return { file, authorMap, as };
}

export function printReport(r: ImportReport, log = console.log) {
  const line = (label: string, rec: Record<string, number>) => {
    const parts = Object.entries(rec).map(([k, v]) => `${v} ${k}`);
    log(`${label}: ${parts.length ? parts.join(", ") : "nothing"}`);
  };
  line("Imported", r.created);
  if (Object.keys(r.unchanged).length) line("Already there (unchanged)", r.unchanged);
  if (r.mappedUsers) log(`Authors matched to existing users: ${r.mappedUsers}`);
  for (const s of r.skipped) log(`Skipped ${s.count} ${s.reason}`);
}

async function main() {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (!fs.existsSync(args.file)) {
    console.error(`No such file: ${args.file}`);
    process.exit(2);
  }
  const sqlite = getDb().$client;
  const importer = (args.as
    ? sqlite.prepare("SELECT id FROM users WHERE lower(login) = lower(?)").get(args.as)
    : sqlite.prepare("SELECT id FROM users WHERE role = 'administrator' ORDER BY id LIMIT 1").get()) as { id: number } | undefined;
  if (!importer) {
    console.error(args.as ? `No user "${args.as}".` : "No administrator in the database: run `npm start` first (it creates the database and its administrator).");
    process.exit(2);
  }
  const size = fs.statSync(args.file).size;
  const bar = new cliProgress.SingleBar(
    { format: "{phase} [{bar}] {percentage}% | {value}/{total}", noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { phase: "reading" });
  let phase = "reading";
  const started = Date.now();
  try {
    const report = await importWxr(fs.createReadStream(args.file), {
      fallbackAuthorId: importer.id,
      authorMap: args.authorMap,
      totalBytes: size,
      onProgress: (p) => {
        if (p.phase !== phase) {
          phase = p.phase;
          bar.setTotal(Math.max(p.total, 1));
        }
        bar.update(p.done, { phase: p.phase });
      },
    });
    bar.stop();
    printReport(report);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    bar.stop();
    if (e instanceof WxrError || e instanceof WxrImportError) {
      console.error(`Import failed, nothing was imported: ${e.message}`);
      process.exitCode = 1;
    } else throw e;
  } finally {
    closeDb();
  }
}

main();
