// XML-RPC: Pingback 1.0 (pingback.ping, pingback.extensions.getPingbacks), the publishing methods
// of lib/xmlrpc/ (MetaWeblog, Blogger, wp.*), system.listMethods and system.multicall, and RSD
// on GET ?rsd. Every error is an XML-RPC fault with HTTP 200 (a client's mistake is never a
// 500); only an oversized body gets 413 before it is read.
import { clientIpFrom } from "@/lib/request-ip";
import { logEvent } from "@/lib/log";
import { BodyTooLarge, readBodyText } from "@/lib/linkbacks/http";
import { getPingbacks, receivePingback, type Sender } from "@/lib/linkbacks/receive";
import { FAULTS, faultResponse, methodResponse, parseMethodCall, XmlRpcFault, type XmlRpcValue } from "@/lib/linkbacks/xmlrpc";
import { xmlrpcMaxBody } from "@/lib/http/body-limits";
import { getOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import { PUBLISHING_METHODS } from "@/lib/xmlrpc/methods";
import { multicall } from "@/lib/xmlrpc/dispatch";
import { rsdXml } from "@/lib/xmlrpc/rsd";

export const dynamic = "force-dynamic";

const OWN_METHODS = ["pingback.ping", "pingback.extensions.getPingbacks", "system.listMethods", "system.multicall"];

function xml(body: string, status = 200, type = "text/xml") {
  return new Response(body, { status, headers: { "content-type": `${type}; charset=UTF-8`, "cache-control": "no-store" } });
}

export async function GET(req: Request) {
  if (new URL(req.url).searchParams.has("rsd")) return xml(rsdXml(await siteUrl()));
  return new Response("XML-RPC server accepts POST requests only.\n", { status: 405, headers: { allow: "POST", "content-type": "text/plain; charset=utf-8" } });
}

function stringParams(params: XmlRpcValue[], n: number): string[] {
  if (params.length !== n || params.some((p) => typeof p !== "string")) throw new XmlRpcFault(FAULTS.invalidParams, "Invalid method parameters.");
  return params as string[];
}

async function run(name: string, params: XmlRpcValue[], sender: Sender): Promise<XmlRpcValue> {
  const publishing = PUBLISHING_METHODS[name];
  if (publishing) {
    const value = await publishing(params, { ip: sender.ip });
    return value;
  }
  switch (name) {
    case "pingback.ping": {
      const [source, target] = stringParams(params, 2);
      return await receivePingback(source!, target!, sender);
    }
    case "pingback.extensions.getPingbacks": {
      const [target] = stringParams(params, 1);
      return await getPingbacks(target!);
    }
    case "system.listMethods":
      return [...OWN_METHODS, ...Object.keys(PUBLISHING_METHODS)];
    case "system.multicall":
      return await multicall(params, (n, p) => run(n, p, sender));
    default:
      throw new XmlRpcFault(FAULTS.unknownMethod, "server error. requested method does not exist.");
  }
}

export async function POST(req: Request) {
  let body: string;
  try {
    body = Buffer.from(await readBodyText(req, xmlrpcMaxBody((await getOptions()).upload_max_bytes)), "latin1").toString("utf8");
  } catch (e) {
    if (e instanceof BodyTooLarge) return xml(faultResponse(FAULTS.invalidRequest, "The request is too large."), 413);
    return xml(faultResponse(FAULTS.parseError, "parse error. not well formed"));
  }
  try {
    const call = parseMethodCall(body);
    const sender = { ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") ?? "" };
    return xml(methodResponse(await run(call.methodName, call.params, sender)));
  } catch (e) {
    if (e instanceof XmlRpcFault) return xml(faultResponse(e.code, e.message));
    logEvent("xmlrpc_error", { error: (e as Error).message });
    return xml(faultResponse(FAULTS.generic, "The request could not be handled."));
  }
}
