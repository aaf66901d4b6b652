// Profile → "Enable fediverse profile": turning it on makes the author an actor (keys are made at
// its first use); turning it off tells the author's followers that the actor is deleted (a
// Delete of the actor, signed with its own key, as WordPress's plugin sends when a user loses
// the capability), forgets those followers, and the actor answers 410 from then on.
import { Delete, PUBLIC_COLLECTION } from "@fedify/vocab";
import { deleteFollowersOf, getFediverseUser, listFollowerRecipients, setUserFediverse } from "@/db/queries/federation";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { isLocalActor, mayHaveFediverseProfile } from "./authors";
import { getFederation } from "./federation";

export type ProfileOutcome = "enabled" | "disabled" | "unchanged" | "forbidden";

export async function setFediverseProfile(userId: number, on: boolean): Promise<ProfileOutcome> {
  const user = await getFediverseUser({ id: userId });
  if (!user) return "forbidden";
  if (on && !mayHaveFediverseProfile(user.role)) return "forbidden";
  if (user.fediverse === on) return "unchanged";
  if (!on) await tellFollowersGone(String(userId));
  await setUserFediverse(userId, on);
  logEvent("federation.author_profile", { userId, enabled: on });
  return on ? "enabled" : "disabled";
}

/** Sends Delete(actor) to everyone who followed the author, then forgets them. */
async function tellFollowersGone(identifier: string) {
  // Only an actor that is one now can sign: one the actor mode hides has nothing to tell.
  if (await isLocalActor(identifier)) {
    const recipients = (await listFollowerRecipients([identifier])).map((f) => ({ id: new URL(f.actorId), inboxId: new URL(f.inbox), endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null }));
    if (recipients.length) {
      const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
      const me = ctx.getActorUri(identifier);
      // The keys go into the queued message now (Fedify signs each delivery with them), so the
      // Delete still goes out signed after the actor itself answers 410.
      await ctx.sendActivity({ identifier }, recipients, new Delete({ id: new URL(`#delete-${crypto.randomUUID()}`, me), actor: me, object: me, to: PUBLIC_COLLECTION }), { preferSharedInbox: true });
    }
  }
  await deleteFollowersOf(identifier);
}
