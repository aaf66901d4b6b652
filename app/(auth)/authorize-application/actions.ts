"use server";
// wp-admin/authorize-application.php's two buttons. Approving creates an application password for
// the signed-in user and hands it to the app at its success_url (site_url, user_login, password),
// as WordPress does; without a success_url the password is shown here once. Rejecting sends the
// app to reject_url (else success_url) with success=false.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { createAppPassword } from "@/lib/auth/app-passwords";
import { listApplicationPasswords } from "@/db/queries/application-passwords";
import { AppPasswordNameSchema, AuthorizeApplicationSchema } from "@/lib/validation/app-password";
import { siteUrl } from "@/lib/site-url";
import type { FormState } from "@/lib/form-state";

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export async function authorizeApplicationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const me = await requireCapability("read");
  const request = AuthorizeApplicationSchema.safeParse({
    app_name: formData.get("app_name") ?? "", app_id: formData.get("app_id") ?? "",
    success_url: formData.get("success_url") ?? "", reject_url: formData.get("reject_url") ?? "",
  });
  if (!request.success) return { status: "error", message: request.error.issues[0]!.message };
  const { app_id, success_url, reject_url } = request.data;
  if (formData.get("decision") === "reject") {
    const target = reject_url || success_url;
    redirect(target ? withParams(target, { success: "false" }) : "/admin/");
  }
  const values = { name: String(formData.get("name") ?? "") };
  const parsed = AppPasswordNameSchema.safeParse(values);
  if (!parsed.success) return { status: "error", message: "No application password was created.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  if ((await listApplicationPasswords(me.id)).some((p) => p.name.toLowerCase() === parsed.data.name.toLowerCase())) {
    return { status: "error", message: "No application password was created.", fieldErrors: { name: ["Each application name should be unique."] }, values };
  }
  const { password } = await createAppPassword(me.id, parsed.data.name, app_id);
  if (success_url) redirect(withParams(success_url, { site_url: await siteUrl(), user_login: me.login, password }));
  return { status: "success", message: `Your new password for ${parsed.data.name} is:`, values: { name: parsed.data.name, password } };
}
