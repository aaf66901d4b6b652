// XML-RPC for Pingback 1.0: pingback.ping, pingback.extensions.getPingbacks, system.listMethods.
// Every error is an XML-RPC fault with HTTP 200 (a client's mistake is never a 500); only an
// oversized body gets 413 before it is read.
import { clientIpFrom } from "@/lib/request-ip";
import { logEvent } from "@/lib/log";
import { BodyTooLarge, readBodyText } from "@/lib/linkbacks/http";
import { getPingbacks, receivePingback } from "@/lib/linkbacks/receive";
import { FAULTS, faultResponse, methodResponse, parseMethodCall, XmlRpcFault, XMLRPC_MAX_BODY, type XmlRpcValue } from "@/lib/linkbacks/xmlrpc";

export const dynamic = "force-dynamic";

const METHODS = ["pingback.ping", "pingback.extensions.getPingbacks", "system.listMethods"];

function xml(body: string, status = 200) {
  return new Response(body, { status, headers: { "content-type": "text/xml; charset=UTF-8", "cache-control": "no-store" } });
}

export function GET() {
  return new Response("XML-RPC server accepts POST requests only.\n", { status: 405, headers: { allow: "POST", "content-type": "text/plain; charset=utf-8" } });
}

function stringParams(params: XmlRpcValue[], n: number): string[] {
  if (params.length !== n || params.some((p) => typeof p !== "string")) throw new XmlRpcFault(FAULTS.invalidParams, "Invalid method parameters.");
  return params as string[];
}

export async function POST(req: Request) {
  let body: string;
  try {
    body = Buffer.from(await readBodyText(req, XMLRPC_MAX_BODY), "latin1").toString("utf8");
  } catch (e) {
    if (e instanceof BodyTooLarge) return xml(faultResponse(FAULTS.invalidRequest, "The request is too large."), 413);
    return xml(faultResponse(FAULTS.parseError, "parse error. not well formed"));
  }
  try {
    const call = parseMethodCall(body);
    const sender = { ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") ?? "" };
    switch (call.methodName) {
      case "pingback.ping": {
        const [source, target] = stringParams(call.params, 2);
        return xml(methodResponse(await receivePingback(source!, target!, sender)));
      }
      case "pingback.extensions.getPingbacks": {
        const [target] = stringParams(call.params, 1);
        return xml(methodResponse(await getPingbacks(target!)));
      }
      case "system.listMethods":
        return xml(methodResponse(METHODS));
      default:
        throw new XmlRpcFault(FAULTS.unknownMethod, "server error. requested method does not exist.");
    }
  } catch (e) {
    if (e instanceof XmlRpcFault) return xml(faultResponse(e.code, e.message));
    logEvent("linkback.xmlrpc_error", { error: (e as Error).message });
    return xml(faultResponse(FAULTS.generic, "The request could not be handled."));
  }
}
