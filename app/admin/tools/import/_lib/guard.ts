import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/session";
import { roleCan, type Capability } from "@/lib/auth/capabilities";

/** For route handlers under /admin/tools: the signed-in user holding `cap`, or the response to send. */
export async function userWithCapability(cap: Capability): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!roleCan(user.role, cap)) return { response: Response.json({ error: "Sorry, you are not allowed to do that." }, { status: 403 }) };
  return { user };
}

/** A state-changing request must come from our own pages (a cross-site form post would not). */
export function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
