"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { getFollowerById } from "@/db/queries/federation";
import { approveFollower, blockFollower, dropFollower, unblockFollower, type FollowerOutcome } from "@/lib/federation/followers";

// The blog's followers are the site's, so the capability is Settings' (WordPress's ActivityPub
// plugin lists the blog profile's followers to those who may manage_options); an author's
// followers are the author's own to manage.
const FollowerAction = z.object({
  id: z.coerce.number().int().positive(),
  action: z.enum(["approve", "reject", "remove", "block", "unblock"]),
  view: z.enum(["accepted", "pending", "blocked"]).catch("accepted"),
  actor: z.literal("me").nullable().catch(null),
});

export async function manageFollowerAction(formData: FormData): Promise<void> {
  const me = await requireCapability("publish_posts");
  const parsed = FollowerAction.safeParse({ id: formData.get("id"), action: formData.get("action"), view: formData.get("view"), actor: formData.get("actor") });
  if (!parsed.success) redirect("/admin/users/followers/?message=invalid");
  const { id, action, view } = parsed.data;
  const back = `/admin/users/followers/?${parsed.data.actor ? "actor=me&" : ""}status=${view}`;
  // Whose follower it is decides who may touch it: the blog's, a manager; an author's, that author.
  const row = await getFollowerById(id);
  const allowed = row && (row.followed === "blog" ? roleCan(me.role, "manage_options") : row.followed === String(me.id));
  if (!allowed) redirect(`${back}&message=not-found`);
  let outcome: FollowerOutcome;
  if (action === "approve") outcome = await approveFollower(id);
  else if (action === "reject") outcome = await dropFollower(id, "pending");
  else if (action === "remove") outcome = await dropFollower(id, "accepted");
  else if (action === "block") outcome = await blockFollower(id);
  else outcome = await unblockFollower(id);
  redirect(`${back}&message=${action === "unblock" && outcome === "removed" ? "unblocked" : outcome}`);
}
