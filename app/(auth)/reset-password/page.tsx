import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthNotice, AuthScreen } from "../_components/auth-screen";
import { redirect } from "next/navigation";
import { ResetPasswordForm } from "./_components/reset-password-form";
import { getOptions } from "@/db/queries/options";
import { checkResetKey } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Reset Password", robots: { index: false } };

type Props = { searchParams: Promise<{ key?: string; login?: string }> };

/** The link from the mail (WordPress's wp-login.php?action=rp): checked, not spent, until the form is sent. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  await connection();
  const { key, login } = await searchParams;
  if (typeof key !== "string" || typeof login !== "string" || !await checkResetKey(login, key)) redirect("/lost-password/?error=invalidkey");
  const opts = await getOptions();
  return (
    <AuthScreen blogname={opts.blogname} notices={<AuthNotice tone="info">Enter your new password below.</AuthNotice>}>
      <ResetPasswordForm login={login} resetKey={key} />
    </AuthScreen>
  );
}
