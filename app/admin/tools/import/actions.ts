"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { listUsersForAuthorMapping } from "@/db/queries/wxr-import";
import { continueImportJob, getImportJob, isImportRunning } from "./_lib/jobs";

const Assign = z.object({ job: z.string().uuid() });

/** Step two of an upload: each author in the file goes to an existing user, or is created. */
export async function assignAuthorsAction(formData: FormData) {
  const user = await requireCapability("import");
  const parsed = Assign.safeParse({ job: formData.get("job") });
  if (!parsed.success) redirect("/admin/tools/import/?error=" + encodeURIComponent("That import is no longer known."));
  const job = await getImportJob(parsed.data.job);
  if (!job || job.userId !== user.id || !job.mapping) redirect("/admin/tools/import/?error=" + encodeURIComponent("That import is no longer waiting for its authors."));
  if (await isImportRunning()) redirect(`/admin/tools/import/?job=${job.id}&error=` + encodeURIComponent("Another import is running; wait for it to finish."));
  const logins = new Set((await listUsersForAuthorMapping()).map((u) => u.login.toLowerCase()));
  const map: Record<string, string> = {};
  job.mapping.authors.forEach((a, i) => {
    const to = String(formData.get(`author-${i}`) ?? "");
    if (to && logins.has(to.toLowerCase())) map[a.login] = to;
  });
  if (!(await continueImportJob(job, map))) redirect("/admin/tools/import/?error=" + encodeURIComponent("That import is no longer waiting for its authors."));
  redirect(`/admin/tools/import/?job=${job.id}`);
}
