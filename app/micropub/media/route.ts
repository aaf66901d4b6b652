// Micropub's media endpoint: one file (multipart field "file") through the Media screen's own
// pipeline; 201 with its URL in Location, which the app then puts in a post's photo.
import { logEvent } from "@/lib/log";
import { micropubCaller, needScope } from "@/lib/micropub/auth";
import { fromFault, MicropubError } from "@/lib/micropub/errors";
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";
import { uploadFile } from "@/lib/xmlrpc/media";
import { absoluteMediaUrl } from "@/lib/xmlrpc/views";
import { oauthError } from "@/lib/indieauth/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  try {
    if (!(req.headers.get("content-type") ?? "").includes("multipart/form-data")) throw new MicropubError(415, "invalid_request", "Send the file as multipart/form-data in a field named file.");
    let fd: FormData;
    try {
      fd = await req.formData();
    } catch {
      throw new MicropubError(400, "invalid_request", "The multipart body could not be read.");
    }
    const token = fd.get("access_token");
    const owner = await micropubCaller(req.headers, typeof token === "string" ? token : null);
    needScope(owner, "media", "create");
    const file = fd.get("file");
    if (!(file instanceof File)) throw new MicropubError(400, "invalid_request", "Send the file in a field named file.");
    const m = await uploadFile({ id: owner.id, role: owner.role, displayName: "" }, { name: file.name || "file", bits: Buffer.from(await file.arrayBuffer()) });
    return new Response(null, { status: 201, headers: { location: await absoluteMediaUrl(m) } });
  } catch (e) {
    if (e instanceof XmlRpcFault) e = fromFault(e);
    if (e instanceof MicropubError) return oauthError(e.status, e.code, e.message, e.extra);
    logEvent("micropub_media_error", { error: (e as Error).message });
    return oauthError(400, "invalid_request", "The upload could not be handled.");
  }
}
