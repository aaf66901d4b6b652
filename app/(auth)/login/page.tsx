import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthNotice, AuthScreen } from "../_components/auth-screen";
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
  if (await getCurrentUser()) redirect(safeRedirectPath(sp.redirect_to, "/admin/", await siteUrl()));
  const opts = await getOptions();
  const notices = (
    <>
      {sp.loggedout ? <AuthNotice tone="success">You are now logged out.</AuthNotice> : null}
      {sp.checkemail === "confirm" ? <AuthNotice tone="success">{CHECK_EMAIL}</AuthNotice> : null}
      {sp.password === "reset" ? <AuthNotice tone="success">Your password has been reset. You can log in with it now.</AuthNotice> : null}
      {sp.checkemail === "registered" ? <AuthNotice tone="success">Registration complete. You can log in now.</AuthNotice> : null}
    </>
  );
  const links = (
    <>
      {opts.users_can_register ? <><Link href="/register/" className="underline">Register</Link> · </> : null}
      <Link href="/lost-password/" className="underline">Lost your password?</Link>
    </>
  );
  return (
    <AuthScreen blogname={opts.blogname} notices={notices} links={links}>
      <LoginForm redirectTo={sp.redirect_to} />
    </AuthScreen>
  );
}
