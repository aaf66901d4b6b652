// POST /admin/tools/import/start/: receives the uploaded WXR file, starts reading it in the
// background and sends the browser to the page that follows it (303, so it works without JS);
// once read, the page asks how to assign the file's authors, then the write runs.
import { z } from "zod";
import { startImportJob, isImportRunning } from "../_lib/jobs";
import { userWithCapability, isSameOrigin } from "../_lib/guard";
import { MAX_BODY_BYTES } from "@/lib/http/body-limits";

export const dynamic = "force-dynamic";

const Form = z.object({
  file: z.instanceof(File, { message: "Choose a WXR file to upload." }).refine((f) => f.size > 0, "The file is empty."),
});

// A relative Location: behind the custom server, req.url's host is not the one the browser used.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

function back(error: string) {
  return seeOther(`/admin/tools/import/?error=${encodeURIComponent(error)}`);
}

export async function POST(req: Request) {
  const who = await userWithCapability("import");
  if ("response" in who) return who.response;
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return back(`The file is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back("The upload could not be read; try again.");
  }
  const parsed = Form.safeParse({ file: form.get("file") });
  if (!parsed.success) return back(parsed.error.issues[0]?.message ?? "Invalid upload.");
  if (isImportRunning()) return back("Another import is running; wait for it to finish.");
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
  // A checkbox: present when ticked (the default), absent when not.
  const job = startImportJob({ userId: who.user.id, fileName: parsed.data.file.name, bytes, downloadMedia: form.get("download_media") !== null });
  return seeOther(`/admin/tools/import/?job=${job.id}`);
}
