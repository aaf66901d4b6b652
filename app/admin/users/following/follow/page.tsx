// Mastodon's remote follow lands here (through /fediverse/subscribe/, this blog's WebFinger
// subscribe template, which asks to sign in first): the account, and Follow to confirm; nothing
// is sent before the button.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser, requireCapability } from "@/lib/session";
import { FollowError, lookupAccount, MAX_ACCOUNT_LENGTH } from "@/lib/federation/following";
import { describeFollower } from "@/lib/federation/federation";
import { getFollowingByActorId } from "@/db/queries/following";
import { followAccountAction } from "../actions";

export const metadata: Metadata = { title: "Follow" };

export default async function Page({ searchParams }: { searchParams: Promise<{ uri?: string }> }) {
  const sp = await searchParams;
  const uri = (sp.uri ?? "").slice(0, MAX_ACCOUNT_LENGTH);
  if (!(await getCurrentUser())) redirect(`/login/?redirect_to=${encodeURIComponent(`/admin/users/following/follow/?uri=${encodeURIComponent(uri)}`)}`);
  await requireCapability("manage_options");
  let account: ReturnType<typeof describeFollower> | undefined;
  let error: string | undefined;
  try {
    account = describeFollower(await lookupAccount(uri));
  } catch (e) {
    if (!(e instanceof FollowError)) throw e;
    error = e.message;
  }
  const known = account ? await getFollowingByActorId(account.actorId) : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold">Follow</h1>
      {error || !account ? (
        <p role="alert" className="mt-4 border-l-4 border-red-700 bg-white p-3 text-sm text-red-900">{error ?? "No account was named."}</p>
      ) : (
        <section aria-labelledby="account-h" className="mt-4 max-w-xl rounded border border-gray-300 bg-white p-4 text-sm">
          <h2 id="account-h" className="break-all text-lg font-semibold">{account.name || account.handle}</h2>
          <p className="break-all"><a href={account.url} className="text-[#2271b1]" rel="nofollow noopener">{account.handle}</a> · {account.server}</p>
          {known ? (
            <p className="mt-3">{known.status === "accepted" ? "The blog already follows this account." : "A follow request is waiting for their server’s answer."}</p>
          ) : (
            <form action={followAccountAction} className="mt-3">
              <input type="hidden" name="account" value={account.actorId} />
              <button type="submit" className="rounded bg-[#2271b1] px-3 py-1 text-white">Follow {account.handle}</button>
            </form>
          )}
        </section>
      )}
      <p className="mt-4 text-sm"><Link href="/admin/users/following/" className="text-[#2271b1]">All accounts the blog follows</Link></p>
    </>
  );
}
