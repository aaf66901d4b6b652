// POST /admin/tools/import/media/: downloads again the imported attachments that are still only
// on the old site (those that failed before), as a job the import page follows.
import { isImportRunning, startMediaDownloadJob } from "../_lib/jobs";
import { userWithCapability, isSameOrigin } from "../_lib/guard";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

export async function POST(req: Request) {
  const who = await userWithCapability("import");
  if ("response" in who) return who.response;
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  if (await isImportRunning()) return seeOther(`/admin/tools/import/?error=${encodeURIComponent("Another import is running; wait for it to finish.")}`);
  const job = startMediaDownloadJob(who.user.id);
  return seeOther(`/admin/tools/import/?job=${job.id}`);
}
