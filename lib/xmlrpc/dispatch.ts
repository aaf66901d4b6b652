// system.multicall (WordPress's IXR): every call inside runs on its own, password check included,
// so a thousand guesses in one request are a thousand attempts against the lockout, not one.
import { FAULTS, XmlRpcFault, type XmlRpcValue } from "@/lib/linkbacks/xmlrpc";

/** More calls than this in one request is no editor's doing. */
export const MULTICALL_MAX = 50;

export async function multicall(params: XmlRpcValue[], run: (name: string, params: XmlRpcValue[]) => Promise<XmlRpcValue>): Promise<XmlRpcValue> {
  const calls = params[0];
  if (!Array.isArray(calls)) throw new XmlRpcFault(FAULTS.invalidParams, "system.multicall expects an array of calls.");
  if (calls.length > MULTICALL_MAX) throw new XmlRpcFault(FAULTS.invalidRequest, `At most ${MULTICALL_MAX} calls in one system.multicall.`);
  const out: XmlRpcValue[] = [];
  for (const c of calls) {
    try {
      const call = c as Record<string, XmlRpcValue>;
      const name = typeof call.methodName === "string" ? call.methodName : "";
      if (name === "system.multicall") throw new XmlRpcFault(FAULTS.invalidRequest, "Recursive calls to system.multicall are forbidden");
      if (!Array.isArray(call.params)) throw new XmlRpcFault(FAULTS.invalidParams, "Each call needs methodName and params.");
      out.push([await run(name, call.params)]);
    } catch (e) {
      if (!(e instanceof XmlRpcFault)) throw e;
      out.push({ faultCode: e.code, faultString: e.message });
    }
  }
  return out;
}
