"use server";

import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { revokeTokenById } from "@/lib/indieauth/tokens";
import { z } from "zod";

/** Profile → Apps you approved: takes one app's token back. */
export async function revokeAppAction(formData: FormData): Promise<void> {
  const user = await requireCapability("read");
  const id = z.string().regex(/^[0-9a-f]{12}$/).safeParse(formData.get("id"));
  if (id.success) await revokeTokenById(user.id, id.data);
  redirect("/admin/indieauth/?revoked=1");
}
