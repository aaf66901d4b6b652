"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { setReaderItemLiked } from "@/lib/federation/reader";

const LikeInput = z.object({ id: z.coerce.number().int().positive(), like: z.enum(["1", "0"]), paged: z.coerce.number().int().positive().catch(1) });

/** Like / Unlike a Reader post: a Like (or its Undo) to the author's server, from the job queue. */
export async function likeReaderItemAction(formData: FormData): Promise<void> {
  await requireCapability("manage_options");
  const parsed = LikeInput.safeParse({ id: formData.get("id"), like: formData.get("like"), paged: formData.get("paged") ?? 1 });
  if (!parsed.success) redirect("/admin/reader/?message=not-found");
  const outcome = await setReaderItemLiked(parsed.data.id, parsed.data.like === "1");
  redirect(`/admin/reader/?paged=${parsed.data.paged}&message=${outcome}#item-${parsed.data.id}`);
}
