// XML-RPC, only as much as pingback needs: parse a methodCall, format responses and faults.
// fast-xml-parser expands DOCTYPE entities, so a body with <!DOCTYPE is refused before parsing
// (no entity expansion bombs) and the size is capped by the caller.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { escapeHtml } from "@/lib/content/escape";

export { XMLRPC_MAX_BODY } from "@/lib/http/body-limits";

export const FAULTS = {
  generic: 0,
  sourceNotFound: 16,
  noLink: 17,
  targetNotFound: 32,
  targetNotPingable: 33,
  alreadyRegistered: 48,
  accessDenied: 49,
  upstream: 50,
  parseError: -32700,
  invalidRequest: -32600,
  unknownMethod: -32601,
  invalidParams: -32602,
} as const;

// Date and Buffer carry dateTime.iso8601 and base64, which the publishing methods (lib/xmlrpc/) use.
export type XmlRpcValue = string | number | boolean | Date | Buffer | XmlRpcValue[] | { [k: string]: XmlRpcValue };

export class XmlRpcFault extends Error {
  constructor(public code: number, message: string) {
    super(message);
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Also decodes numeric character references (&#233;), which XML requires; each entity once.
  htmlEntities: true,
  isArray: (name) => ["param", "member", "value"].includes(name),
});

type Node = Record<string, unknown>;

function valueOf(v: unknown): XmlRpcValue {
  // <value>text</value> without a type is a string.
  if (typeof v === "string") return v;
  if (v === undefined || v === null) return "";
  const node = v as Node;
  const keys = Object.keys(node).filter((k) => k !== "#text");
  if (!keys.length) return typeof node["#text"] === "string" ? (node["#text"] as string) : "";
  const type = keys[0]!;
  const inner = node[type];
  switch (type) {
    case "string":
      return typeof inner === "string" ? inner : "";
    case "int":
    case "i4":
    case "i8":
    case "double": {
      const n = Number(String(inner).trim());
      if (!Number.isFinite(n)) throw new XmlRpcFault(FAULTS.invalidRequest, "Invalid number.");
      return n;
    }
    case "boolean":
      return String(inner).trim() === "1";
    case "base64":
      return Buffer.from(typeof inner === "string" ? inner : "", "base64");
    case "dateTime.iso8601":
      return parseIso8601(typeof inner === "string" ? inner : "");
    case "array": {
      const data = (inner as Node | undefined)?.data as Node | undefined;
      const values = (data?.value as unknown[] | undefined) ?? [];
      return values.map(valueOf);
    }
    case "struct": {
      const out: Record<string, XmlRpcValue> = {};
      for (const m of ((inner as Node | undefined)?.member as Node[] | undefined) ?? []) {
        out[String(m.name ?? "")] = valueOf((m.value as unknown[] | undefined)?.[0]);
      }
      return out;
    }
    default:
      return typeof inner === "string" ? inner : "";
  }
}

/**
 * XML-RPC's dateTime.iso8601: "20260314T09:30:00" (the spec, Python's xmlrpc.client) or the
 * dashed form with an optional zone. Without a zone the value is UTC, as WordPress's IXR_Date reads it.
 */
export function parseIso8601(raw: string): Date {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) throw new XmlRpcFault(FAULTS.invalidRequest, "Invalid date.");
  const zone = !m[7] || m[7] === "Z" ? "Z" : m[7].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  if (Number.isNaN(d.getTime())) throw new XmlRpcFault(FAULTS.invalidRequest, "Invalid date.");
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 19).replace(/-/g, "");

export interface MethodCall {
  methodName: string;
  params: XmlRpcValue[];
}

/** Parses a methodCall or throws an XmlRpcFault (-32700 not XML, -32600 not a methodCall). */
export function parseMethodCall(xml: string): MethodCall {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new XmlRpcFault(FAULTS.parseError, "parse error. not well formed");
  if (XMLValidator.validate(xml) !== true) throw new XmlRpcFault(FAULTS.parseError, "parse error. not well formed");
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    throw new XmlRpcFault(FAULTS.parseError, "parse error. not well formed");
  }
  const call = doc.methodCall as Node | undefined;
  if (!call || typeof call !== "object") throw new XmlRpcFault(FAULTS.invalidRequest, "server error. invalid xml-rpc. not conforming to spec. Request must be a methodCall");
  const methodName = typeof call.methodName === "string" ? call.methodName.trim() : "";
  if (!methodName) throw new XmlRpcFault(FAULTS.invalidRequest, "server error. invalid xml-rpc. not conforming to spec. methodName missing");
  const params = (((call.params as Node | undefined)?.param as Node[] | undefined) ?? []).map((p) => valueOf((p.value as unknown[] | undefined)?.[0]));
  return { methodName, params };
}

function formatValue(v: XmlRpcValue): string {
  if (typeof v === "string") return `<string>${escapeHtml(v)}</string>`;
  if (typeof v === "boolean") return `<boolean>${v ? 1 : 0}</boolean>`;
  if (typeof v === "number") return Number.isInteger(v) ? `<int>${v}</int>` : `<double>${v}</double>`;
  if (v instanceof Date) return `<dateTime.iso8601>${iso(v)}</dateTime.iso8601>`;
  if (Buffer.isBuffer(v)) return `<base64>${v.toString("base64")}</base64>`;
  if (Array.isArray(v)) return `<array><data>${v.map((x) => `<value>${formatValue(x)}</value>`).join("")}</data></array>`;
  return `<struct>${Object.entries(v)
    .map(([k, x]) => `<member><name>${escapeHtml(k)}</name><value>${formatValue(x)}</value></member>`)
    .join("")}</struct>`;
}

export function methodResponse(v: XmlRpcValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><params><param><value>${formatValue(v)}</value></param></params></methodResponse>\n`;
}

export function faultResponse(code: number, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault><value>${formatValue({ faultCode: code, faultString: message })}</value></fault></methodResponse>\n`;
}

export function methodCall(name: string, params: string[]): string {
  return `<?xml version="1.0"?>\n<methodCall>\n<methodName>${escapeHtml(name)}</methodName>\n<params>\n${params
    .map((p) => `<param><value><string>${escapeHtml(p)}</string></value></param>`)
    .join("\n")}\n</params></methodCall>\n`;
}

/** Reads a methodResponse: a fault, or the value. A body that is no methodResponse is an error. */
export function parseMethodResponse(xml: string): { fault: { code: number; message: string } } | { value: XmlRpcValue } {
  if (/<!DOCTYPE/i.test(xml) || XMLValidator.validate(xml) !== true) return { fault: { code: FAULTS.parseError, message: "The response is not XML-RPC." } };
  const doc = parser.parse(xml) as Node;
  const resp = doc.methodResponse as Node | undefined;
  if (!resp || typeof resp !== "object") return { fault: { code: FAULTS.parseError, message: "The response is not XML-RPC." } };
  if (resp.fault) {
    const f = valueOf(((resp.fault as Node).value as unknown[] | undefined)?.[0]) as Record<string, XmlRpcValue>;
    return { fault: { code: Number(f.faultCode ?? 0), message: String(f.faultString ?? "") } };
  }
  const param = ((resp.params as Node | undefined)?.param as Node[] | undefined)?.[0];
  return { value: valueOf((param?.value as unknown[] | undefined)?.[0]) };
}
