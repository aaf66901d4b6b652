import type { Metadata } from "next";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { AUTH_REQUEST_FIELDS, AuthorizationRequestSchema } from "@/lib/validation/indieauth";
import { siteUrl } from "@/lib/site-url";
import { profileUrl } from "@/lib/indieauth/http";
import { ApprovedApps } from "./_components/approved-apps";

export const metadata: Metadata = { title: "Approve an app" };

const SCOPE_LABELS: Record<string, string> = {
  create: "Publish new posts as you",
  draft: "Save new posts as drafts only",
  update: "Edit your posts",
  delete: "Move your posts to the Trash and back",
  media: "Upload images and files",
  email: "See your email address",
};

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireCapability("read");
  const sp = await searchParams;
  // Without an app's request: the apps this person approved, to revoke.
  if (!sp.client_id && !sp.invalid) return <ApprovedApps userId={me.id} revoked={sp.revoked === "1"} />;
  const flat = Object.fromEntries(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const parsed = AuthorizationRequestSchema.safeParse(flat);
  if (!parsed.success || !(await getOptions()).enable_micropub) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Approve an app</h1>
        <p role="alert" className="mt-4 max-w-2xl border-l-4 border-red-700 bg-white p-3 text-sm text-red-900">
          {parsed.success ? "Apps cannot sign in here: IndieAuth is turned off in Settings → Writing." : `This request from an app is not valid, so it was not sent back to the app. ${z.prettifyError(parsed.error)}`}
        </p>
      </>
    );
  }
  const r = parsed.data;
  const app = new URL(r.client_id);
  const asked = r.scope.filter((s) => s !== "profile");
  const writes = asked.some((s) => ["create", "draft", "update", "delete", "media"].includes(s));
  return (
    <>
      <h1 className="text-2xl font-semibold">Approve an app</h1>
      <form method="post" action="/admin/indieauth/decide/" className="mt-4 max-w-2xl space-y-4 rounded border border-gray-300 bg-white p-4 text-sm">
        <p>
          <strong className="break-all">{app.host}</strong> wants to sign in as you, <strong>{me.displayName}</strong> (<span className="break-all">{profileUrl(await siteUrl(), me.nicename)}</span>).
        </p>
        <p className="text-gray-700">
          After you answer, you go back to <span className="break-all font-mono text-xs">{r.redirect_uri}</span>.
        </p>
        {asked.length ? (
          <fieldset className="space-y-2">
            <legend className="font-semibold">It asks to:</legend>
            {asked.map((s) => (
              <label key={s} className="flex items-start gap-2">
                <input type="checkbox" name="grant" value={s} defaultChecked className="mt-1" /> {SCOPE_LABELS[s] ?? s}
              </label>
            ))}
          </fieldset>
        ) : (
          <p>It asks only to know who you are; it will not be able to change anything.</p>
        )}
        {writes && !roleCan(me.role, "edit_posts") ? <p className="text-red-800">Your role cannot write posts, so the app will not be able to either.</p> : null}
        {Object.entries(flat).map(([k, v]) => ((AUTH_REQUEST_FIELDS as readonly string[]).includes(k) ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="decision" value="approve" className="rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Approve</button>
          <button type="submit" name="decision" value="deny" className="rounded border border-[#2271b1] px-4 py-2 font-semibold text-[#2271b1]">Deny</button>
        </div>
        <p className="text-xs text-gray-600">You can revoke an app’s access later under Profile → Apps you approved.</p>
      </form>
    </>
  );
}
