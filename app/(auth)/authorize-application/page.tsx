import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/session";
import { AuthorizeApplicationSchema } from "@/lib/validation/app-password";
import { connection } from "next/server";
import { getOptions } from "@/db/queries/options";
import { AuthNotice, AuthScreen } from "../_components/auth-screen";
import { AuthorizeForm } from "./_components/authorize-form";

export const metadata: Metadata = { title: "Authorize Application", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * wp-admin/authorize-application.php (next.config.ts sends that address here): an app asks for an
 * application password for the signed-in user. Outside /admin so that signing in first comes back here.
 */
export default async function Page({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? sp[k] : "");
  const me = await getCurrentUser();
  if (!me) {
    const back = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
    redirect(`/login/?redirect_to=${encodeURIComponent(`/authorize-application/?${back}`)}`);
  }
  const parsed = AuthorizeApplicationSchema.safeParse({ app_name: one("app_name"), app_id: one("app_id"), success_url: one("success_url"), reject_url: one("reject_url") });
  const opts = await getOptions();
  if (!parsed.success) {
    return (
      <AuthScreen blogname={opts.blogname} notices={<AuthNotice tone="error">{parsed.error.issues[0]!.message}</AuthNotice>} links={<a href="/admin/" className="underline">Dashboard</a>}>
        <h2 className="text-lg font-semibold">Authorize Application</h2>
        <p className="mt-2 text-sm">The application that sent you here gave an address this site will not send a password to.</p>
      </AuthScreen>
    );
  }
  return (
    <AuthScreen blogname={opts.blogname} links={<a href="/admin/profile/" className="underline">Your application passwords</a>}>
      <h2 className="text-lg font-semibold">Authorize Application</h2>
      <p className="mt-2 text-sm">
        Would you like to give {parsed.data.app_name ? <strong>&ldquo;{parsed.data.app_name}&rdquo;</strong> : "this application"} access to
        your account? You should only do this if you trust the app in question.
      </p>
      <div className="mt-4"><AuthorizeForm request={parsed.data} login={me.login} /></div>
    </AuthScreen>
  );
}
