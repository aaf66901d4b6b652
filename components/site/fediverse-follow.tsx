// The "Follow me on the fediverse" widget's body (as WordPress's ActivityPub plugin's block): the
// blog's handle, copyable, and a form that sends the reader to their own server's follow screen
// (app/fediverse/follow/route.ts). Works without JavaScript; the Copy button comes with it.
import { CopyButton } from "./copy-button";

export function FediverseFollow({ name, account }: { name: string; account: string }) {
  const handle = `@${account}`;
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="sr-only">{name} on the fediverse:</span>
        <code className="break-all select-all">{handle}</code>
        <CopyButton text={handle} label={`Copy ${handle}`} />
      </p>
      <form action="/fediverse/follow/" method="get" className="space-y-1">
        <label htmlFor="fediverse-instance" className="block">Follow from your server</label>
        <div className="flex gap-2">
          <input id="fediverse-instance" name="instance" required maxLength={255} placeholder="mastodon.social" autoComplete="off" inputMode="url" className="min-w-0 flex-1 border border-line bg-paper px-2 py-1 text-ink" />
          <button type="submit" className="border border-line bg-panel px-2 py-1 text-ink">Follow</button>
        </div>
      </form>
    </div>
  );
}
