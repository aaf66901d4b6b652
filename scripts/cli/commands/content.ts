// inkwell import|export: WXR in (one transaction, with a progress bar) and out (streamed).
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { importWxr, WxrImportError, type ImportReport } from "@/db/queries/wxr-import";
import { exportWxr, type ExportFilter } from "@/db/queries/wxr-export";
import { getFirstAdministratorId, getUserByLoginOrEmail } from "@/db/queries/users";
import { WxrError } from "@/lib/wxr/types";
import { downloadImportedMedia, type MediaDownloadReport } from "@/lib/wxr/media-download";
import { parseArgs, UsageError, userPath } from "../args";
import { CliError, type Command } from "../command";
import { importFromSite } from "./import-site";

export function printReport(r: ImportReport, log = console.log) {
  const line = (label: string, rec: Record<string, number>) => {
    const parts = Object.entries(rec).map(([k, v]) => `${v} ${k}`);
    log(`${label}: ${parts.length ? parts.join(", ") : "nothing"}`);
  };
  line("Imported", r.created);
  if (Object.keys(r.unchanged).length) line("Already there (unchanged)", r.unchanged);
  if (r.mappedUsers) log(`Authors matched to existing users: ${r.mappedUsers}`);
  for (const s of r.skipped) log(`Skipped ${s.count} ${s.reason}`);
  for (const n of r.notes) log(n);
}

export function printMediaReport(r: MediaDownloadReport, log = console.log) {
  log(`Attachments downloaded: ${r.downloaded}${r.failed.length ? `, failed: ${r.failed.length}` : ""}; posts pointed at the local copies: ${r.rewritten}`);
  for (const f of r.failed) log(`  failed ${f.url}: ${f.reason}`);
  if (r.failed.length) log("Run `inkwell import --download-media` again to retry the failed ones.");
}

async function downloadMedia(): Promise<MediaDownloadReport> {
  const bar = new cliProgress.SingleBar(
    { format: "attachments [{bar}] {percentage}% | {value}/{total}", noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  try {
    return await downloadImportedMedia({
      onProgress: (done, total) => {
        bar.setTotal(Math.max(total, 1));
        bar.update(done);
      },
    });
  } finally {
    bar.stop();
  }
}

function authorMap(value: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (value ?? "").split(",").filter(Boolean)) {
    const [from, to] = pair.split("=");
    if (!from || !to) throw new UsageError(`--author-map expects old=new pairs, got "${pair}"`);
    map[from.trim()] = to.trim();
  }
  return map;
}

export const importCommand: Command = {
  usage: "import <file.xml> | --from <address> [--user <login> --app-password <password>] [--download-media] [--author-map old=new,...] [--as <login>]",
  summary: "import a WordPress export (WXR), or a live WordPress site, in one transaction",
  help:
    "  --download-media downloads the attachments from the old site into the media library and points\n  posts at the copies; without a file, it retries the downloads that failed before.\n" +
    "  --from <address> reads a live WordPress site through its REST API instead of a file; with --user\n" +
    "  and --app-password (an application password; or WP_APP_PASSWORD in the environment) drafts,\n" +
    "  private and scheduled posts, held comments and raw content come too. --skip-settings leaves this\n" +
    "  site's title, tagline, permalinks, posts per page and comment defaults as they are.",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["author-map", "as", "from", "user", "app-password"], switches: ["download-media", "skip-settings"], positionals: [0, 1] });
    if (a.flags.from) {
      if (a.positionals[0]) throw new UsageError("give either a file or --from <address>, not both");
      const importerId = a.flags.as ? (await getUserByLoginOrEmail(a.flags.as))?.id : await getFirstAdministratorId();
      if (!importerId) throw new CliError(a.flags.as ? `No user "${a.flags.as}".` : "No administrator in the database: run `npm start` first (it creates the database and its administrator).");
      const started = Date.now();
      await importFromSite({
        address: a.flags.from,
        user: a.flags.user,
        appPassword: a.flags["app-password"] ?? process.env.WP_APP_PASSWORD,
        settings: !a.switches.has("skip-settings"),
        importerId,
        authorMap: authorMap(a.flags["author-map"]),
      });
      if (a.switches.has("download-media")) printMediaReport(await downloadMedia());
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return;
    }
    const withMedia = a.switches.has("download-media");
    if (!a.positionals[0] && withMedia) {
      printMediaReport(await downloadMedia());
      return;
    }
    if (!a.positionals[0]) throw new UsageError("no file given");
    const map = authorMap(a.flags["author-map"]);
    const file = userPath(a.positionals[0]);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${a.positionals[0]}`);
    const importerId = a.flags.as ? (await getUserByLoginOrEmail(a.flags.as))?.id : await getFirstAdministratorId();
    if (!importerId) throw new CliError(a.flags.as ? `No user "${a.flags.as}".` : "No administrator in the database: run `npm start` first (it creates the database and its administrator).");
    const size = fs.statSync(file).size;
    const bar = new cliProgress.SingleBar(
      { format: "{phase} [{bar}] {percentage}% | {value}/{total}", noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(size, 0, { phase: "reading" });
    let phase = "reading";
    const started = Date.now();
    try {
      const report = await importWxr(fs.createReadStream(file), {
        fallbackAuthorId: importerId,
        authorMap: map,
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
      if (withMedia) printMediaReport(await downloadMedia());
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } catch (e) {
      bar.stop();
      if (e instanceof WxrError || e instanceof WxrImportError) throw new CliError(`Import failed, nothing was imported: ${e.message}`);
      throw e;
    }
  },
};

export const exportCommand: Command = {
  usage: "export [--to <file.xml>] [--content all|post|page] [--author <login>] [--start YYYY-MM] [--end YYYY-MM]",
  summary: "write a WXR export to a file, or to standard output",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["to", "content", "author", "start", "end"], positionals: [0, 0] });
    const content = a.flags.content ?? "all";
    if (content !== "all" && content !== "post" && content !== "page") throw new UsageError(`--content is all, post or page, not "${content}"`);
    for (const f of ["start", "end"] as const) if (a.flags[f] && !/^\d{4}-(0[1-9]|1[0-2])$/.test(a.flags[f])) throw new UsageError(`--${f} is a month such as 2024-03`);
    const filter: ExportFilter = { content, startMonth: a.flags.start, endMonth: a.flags.end };
    if (a.flags.author) {
      const u = await getUserByLoginOrEmail(a.flags.author);
      if (!u) throw new CliError(`No user "${a.flags.author}".`);
      filter.authorId = u.id;
    }
    if (!a.flags.to) {
      for await (const chunk of exportWxr(filter)) process.stdout.write(chunk);
      return;
    }
    const target = userPath(a.flags.to);
    if (!fs.existsSync(path.dirname(target))) throw new CliError(`No such folder: ${path.dirname(a.flags.to)}`);
    // Written beside the target and renamed at the end: a failed export leaves no half file.
    const tmp = `${target}.${process.pid}.part`;
    const fd = fs.openSync(tmp, "w");
    let bytes = 0;
    try {
      try {
        for await (const chunk of exportWxr(filter)) bytes += fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    console.log(`Exported to ${a.flags.to} (${(bytes / 1024).toFixed(1)} KB).`);
  },
};
