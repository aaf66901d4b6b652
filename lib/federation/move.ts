// Moving the blog's fediverse profile (a new domain, or another account): a Move activity to
// every follower says "follow <target> instead", and the actor shows movedTo. Mastodon accepts a
// Move only when the target lists this actor in its alsoKnownAs, so that is checked first (on a
// new Inkwell site: Settings → Discussion → "Also known as"). Run by `inkwell fediverse move`.
import { Move, isActor } from "@fedify/vocab";
import { updateOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import { BLOG, getFederation } from "./federation";

export class MoveError extends Error {}

export async function moveBlogTo(rawTarget: string): Promise<{ from: string; to: string }> {
  if (!URL.canParse(rawTarget) || !/^https?:$/.test(new URL(rawTarget).protocol)) throw new MoveError("The new address must be the new profile's actor URL (https://…).");
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  const me = ctx.getActorUri(BLOG);
  if (new URL(rawTarget).href === me.href) throw new MoveError("That is this blog's own address.");
  const target = await ctx.lookupObject(rawTarget, { documentLoader: await ctx.getDocumentLoader({ identifier: BLOG }) }).catch(() => null);
  if (!isActor(target) || !target.id) throw new MoveError(`No fediverse profile answers at ${rawTarget}.`);
  if (!target.aliasIds.some((a) => a.href === me.href)) {
    throw new MoveError(`${target.id.href} does not list ${me.href} among its earlier addresses (alsoKnownAs): add it there first (on Inkwell: Settings → Discussion → Also known as).`);
  }
  await updateOptions({ activitypub_moved_to: target.id.href });
  const move = new Move({ id: new URL(`#move-${crypto.randomUUID()}`, me), actor: me, object: me, target: target.id, to: ctx.getFollowersUri(BLOG) });
  await ctx.sendActivity({ identifier: BLOG }, "followers", move, { preferSharedInbox: true });
  return { from: me.href, to: target.id.href };
}
