import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { requireUser } from "@/lib/session";
import { roleCan, ROLE_LABELS } from "@/lib/auth/capabilities";
import { ADMIN_MENU, ADMIN_MENU_ID } from "@/components/admin/menu";
import { MenuToggle } from "@/components/admin/menu-toggle";
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
      <header className="flex items-center justify-between gap-3 bg-[#1d2327] px-4 py-2 text-sm text-white">
        <div className="flex min-w-0 items-center gap-3">
          <MenuToggle />
          <Link href="/" className="font-semibold hover:underline">{opts.blogname}</Link>
        </div>
        <div className="flex items-center gap-4">
          <span>Howdy, {user.displayName} <span className="text-gray-300 max-[781px]:hidden">({ROLE_LABELS[user.role]})</span></span>
          <form action={signOutAction}>
            <button type="submit" className="underline">Log Out</button>
          </form>
        </div>
      </header>
      {/* Below 782 px, as in WordPress, the menu is folded until the bar's Menu toggle opens it
          (data-open), or, without JavaScript, until the toggle's link makes it the target. */}
      <div className="flex flex-col min-[782px]:flex-row">
        <nav id={ADMIN_MENU_ID} aria-label="Admin menu" className="hidden bg-[#2c3338] target:block data-open:block min-[782px]:block min-[782px]:min-h-[calc(100vh-2.5rem)] min-[782px]:w-44">
          <ul>
            {menu.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block px-4 py-3 text-sm text-white hover:bg-[#2271b1] min-[782px]:py-2"
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
