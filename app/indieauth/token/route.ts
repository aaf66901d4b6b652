// IndieAuth's token endpoint: a code (with its PKCE verifier) for an access token; action=revoke
// for an app to give one back; GET with the token to learn whose it is (the older verification
// that Micropub servers and some apps still use).
import { z } from "zod";
import { getUserById } from "@/db/queries/users";
import { siteUrl } from "@/lib/site-url";
import { CodeExchangeSchema } from "@/lib/validation/indieauth";
import { redeemCode } from "@/lib/indieauth/codes";
import { issueToken, revokeToken, verifyToken } from "@/lib/indieauth/tokens";
import { bodyFields, oauthError, profileUrl } from "@/lib/indieauth/http";
import { bearerToken } from "@/lib/micropub/auth";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const owner = await verifyToken(bearerToken(req.headers, null));
  if (!owner) return oauthError(401, "unauthorized", "The access token is missing, unknown or revoked.");
  const user = await getUserById(owner.id);
  return Response.json({ me: profileUrl(await siteUrl(), user?.nicename ?? ""), client_id: owner.clientId, scope: owner.scope.join(" ") }, { headers: { "cache-control": "no-store" } });
}

export async function POST(req: Request) {
  const fields = await bodyFields(req);
  if (!fields) return oauthError(400, "invalid_request", "Send the fields form-encoded.");
  if (fields.action === "revoke") {
    // RFC 7009: the answer is the same whether the token existed or not.
    await revokeToken(fields.token ?? "");
    return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
  }
  const parsed = CodeExchangeSchema.safeParse(fields);
  if (!parsed.success) return oauthError(400, "invalid_request", z.prettifyError(parsed.error));
  const r = await redeemCode(parsed.data.code, { clientId: parsed.data.client_id, redirectUri: parsed.data.redirect_uri, verifier: parsed.data.code_verifier });
  if (!r.ok) return oauthError(400, "invalid_grant", r.error);
  const scope = r.grant.scope.filter((s) => s !== "profile" && s !== "email");
  if (!scope.length) return oauthError(400, "invalid_grant", "This code grants no scope to use a token for; redeem it at the authorization endpoint.");
  const user = await getUserById(r.grant.userId);
  if (!user) return oauthError(400, "invalid_grant", "The person who approved this no longer exists.");
  const token = await issueToken(user.id, r.grant.clientId, r.grant.scope);
  return Response.json(
    { access_token: token, token_type: "Bearer", scope: r.grant.scope.join(" "), me: profileUrl(await siteUrl(), user.nicename) },
    { headers: { "cache-control": "no-store", pragma: "no-cache" } },
  );
}
