// The blog's fediverse handle, apart from federation.ts so that pages (the follow widget) can
// show it without loading Fedify.
import { getOption } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";

/** The blog's handle: the setting, else the site's host without "www." (WordPress's plugin default). */
export async function blogHandle(): Promise<string> {
  const chosen = (await getOption("activitypub_blog_identifier")).trim();
  if (chosen) return chosen;
  return new URL(await siteUrl()).hostname.replace(/^www\./i, "");
}

/** The whole address a fediverse user types to find the blog: handle@host (the site's host, with its port if any). */
export async function blogAccount(): Promise<string> {
  return `${await blogHandle()}@${new URL(await siteUrl()).host}`;
}
