// Who is calling Micropub: the IndieAuth token in the Authorization header (or, as the spec also
// allows, an access_token field in a form body), the scope it carries, and Settings → Writing.
import { getOptions } from "@/db/queries/options";
import { verifyToken, type TokenOwner } from "@/lib/indieauth/tokens";
import { MicropubError } from "./errors";

export function bearerToken(headers: Headers, bodyToken: string | null): string {
  const h = headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  return m ? m[1]! : (bodyToken ?? "");
}

export async function micropubCaller(headers: Headers, bodyToken: string | null): Promise<TokenOwner> {
  if (!(await getOptions()).enable_micropub) throw new MicropubError(403, "forbidden", "Micropub is turned off on this site (Settings → Writing).");
  const owner = await verifyToken(bearerToken(headers, bodyToken));
  if (!owner) throw new MicropubError(401, "unauthorized", "The access token is missing, unknown or revoked.");
  return owner;
}

export function needScope(owner: TokenOwner, ...any: string[]): void {
  if (!any.some((s) => owner.scope.includes(s))) throw new MicropubError(403, "insufficient_scope", `This token lacks the "${any[0]}" scope.`, { scope: any[0]! });
}
