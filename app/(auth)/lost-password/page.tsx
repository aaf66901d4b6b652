import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthNotice, AuthScreen } from "../_components/auth-screen";
import { LostPasswordForm } from "./_components/lost-password-form";
import { getOptions } from "@/db/queries/options";
import { INVALID_LINK } from "@/lib/validation/password-reset";

export const metadata: Metadata = { title: "Lost Password", robots: { index: false } };

type Props = { searchParams: Promise<{ error?: string }> };

/** WordPress's wp-login.php?action=lostpassword (next.config.ts sends that address here). */
export default async function LostPasswordPage({ searchParams }: Props) {
  await connection();
  const { error } = await searchParams;
  const opts = await getOptions();
  const notice = error === "invalidkey" ? (
    <AuthNotice tone="error">{INVALID_LINK}</AuthNotice>
  ) : (
    <AuthNotice tone="info">
      Please enter your username or email address. You will receive an email message with instructions on how to reset your password.
    </AuthNotice>
  );
  return (
    <AuthScreen blogname={opts.blogname} notices={notice}>
      <LostPasswordForm />
    </AuthScreen>
  );
}
