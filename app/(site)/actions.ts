"use server";
// The password form of a protected post (WordPress's wp-login.php?action=postpass).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { postById } from "@/lib/site/reads";
import { siteOptions } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { POSTPASS_COOKIE, POSTPASS_MAX_AGE, postPassToken } from "@/lib/site/post-password";

const UnlockSchema = z.object({ postId: z.coerce.number().int().positive(), password: z.string().max(255) });

export async function unlockPostAction(formData: FormData) {
  const parsed = UnlockSchema.safeParse({ postId: formData.get("postId"), password: formData.get("post_password") ?? "" });
  if (!parsed.success) redirect("/");
  const post = postById(parsed.data.postId);
  if (!post || !post.password) redirect("/");
  // Like WordPress, the cookie keeps the last password typed; a wrong one simply shows the form again.
  (await cookies()).set(POSTPASS_COOKIE, postPassToken(parsed.data.password), {
    maxAge: POSTPASS_MAX_AGE,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
  });
  const url = permalinkOf(post, siteOptions());
  redirect(parsed.data.password === post.password ? url : `${url}${url.includes("?") ? "&" : "?"}wrong-password=1`);
}
