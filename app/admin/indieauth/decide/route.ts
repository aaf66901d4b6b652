// The consent screen's answer (POST from /admin/indieauth/): back to the app with a code, or with
// error=access_denied. The CSP's form-action 'self' stops a form's redirect to another site, so
// the way back is a small page that refreshes to the app (and links to it), with or without
// JavaScript. A route handler: it checks the session and the origin itself.
import { getCurrentUser } from "@/lib/session";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { getOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import { AUTH_REQUEST_FIELDS, AuthorizationRequestSchema } from "@/lib/validation/indieauth";
import { issueCode } from "@/lib/indieauth/codes";
import { escapeHtml } from "@/lib/content/escape";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

function backToApp(url: URL): Response {
  const href = escapeHtml(url.toString());
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta http-equiv="refresh" content="0;url=${href}"><title>Back to ${escapeHtml(url.host)}</title></head><body><main><p>Taking you back to <a href="${href}">${escapeHtml(url.host)}</a>…</p></main></body></html>`;
  // The code in the URL must not stay in a shared cache or be sent on as a referrer.
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

export async function POST(req: Request): Promise<Response> {
  const site = await siteUrl();
  const user = await getCurrentUser();
  if (!user) return seeOther(`${site}/login/`);
  // Another site's form must not approve an app in this person's name.
  if (!isSameOriginRequest(req.headers)) return new Response("Cross-site requests are not allowed.\n", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return seeOther(`${site}/admin/indieauth/?invalid=1`);
  }
  const raw = Object.fromEntries(AUTH_REQUEST_FIELDS.flatMap((k) => {
    const v = form.get(k);
    return typeof v === "string" && v !== "" ? [[k, v]] : [];
  }));
  const parsed = AuthorizationRequestSchema.safeParse(raw);
  if (!parsed.success || !(await getOptions()).enable_micropub) return seeOther(`${site}/admin/indieauth/?invalid=1`);
  const r = parsed.data;
  const back = new URL(r.redirect_uri);
  back.searchParams.set("state", r.state);
  back.searchParams.set("iss", `${site}/`);
  if (form.get("decision") !== "approve") {
    back.searchParams.set("error", "access_denied");
    return backToApp(back);
  }
  // Only the scopes the person left ticked are granted.
  const ticked = new Set(form.getAll("grant").filter((v): v is string => typeof v === "string"));
  const scope = r.scope.filter((s) => s === "profile" || ticked.has(s));
  back.searchParams.set("code", issueCode({ userId: user.id, clientId: r.client_id, redirectUri: r.redirect_uri, scope, challenge: r.code_challenge ?? null }));
  return backToApp(back);
}
