import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthNotice, AuthScreen } from "../_components/auth-screen";
import { forbidden, redirect } from "next/navigation";
import { RegisterForm } from "./_components/register-form";
import { getOptions } from "@/db/queries/options";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Registration Form", robots: { index: false } };

export default async function RegisterPage() {
  await connection();
  const opts = await getOptions();
  if (!opts.users_can_register) forbidden();
  if (await getCurrentUser()) redirect("/admin/");
  return (
    <AuthScreen blogname={opts.blogname} notices={<AuthNotice tone="info">Register For This Site</AuthNotice>}>
      <RegisterForm />
    </AuthScreen>
  );
}
