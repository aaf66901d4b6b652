import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { forbidden, redirect } from "next/navigation";
import { RegisterForm } from "./_components/register-form";
import { getOptions } from "@/db/queries/options";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Registration Form", robots: { index: false } };

export default async function RegisterPage() {
  await connection();
  const opts = getOptions();
  if (!opts.users_can_register) forbidden();
  if (await getCurrentUser()) redirect("/admin/");
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">
        <Link href="/">{opts.blogname}</Link>
      </h1>
      <p className="mb-4 border-l-4 border-[#72aee6] bg-white p-3 text-sm">Register For This Site</p>
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">
        <RegisterForm />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/login/" className="underline">Log in</Link> · <Link href="/" className="underline">← Go to {opts.blogname}</Link>
      </p>
    </main>
  );
}
