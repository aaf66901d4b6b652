// IndieAuth's authorization endpoint. GET (the person's browser, sent by an app) goes to the
// consent screen in the admin, through sign-in when needed; POST redeems a code for the
// person's identity only (apps that sign people in with their website, no token).
import { z } from "zod";
import { getOptions } from "@/db/queries/options";
import { getUserById } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/session";
import { siteUrl } from "@/lib/site-url";
import { AuthorizationRequestSchema, CodeExchangeSchema } from "@/lib/validation/indieauth";
import { redeemCode } from "@/lib/indieauth/codes";
import { bodyFields, oauthError, profileUrl } from "@/lib/indieauth/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  if (!(await getOptions()).enable_micropub) return new Response("IndieAuth is turned off on this site (Settings → Writing).\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(req.url);
  const parsed = AuthorizationRequestSchema.safeParse(Object.fromEntries(url.searchParams.entries()));
  // An invalid request is never sent back to its redirect_uri: that address is not trusted yet.
  if (!parsed.success) {
    const why = z.prettifyError(parsed.error);
    return new Response(`This sign-in request from an app is not valid:\n${why}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const consent = `/admin/indieauth/?${url.searchParams.toString()}`;
  const target = (await getCurrentUser()) ? consent : `/login/?redirect_to=${encodeURIComponent(consent)}`;
  return new Response(null, { status: 303, headers: { location: `${await siteUrl()}${target}`, "cache-control": "no-store" } });
}

export async function POST(req: Request) {
  const fields = await bodyFields(req);
  const parsed = CodeExchangeSchema.safeParse(fields ?? {});
  if (!parsed.success) return oauthError(400, "invalid_request", z.prettifyError(parsed.error));
  const r = await redeemCode(parsed.data.code, { clientId: parsed.data.client_id, redirectUri: parsed.data.redirect_uri, verifier: parsed.data.code_verifier });
  if (!r.ok) return oauthError(400, "invalid_grant", r.error);
  const user = await getUserById(r.grant.userId);
  if (!user) return oauthError(400, "invalid_grant", "The person who approved this no longer exists.");
  const site = await siteUrl();
  const profile = r.grant.scope.includes("profile") ? { profile: { name: user.displayName, url: user.url || `${site}/`, ...(r.grant.scope.includes("email") ? { email: user.email } : {}) } } : {};
  return Response.json({ me: profileUrl(site, user.nicename), ...profile }, { headers: { "cache-control": "no-store" } });
}
