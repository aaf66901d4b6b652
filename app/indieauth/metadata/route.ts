// IndieAuth server metadata (IndieAuth §4.1.1, RFC 8414), linked from every page as
// rel="indieauth-metadata": where apps send people to approve them and trade codes for tokens.
import { getOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import { SCOPES } from "@/lib/validation/indieauth";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await getOptions()).enable_micropub) return Response.json({ error: "not_found" }, { status: 404 });
  const site = await siteUrl();
  return Response.json({
    issuer: `${site}/`,
    authorization_endpoint: `${site}/indieauth/authorize/`,
    token_endpoint: `${site}/indieauth/token/`,
    code_challenge_methods_supported: ["S256"],
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code"],
    scopes_supported: SCOPES,
    authorization_response_iss_parameter_supported: true,
  });
}
