// The OAuth 2.0 error shape IndieAuth and Micropub answer with: {"error", "error_description"}.
export function oauthError(status: number, error: string, description: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description, ...extra }, { status, headers: { "cache-control": "no-store" } });
}

/** Form-encoded or JSON body fields as strings (IndieAuth clients send either). */
export async function bodyFields(req: Request): Promise<Record<string, string> | null> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const j = (await req.json()) as unknown;
      if (!j || typeof j !== "object" || Array.isArray(j)) return null;
      return Object.fromEntries(Object.entries(j).filter(([, v]) => typeof v === "string")) as Record<string, string>;
    }
    const params = new URLSearchParams(await req.text());
    return Object.fromEntries(params.entries());
  } catch {
    return null;
  }
}

/** The person's IndieAuth identity: their author page, which carries the discovery links too. */
export const profileUrl = (site: string, nicename: string) => `${site}/author/${encodeURIComponent(nicename)}/`;
