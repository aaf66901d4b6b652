// What the admin does to followers (Users → Followers): approve or reject a held request, remove
// a follower, block an actor. Each tells the follower's server, through the job queue: an Accept
// of its Follow, or a Reject, which Mastodon and the others read as "no longer following".
import { Follow, Accept, Reject } from "@fedify/vocab";
import { deleteFollowerById, getFollowerById, updateFollowerStatus, upsertFollower, type FollowerStatus } from "@/db/queries/federation";
import type { FederationFollower } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";
import { getFederation } from "./federation";

export type FollowerOutcome = "approved" | "rejected" | "removed" | "blocked" | "not-found";

async function tell(f: FederationFollower, kind: "accept" | "reject") {
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  // From whom they followed: the blog, or an author (lib/federation/authors.ts).
  const me = ctx.getActorUri(f.followed);
  const follow = new Follow({ id: f.followId ? new URL(f.followId) : null, actor: new URL(f.actorId), object: me });
  const id = new URL(`#${kind}-${crypto.randomUUID()}`, me);
  const activity = kind === "accept" ? new Accept({ id, actor: me, object: follow }) : new Reject({ id, actor: me, object: follow });
  const recipient = { id: new URL(f.actorId), inboxId: new URL(f.inbox), endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null };
  await ctx.sendActivity({ identifier: f.followed }, recipient, activity);
}

export async function approveFollower(id: number): Promise<FollowerOutcome> {
  const row = await updateFollowerStatus(id, "pending", "accepted");
  if (!row) return "not-found";
  await tell(row, "accept");
  return "approved";
}

/** Rejects a held request, or removes a follower: the row goes, the server is told. */
export async function dropFollower(id: number, expected: FollowerStatus): Promise<FollowerOutcome> {
  const row = await getFollowerById(id);
  if (!row || row.status !== expected || !(await deleteFollowerById(id))) return "not-found";
  await tell(row, "reject");
  return expected === "pending" ? "rejected" : "removed";
}

/** Blocks the actor: it stops following, and its next Follow is refused at the inbox. */
export async function blockFollower(id: number): Promise<FollowerOutcome> {
  const row = await getFollowerById(id);
  if (!row || row.status === "blocked") return "not-found";
  await upsertFollower({ ...row, status: "blocked" });
  await tell(row, "reject");
  return "blocked";
}

/** Lifts a block: the actor may follow again (it has to send a new Follow). */
export async function unblockFollower(id: number): Promise<FollowerOutcome> {
  const row = await getFollowerById(id);
  if (!row || row.status !== "blocked" || !(await deleteFollowerById(id))) return "not-found";
  return "removed";
}
