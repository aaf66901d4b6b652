// POST /admin/tools/import/start/: receives the uploaded WXR file, starts reading it in the
// background and sends the browser to the page that follows it (303, so it works without JS);
// once read, the page asks how to assign the file's authors, then the write runs.
import { z } from "zod";
import { startImportJob, isImportRunning } from "../_lib/jobs";
import { userWithCapability, isSameOrigin } from "../_lib/guard";
import { MAX_BODY_BYTES } from "@/lib/http/body-limits";
import { MultipartError, readMultipartFile, type UploadedForm } from "@/lib/http/multipart-file";

export const dynamic = "force-dynamic";

const Form = z.object({
  file: z
    .object({ name: z.string(), bytes: z.instanceof(Uint8Array) }, { message: "Choose a WXR file to upload." })
    .refine((f) => f.bytes.byteLength > 0, "The file is empty."),
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
  let form: UploadedForm;
  try {
    form = await readMultipartFile(req, { field: "file", maxBytes: MAX_BODY_BYTES });
  } catch (e) {
    return back(e instanceof MultipartError ? e.message : "The upload could not be read; try again.");
  }
  // A browser sends an empty file part when no file was chosen.
  const parsed = Form.safeParse({ file: form.file?.name ? form.file : undefined });
  if (!parsed.success) return back(parsed.error.issues[0]?.message ?? "Invalid upload.");
  if (await isImportRunning()) return back("Another import is running; wait for it to finish.");
  // A checkbox: present when ticked (the default), absent when not.
  const job = startImportJob({ userId: who.user.id, fileName: parsed.data.file.name, bytes: parsed.data.file.bytes, downloadMedia: form.fields.download_media !== undefined });
  return seeOther(`/admin/tools/import/?job=${job.id}`);
}
