import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/session";
import { roleCan, type Capability } from "@/lib/auth/capabilities";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/** For route handlers under /admin/tools: the signed-in user holding `cap`, or the response to send. */
export async function userWithCapability(cap: Capability): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!roleCan(user.role, cap)) return { response: Response.json({ error: "Sorry, you are not allowed to do that." }, { status: 403 }) };
  return { user };
}

/** A state-changing request must come from our own pages (a cross-site form post would not). */
export const isSameOrigin = (req: Request): boolean => isSameOriginRequest(req.headers);
