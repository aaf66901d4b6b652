// `inkwell import --from https://old.example [--user U --app-password P]`: a live WordPress site
// read through its REST API, then written by the same one-transaction import as a WXR file.
import cliProgress from "cli-progress";
import { writeWxr } from "@/db/queries/wxr-import";
import { getOptions } from "@/db/queries/options";
import { readWordPressSite, SiteImportError } from "@/lib/wp-site/read";
import { SiteImportSchema } from "@/lib/validation/site-import";
import { UsageError } from "../args";
import { CliError } from "../command";
import { printReport } from "./content";

export interface SiteImportArgs {
  address: string;
  user?: string;
  appPassword?: string;
  settings: boolean;
  importerId: number;
  authorMap: Record<string, string>;
}

export async function importFromSite(args: SiteImportArgs): Promise<void> {
  const parsed = SiteImportSchema.safeParse({ address: args.address, user: args.user, appPassword: args.appPassword, settings: args.settings });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "invalid arguments");
  const bar = new cliProgress.SingleBar(
    { format: "{phase} [{bar}] {percentage}% | {value}/{total}", noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { phase: "reading the site" });
  try {
    const site = await readWordPressSite(parsed.data.address, {
      user: parsed.data.user || undefined,
      appPassword: parsed.data.appPassword || undefined,
      settings: parsed.data.settings,
      allowHosts: String((await getOptions()).outbound_allow_hosts ?? ""),
      onRequest: (done, known) => {
        bar.setTotal(Math.max(known, 1));
        bar.update(done);
      },
    });
    let phase = "reading the site";
    const report = await writeWxr(site, {
      fallbackAuthorId: args.importerId,
      authorMap: args.authorMap,
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
  } catch (e) {
    bar.stop();
    if (e instanceof SiteImportError || (e instanceof Error && e.name === "WxrImportError")) throw new CliError(`Import failed, nothing was imported: ${e.message}`);
    throw e;
  }
}
