// GET /admin/tools/import/status/?job=ID: the import's progress, polled by the import page.
import { getImportJob, importStatus } from "../_lib/jobs";
import { userWithCapability } from "../_lib/guard";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const who = await userWithCapability("import");
  if ("response" in who) return who.response;
  const id = new URL(req.url).searchParams.get("job") ?? "";
  const job = await getImportJob(id);
  if (!job || job.userId !== who.user.id) return Response.json({ error: "No such import." }, { status: 404 });
  return Response.json(importStatus(job), { headers: { "cache-control": "no-store" } });
}

