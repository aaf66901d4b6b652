"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { approveFollower, blockFollower, dropFollower, unblockFollower, type FollowerOutcome } from "@/lib/federation/followers";

// The blog's followers are the site's, so the capability is Settings' (WordPress's ActivityPub
// plugin lists the blog profile's followers to those who may manage_options).
const FollowerAction = z.object({
  id: z.coerce.number().int().positive(),
  action: z.enum(["approve", "reject", "remove", "block", "unblock"]),
  view: z.enum(["accepted", "pending", "blocked"]).catch("accepted"),
});

export async function manageFollowerAction(formData: FormData): Promise<void> {
  await requireCapability("manage_options");
  const parsed = FollowerAction.safeParse({ id: formData.get("id"), action: formData.get("action"), view: formData.get("view") });
  if (!parsed.success) redirect("/admin/users/followers/?message=invalid");
  const { id, action, view } = parsed.data;
  let outcome: FollowerOutcome;
  if (action === "approve") outcome = await approveFollower(id);
  else if (action === "reject") outcome = await dropFollower(id, "pending");
  else if (action === "remove") outcome = await dropFollower(id, "accepted");
  else if (action === "block") outcome = await blockFollower(id);
  else outcome = await unblockFollower(id);
  redirect(`/admin/users/followers/?status=${view}&message=${action === "unblock" && outcome === "removed" ? "unblocked" : outcome}`);
}
