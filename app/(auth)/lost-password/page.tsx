import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LostPasswordForm } from "./_components/lost-password-form";
import { getOptions } from "@/db/queries/options";
import { INVALID_LINK } from "@/lib/validation/password-reset";

export const metadata: Metadata = { title: "Lost Password", robots: { index: false } };

type Props = { searchParams: Promise<{ error?: string }> };

/** WordPress's wp-login.php?action=lostpassword (next.config.ts sends that address here). */
export default async function LostPasswordPage({ searchParams }: Props) {
  await connection();
  const { error } = await searchParams;
  const opts = getOptions();
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">
        <Link href="/">{opts.blogname}</Link>
      </h1>
      {error === "invalidkey" ? (
        <p className="mb-4 border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="alert">{INVALID_LINK}</p>
      ) : (
        <p className="mb-4 border-l-4 border-[#72aee6] bg-white p-3 text-sm">
          Please enter your username or email address. You will receive an email message with instructions on how to reset your password.
        </p>
      )}
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">
        <LostPasswordForm />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/login/" className="underline">Log in</Link> · <Link href="/" className="underline">← Go to {opts.blogname}</Link>
      </p>
    </main>
  );
}
