import Link from "next/link";
import { setFediverseProfileAction } from "../actions";

interface Props {
  enabled: boolean;
  /** @nicename@host, shown once the profile is on. */
  handle: string;
  followers: number;
  notice?: { text: string; ok: boolean };
}

/**
 * Profile → Fediverse (WordPress's ActivityPub plugin's "Enable fediverse profile"): a plain form
 * posting to a server action, so it works without JavaScript.
 */
export function FediverseForm({ enabled, handle, followers, notice }: Props) {
  return (
    <form id="fediverse" action={setFediverseProfileAction} aria-labelledby="fediverse-heading" className="mt-4 max-w-xl space-y-3 rounded border border-gray-300 bg-white p-4">
      <h2 id="fediverse-heading" className="font-semibold">Fediverse</h2>
      {notice ? <p role="status" className={`border-l-4 p-2 text-sm ${notice.ok ? "border-green-700" : "border-red-700 text-red-900"}`}>{notice.text}</p> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="fediverse" value="1" defaultChecked={enabled} className="mt-1" aria-describedby="fediverse-help" />
        <span>Enable fediverse profile</span>
      </label>
      <p id="fediverse-help" className="text-sm text-gray-700">
        People on Mastodon and other fediverse servers can follow you, and your posts reach them under your name. Turning it off tells your followers&apos; servers that the profile is deleted.
      </p>
      {enabled ? (
        <p className="text-sm">
          Your handle: <strong className="break-all select-all">@{handle}</strong> ·{" "}
          <Link href="/admin/users/followers/?actor=me" className="text-[#2271b1] underline">{followers === 1 ? "1 follower" : `${followers} followers`}</Link>
        </p>
      ) : null}
      <button type="submit" className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white">Save fediverse profile</button>
    </form>
  );
}
