import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { MailLog } from "@/components/admin/mail-log";
import { listMailOutcomes } from "@/lib/mail/queue";
import { mailConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Tools" };

export default async function ToolsPage() {
  await requireCapability("import");
  return (
    <>
      <h1 className="text-2xl font-semibold">Tools</h1>
      <ul className="mt-4 max-w-2xl space-y-3">
        <li className="rounded border border-gray-300 bg-white p-4">
          <h2 className="font-semibold"><Link className="text-[#2271b1] underline" href="/admin/tools/import/">Import</Link></h2>
          <p className="text-sm">Bring posts, pages, comments, categories, tags and authors from a WordPress export file, or from a WordPress site by its address.</p>
        </li>
        <li className="rounded border border-gray-300 bg-white p-4">
          <h2 className="font-semibold"><Link className="text-[#2271b1] underline" href="/admin/tools/export/">Export</Link></h2>
          <p className="text-sm">Download your content as a WordPress export file (WXR), for WordPress or another Inkwell.</p>
        </li>
      </ul>
      <MailLog configured={mailConfigured()} mails={await listMailOutcomes()} />
    </>
  );
}
