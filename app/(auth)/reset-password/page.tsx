import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
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
  if (typeof key !== "string" || typeof login !== "string" || !checkResetKey(login, key)) redirect("/lost-password/?error=invalidkey");
  const opts = getOptions();
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">
        <Link href="/">{opts.blogname}</Link>
      </h1>
      <p className="mb-4 border-l-4 border-[#72aee6] bg-white p-3 text-sm">Enter your new password below.</p>
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">
        <ResetPasswordForm login={login} resetKey={key} />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/login/" className="underline">Log in</Link> · <Link href="/" className="underline">← Go to {opts.blogname}</Link>
      </p>
    </main>
  );
}
