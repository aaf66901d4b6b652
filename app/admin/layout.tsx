import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { requireUser } from "@/lib/session";
import { roleCan, ROLE_LABELS } from "@/lib/auth/capabilities";
import { ADMIN_MENU } from "@/components/admin/menu";
import { getOptions } from "@/db/queries/options";
import { countPendingComments } from "@/db/queries/comment-admin";
import { signOutAction } from "@/app/(auth)/login/actions";

export const metadata: Metadata = { title: { template: "%s ‹ Inkwell admin", default: "Dashboard ‹ Inkwell admin" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await requireUser();
  const opts = await getOptions();
  const menu = ADMIN_MENU.filter((item) => roleCan(user.role, item.cap));
  // Moderators see every held comment; others those on their own posts.
  const pending = await countPendingComments(roleCan(user.role, "moderate_comments") ? undefined : user.id);
  return (
    <div className="min-h-screen bg-[#f0f0f1] font-sans text-[#1d2327]">
      <header className="flex items-center justify-between bg-[#1d2327] px-4 py-2 text-sm text-white">
        <Link href="/" className="font-semibold hover:underline">{opts.blogname}</Link>
        <div className="flex items-center gap-4">
          <span>Howdy, {user.displayName} <span className="text-gray-300">({ROLE_LABELS[user.role]})</span></span>
          <form action={signOutAction}>
            <button type="submit" className="underline">Log Out</button>
          </form>
        </div>
      </header>
      <div className="flex flex-col md:flex-row">
        <nav aria-label="Admin menu" className="bg-[#2c3338] md:min-h-[calc(100vh-2.5rem)] md:w-44">
          <ul className="flex flex-wrap md:block">
            {menu.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block px-4 py-2 text-sm text-white hover:bg-[#2271b1]"
                  aria-describedby={item.badge === "pending_comments" && pending > 0 ? "pending-comments-count" : undefined}
                >
                  {item.label}
                  {item.badge === "pending_comments" && pending > 0 ? (
                    <>
                      {" "}
                      <span aria-hidden="true" className="ml-1 rounded-full bg-[#d63638] px-1.5 text-xs">{pending}</span>
                      {/* The link keeps its name; the count is its description, as a screen reader should hear it. */}
                      <span id="pending-comments-count" hidden>{pending} {pending === 1 ? "Comment" : "Comments"} in moderation</span>
                    </>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-3 sm:p-6">{children}</main>
      </div>
    </div>
  );
}
