"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { FollowError, followAccount, MAX_ACCOUNT_LENGTH, unfollowAccount } from "@/lib/federation/following";

// The blog's follows are the site's, as its followers are: Settings' capability (WordPress's
// ActivityPub plugin shows the blog profile's Following to those who may manage_options).
const FollowInput = z.object({ account: z.string().trim().min(1, "Type an account to follow.").max(MAX_ACCOUNT_LENGTH, "That account is too long.") });
const UnfollowInput = z.object({ id: z.coerce.number().int().positive() });

const back = (params: Record<string, string>) => `/admin/users/following/?${new URLSearchParams(params)}`;

export async function followAccountAction(formData: FormData): Promise<void> {
  await requireCapability("manage_options");
  const parsed = FollowInput.safeParse({ account: formData.get("account") ?? "" });
  if (!parsed.success) redirect(back({ error: parsed.error.issues[0]!.message }));
  let target: string;
  try {
    const { status, row } = await followAccount(parsed.data.account);
    target = back({ message: status === "already" ? "already" : "sent", handle: row.handle });
  } catch (e) {
    if (!(e instanceof FollowError)) throw e;
    target = back({ error: e.message, account: parsed.data.account });
  }
  redirect(target);
}

export async function unfollowAccountAction(formData: FormData): Promise<void> {
  await requireCapability("manage_options");
  const parsed = UnfollowInput.safeParse({ id: formData.get("id") });
  if (!parsed.success) redirect(back({ message: "not-found" }));
  const row = await unfollowAccount(parsed.data.id);
  redirect(back(row ? { message: "unfollowed", handle: row.handle } : { message: "not-found" }));
}
