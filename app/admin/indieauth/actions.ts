"use server";

import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { AUTH_REQUEST_FIELDS, AuthorizationRequestSchema } from "@/lib/validation/indieauth";
import { issueCode } from "@/lib/indieauth/codes";
import { siteUrl } from "@/lib/site-url";
import { getOptions } from "@/db/queries/options";
import { revokeTokenById } from "@/lib/indieauth/tokens";
import { z } from "zod";

/** Profile → Apps you approved: takes one app's token back. */
export async function revokeAppAction(formData: FormData): Promise<void> {
  const user = await requireCapability("read");
  const id = z.string().regex(/^[0-9a-f]{12}$/).safeParse(formData.get("id"));
  if (id.success) await revokeTokenById(user.id, id.data);
  redirect("/admin/indieauth/?revoked=1");
}

/** Approve or deny an app's IndieAuth request: back to the app with a code, or with access_denied. */
export async function decideIndieAuthAction(formData: FormData): Promise<void> {
  const user = await requireCapability("read");
  const raw = Object.fromEntries(AUTH_REQUEST_FIELDS.flatMap((k) => {
    const v = formData.get(k);
    return typeof v === "string" && v !== "" ? [[k, v]] : [];
  }));
  const parsed = AuthorizationRequestSchema.safeParse(raw);
  if (!parsed.success || !(await getOptions()).enable_micropub) redirect("/admin/indieauth/?invalid=1");
  const r = parsed.data;
  const back = new URL(r.redirect_uri);
  back.searchParams.set("state", r.state);
  back.searchParams.set("iss", `${await siteUrl()}/`);
  if (formData.get("decision") !== "approve") {
    back.searchParams.set("error", "access_denied");
    redirect(back.toString());
  }
  // Only the scopes the person ticked (all of those asked, by default) are granted.
  const ticked = new Set(formData.getAll("grant").filter((v): v is string => typeof v === "string"));
  const scope = r.scope.filter((s) => s === "profile" || ticked.has(s));
  back.searchParams.set("code", issueCode({ userId: user.id, clientId: r.client_id, redirectUri: r.redirect_uri, scope, challenge: r.code_challenge ?? null }));
  redirect(back.toString());
}
