// /wp-json/oembed/1.0/embed?url=…&format=json|xml&maxwidth=…, answered as WordPress's
// WP_oEmbed_Controller does: its fields, its error codes, and XML for format=xml (errors too, as
// _oembed_rest_pre_serve_request serves them). And /wp-json/oembed/1.0/proxy for signed-in
// editors (lib/oembed/proxy.ts), JSON only as WordPress answers it.
import { OembedProxyQuerySchema, OembedQuerySchema } from "@/lib/validation/oembed";
import type { RestUser } from "@/lib/wp-rest/auth";
import { REST_HEADERS, RestError } from "@/lib/wp-rest/errors";
import { oembedFor, oembedXml } from "./provider";
import { proxyOembed } from "./proxy";

function answer(body: object, status: number, format: "json" | "xml"): Response {
  const headers = { ...REST_HEADERS, "cache-control": "no-store" };
  if (format === "xml") return new Response(oembedXml(body), { status, headers: { ...headers, "content-type": "text/xml; charset=UTF-8" } });
  return Response.json(body, { status, headers });
}

const error = (code: string, message: string, status: number, format: "json" | "xml", data: Record<string, unknown> = {}) =>
  answer({ code, message, data: { status, ...data } }, status, format);

/** A Response for /wp-json/oembed/…, or null when the path is not an oEmbed route. */
export async function handleOembed(segments: string[], url: URL, user: RestUser | null = null): Promise<Response | null> {
  if (segments[0] !== "oembed" || segments[1] !== "1.0") return null;
  const route = segments.slice(2).join("/");
  if (route === "") {
    return Response.json({ namespace: "oembed/1.0", routes: { "/oembed/1.0": {}, "/oembed/1.0/embed": {}, "/oembed/1.0/proxy": {} } }, { headers: REST_HEADERS });
  }
  if (route === "proxy") return await handleProxy(url, user);
  if (route !== "embed") return null;
  const q = Object.fromEntries(url.searchParams);
  const wantsXml = q.format === "xml";
  if (!q.url) return error("rest_missing_callback_param", "Missing parameter(s): url", 400, wantsXml ? "xml" : "json", { params: ["url"] });
  const parsed = OembedQuerySchema.safeParse(q);
  if (!parsed.success) {
    const params = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return error("rest_invalid_param", `Invalid parameter(s): ${Object.keys(params).join(", ")}`, 400, wantsXml ? "xml" : "json", { params });
  }
  const { format, maxwidth } = parsed.data;
  const data = await oembedFor(parsed.data.url, maxwidth);
  if (!data) return error("oembed_invalid_url", "Not Found", 404, format);
  return answer(data, 200, format);
}

/** The proxy: WordPress checks the arguments first (400), then the user (401/403), then the URL (404). */
async function handleProxy(url: URL, user: RestUser | null): Promise<Response> {
  const q = Object.fromEntries(url.searchParams);
  delete q._wpnonce;
  if (!q.url) return error("rest_missing_callback_param", "Missing parameter(s): url", 400, "json", { params: ["url"] });
  const parsed = OembedProxyQuerySchema.safeParse(q);
  if (!parsed.success) {
    const params = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return error("rest_invalid_param", `Invalid parameter(s): ${Object.keys(params).join(", ")}`, 400, "json", { params });
  }
  try {
    return answer(await proxyOembed(parsed.data, user), 200, "json");
  } catch (e) {
    if (e instanceof RestError) return error(e.code, e.message, e.status, "json", e.data);
    throw e;
  }
}
