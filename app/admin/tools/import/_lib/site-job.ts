// Importing a live WordPress site: the same job as a file upload (progress, author assignment,
// one write, media download), fed by the REST API reader instead of the WXR parser.
import "server-only";
import { getOptions } from "@/db/queries/options";
import { readWordPressSite } from "@/lib/wp-site/read";
import type { SiteImportInput } from "@/lib/validation/site-import";
import { afterRead, fail, registerImportJob, setImportProgress, type ImportJob } from "./jobs";

export async function startSiteImportJob(userId: number, input: SiteImportInput): Promise<ImportJob> {
  const allowHosts = String((await getOptions()).outbound_allow_hosts ?? "");
  const job = registerImportJob({ userId, fileName: input.address, source: "site", total: 1, downloadMedia: input.downloadMedia });
  void readWordPressSite(input.address, {
    user: input.user || undefined,
    appPassword: input.appPassword || undefined,
    settings: input.settings,
    allowHosts,
    onRequest: (done, known) => {
      setImportProgress(job, { phase: "reading", done, total: known });
    },
  })
    .then((parsed) => afterRead(job, parsed))
    .catch((e: unknown) => fail(job, e));
  return job;
}
