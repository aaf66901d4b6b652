"use server";
// The password form of a protected post (WordPress's wp-login.php?action=postpass).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { consumeRate } from "@/db/queries/rate-limits";
import { canReadPost } from "@/lib/auth/capabilities";
import { POSTPASS_RATE } from "@/lib/content/post-pass";
import { clientIpFrom } from "@/lib/request-ip";
import { currentReader } from "@/lib/session";
import { postById } from "@/lib/site/reads";
import { siteOptions } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { POSTPASS_COOKIE, POSTPASS_MAX_AGE, postPassToken } from "@/lib/site/post-password";

const UnlockSchema = z.object({ postId: z.coerce.number().int().positive(), password: z.string().max(255) });

export async function unlockPostAction(formData: FormData) {
  const parsed = UnlockSchema.safeParse({ postId: formData.get("postId"), password: formData.get("post_password") ?? "" });
  if (!parsed.success) redirect("/");
  const post = await postById(parsed.data.postId);
  // A post this reader may not see answers as a missing one: no permalink, so no slug.
  if (!post || !post.password || !canReadPost(await currentReader(), post)) redirect("/");
  const url = await permalinkOf(post, await siteOptions());
  const back = (notice: string) => `${url}${url.includes("?") ? "&" : "?"}wrong-password=${notice}`;
  // Every try counts, right or wrong, before the password is compared: a guesser learns nothing
  // once over the limit. The post's own count only moves for addresses still under theirs.
  const ip = clientIpFrom(await headers());
  const allowed =
    (await consumeRate("postpass-ip", ip, POSTPASS_RATE.perIp, POSTPASS_RATE.seconds)) &&
    (await consumeRate("postpass-post", String(post.id), POSTPASS_RATE.perPost, POSTPASS_RATE.seconds));
  if (!allowed) redirect(back("wait"));
  // Like WordPress, the cookie keeps the last password typed; a wrong one simply shows the form again.
  (await cookies()).set(POSTPASS_COOKIE, postPassToken(parsed.data.password), {
    maxAge: POSTPASS_MAX_AGE,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
  });
  redirect(parsed.data.password === post.password ? url : back("1"));
}
