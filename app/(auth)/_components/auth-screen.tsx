// The shell every sign-in screen shares (log in, register, lost and reset password), as WordPress's
// wp-login.php draws them all: the site's name, notices, one boxed form, and links below it.
import Link from "next/link";
import type { ReactNode } from "react";

const TONES = {
  info: { className: "border-[#72aee6] bg-white", role: undefined },
  success: { className: "border-green-700 bg-green-50", role: "status" },
  error: { className: "border-red-700 bg-red-50 text-red-900", role: "alert" },
} as const;

export function AuthNotice({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const { className, role } = TONES[tone];
  return <p className={`mb-4 border-l-4 p-3 text-sm ${className}`} role={role}>{children}</p>;
}

/** `links` go before "← Go to <site>"; the default is the way back to Log in. */
export function AuthScreen({ blogname, notices, links, children }: { blogname: string; notices?: ReactNode; links?: ReactNode; children: ReactNode }) {
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">
        <Link href="/">{blogname}</Link>
      </h1>
      {notices}
      <div className="rounded border border-gray-300 bg-white p-6 shadow-sm">{children}</div>
      <p className="mt-4 text-center text-sm">
        {links ?? <Link href="/login/" className="underline">Log in</Link>} ·{" "}
        <Link href="/" className="underline">← Go to {blogname}</Link>
      </p>
    </main>
  );
}
