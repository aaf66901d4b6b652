// Password-protected posts: the reader types the password once; a cookie holding a keyed hash
// of it (never the password) opens the post for 10 days, as WordPress's wp-postpass cookie does.
import "server-only";
import { cookies } from "next/headers";
import { POSTPASS_COOKIE, postPassMatches } from "@/lib/content/post-pass";

export { POSTPASS_COOKIE, POSTPASS_MAX_AGE, postPassToken } from "@/lib/content/post-pass";

/** Has this reader given the post's password? */
export async function hasPostPassword(password: string): Promise<boolean> {
  return postPassMatches(password, (await cookies()).get(POSTPASS_COOKIE)?.value);
}
