// Micropub (W3C Recommendation): IndieWeb apps create, update and delete posts with an IndieAuth
// token. Bodies are form-encoded, multipart (a photo file) or JSON; errors are JSON with the
// status the spec names, and a client's mistake is never a 500.
import { logEvent } from "@/lib/log";
import { micropubCaller, needScope } from "@/lib/micropub/auth";
import { MicropubError } from "@/lib/micropub/errors";
import { formToProps, type Props } from "@/lib/micropub/entry";
import { categories, config, create, remove, source, undelete, update } from "@/lib/micropub/handle";
import { uploadFile } from "@/lib/xmlrpc/media";
import { absoluteMediaUrl } from "@/lib/xmlrpc/views";
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";
import { fromFault } from "@/lib/micropub/errors";
import { oauthError } from "@/lib/indieauth/http";

export const dynamic = "force-dynamic";

function errorResponse(e: unknown): Response {
  if (e instanceof XmlRpcFault) e = fromFault(e);
  if (e instanceof MicropubError) return oauthError(e.status, e.code, e.message, e.extra);
  logEvent("micropub_error", { error: (e as Error).message });
  return oauthError(400, "invalid_request", "The request could not be handled.");
}

export async function GET(req: Request) {
  try {
    const url = new URL(req.url);
    const owner = await micropubCaller(req.headers, url.searchParams.get("access_token"));
    const q = url.searchParams.get("q");
    if (q === "config") return Response.json(await config());
    if (q === "syndicate-to") return Response.json({ "syndicate-to": [] });
    if (q === "category") return Response.json({ categories: await categories() });
    if (q === "source") return Response.json(await source(owner, url.searchParams.get("url"), [...url.searchParams.getAll("properties[]"), ...url.searchParams.getAll("properties")]));
    throw new MicropubError(400, "invalid_request", "Unknown query: use q=config, source, syndicate-to or category.");
  } catch (e) {
    return errorResponse(e);
  }
}

interface Parsed {
  action: string;
  url?: unknown;
  props: Props;
  changes: { replace?: unknown; add?: unknown; delete?: unknown };
  token: string | null;
  files: File[];
}

async function parseBody(req: Request): Promise<Parsed> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let j: unknown;
    try {
      j = await req.json();
    } catch {
      throw new MicropubError(400, "invalid_request", "The body is not valid JSON.");
    }
    if (!j || typeof j !== "object" || Array.isArray(j)) throw new MicropubError(400, "invalid_request", "The body must be a JSON object.");
    const o = j as Record<string, unknown>;
    if (typeof o.action === "string") return { action: o.action, url: o.url, props: {}, changes: { replace: o.replace, add: o.add, delete: o.delete }, token: null, files: [] };
    if (!Array.isArray(o.type) || o.type[0] !== "h-entry") throw new MicropubError(400, "invalid_request", 'Only "h-entry" posts can be created.');
    const props = o.properties;
    if (!props || typeof props !== "object" || Array.isArray(props)) throw new MicropubError(400, "invalid_request", "properties must be an object.");
    return { action: "create", props: props as Props, changes: {}, token: null, files: [] };
  }
  let fields: [string, string][] = [];
  const files: File[] = [];
  if (type.includes("multipart/form-data")) {
    let fd: FormData;
    try {
      fd = await req.formData();
    } catch {
      throw new MicropubError(400, "invalid_request", "The multipart body could not be read.");
    }
    for (const [k, v] of fd.entries()) {
      if (typeof v === "string") fields.push([k, v]);
      else if (k.replace(/\[\]$/, "") === "photo") files.push(v);
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    fields = [...new URLSearchParams(await req.text()).entries()];
  } else {
    throw new MicropubError(415, "invalid_request", "Send form-encoded, multipart or JSON.");
  }
  const token = fields.find(([k]) => k === "access_token")?.[1] ?? null;
  const rest = fields.filter(([k]) => k !== "access_token" && k !== "h" && k !== "action" && k !== "url");
  const action = fields.find(([k]) => k === "action")?.[1] ?? "create";
  const h = fields.find(([k]) => k === "h")?.[1] ?? "entry";
  if (action === "create" && h !== "entry") throw new MicropubError(400, "invalid_request", 'Only h=entry posts can be created.');
  return { action, url: fields.find(([k]) => k === "url")?.[1], props: formToProps(rest), changes: {}, token, files };
}

export async function POST(req: Request) {
  try {
    const body = await parseBody(req);
    const owner = await micropubCaller(req.headers, body.token);
    let res: Response;
    switch (body.action) {
      case "create": {
        needScope(owner, "create", "draft");
        const uploaded: { url: string; alt: string }[] = [];
        for (const f of body.files) {
          const m = await uploadFile({ id: owner.id, role: owner.role, displayName: "" }, { name: f.name || "photo", bits: Buffer.from(await f.arrayBuffer()) });
          uploaded.push({ url: await absoluteMediaUrl(m), alt: "" });
        }
        res = new Response(null, { status: 201, headers: { location: await create(owner, body.props, uploaded) } });
        break;
      }
      case "update":
        await update(owner, body.url, body.changes);
        res = new Response(null, { status: 204 });
        break;
      case "delete":
        await remove(owner, body.url);
        res = new Response(null, { status: 204 });
        break;
      case "undelete":
        await undelete(owner, body.url);
        res = new Response(null, { status: 204 });
        break;
      default:
        throw new MicropubError(400, "invalid_request", `Unknown action "${body.action}".`);
    }
    return res;
  } catch (e) {
    return errorResponse(e);
  }
}
