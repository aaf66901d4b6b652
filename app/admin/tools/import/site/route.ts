// POST /admin/tools/import/site/: starts importing a live WordPress site by its address and sends
// the browser to the page that follows it (303, so it works without JavaScript).
import { SiteImportSchema } from "@/lib/validation/site-import";
import { isImportRunning } from "../_lib/jobs";
import { startSiteImportJob } from "../_lib/site-job";
import { userWithCapability, isSameOrigin } from "../_lib/guard";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

function back(error: string, address: string) {
  return seeOther(`/admin/tools/import/?site_error=${encodeURIComponent(error)}&address=${encodeURIComponent(address.slice(0, 2000))}#from-site`);
}

export async function POST(req: Request) {
  const who = await userWithCapability("import");
  if ("response" in who) return who.response;
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back("The form could not be read; try again.", "");
  }
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const parsed = SiteImportSchema.safeParse({
    address: field("address"),
    user: field("user"),
    appPassword: field("app_password"),
    // Checkboxes: present when ticked (the default), absent when not.
    downloadMedia: form.get("download_media") !== null,
    settings: form.get("copy_settings") !== null,
  });
  if (!parsed.success) return back(parsed.error.issues[0]?.message ?? "Invalid form.", field("address"));
  if (await isImportRunning()) return back("Another import is running; wait for it to finish.", parsed.data.address);
  const job = await startSiteImportJob(who.user.id, parsed.data);
  return seeOther(`/admin/tools/import/?job=${job.id}`);
}
