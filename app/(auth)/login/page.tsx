import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { LoginForm } from "./_components/login-form";
import { getOptions } from "@/db/queries/options";
import { getCurrentUser } from "@/lib/session";
import { safeRedirectPath } from "@/lib/security/redirect-target";
import { siteUrl } from "@/lib/site-url";
import { CHECK_EMAIL } from "@/lib/validation/password-reset";

export const metadata: Metadata = { title: "Log In", robots: { index: false } };

type Props = { searchParams: Promise<{ redirect_to?: string; loggedout?: string; checkemail?: string; password?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  if (await getCurrentUser()) redirect(safeRedirectPath(sp.redirect_to, "/admin/", siteUrl()));
  const opts = getOptions();
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">
        <Link href="/">{opts.blogname}</Link>
      </h1>
      {sp.loggedout ? <p className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 text-sm" role="status">You are now logged out.</p> : null}
      {sp.checkemail === "confirm" ? <p className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 text-sm" role="status">{CHECK_EMAIL}</p> : null}
      {sp.password === "reset" ? <p className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 text-sm" role="status">Your password has been reset. You can log in with it now.</p> : null}
      {sp.checkemail === "registered" ? <p className="mb-4 border-l-4 border-green-700 bg-green-50 p-3 text-sm" role="status">Registration complete. You can log in now.</p> : null}
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">
        <LoginForm redirectTo={sp.redirect_to} />
      </div>
      <p className="mt-4 text-center text-sm">
        {opts.users_can_register ? <><Link href="/register/" className="underline">Register</Link> · </> : null}
        <Link href="/lost-password/" className="underline">Lost your password?</Link> ·{" "}
        <Link href="/" className="underline">← Go to {opts.blogname}</Link>
      </p>
    </main>
  );
}
