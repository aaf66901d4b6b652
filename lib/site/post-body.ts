// A post's content as the_content gives it outside the theme's page (the REST API, feeds, the
// fediverse): blocks rendered (or wpautop for classic content), then core shortcodes with their
// media, then embeds, the same steps as the reader's page (lib/content/post-view.ts), without the
// page's block styles.
import { renderContent } from "@/lib/content/blocks";
import { shortcodesAndEmbeds } from "@/lib/content/post-view";
import { embedsFor } from "./embed-set";
import { shortcodeMediaFor } from "./shortcode-media";

type Source = { id: number; content: string };

/** Each post's rendered content by id; one query for the media and one for the embeds of them all. */
export async function postBodies(posts: Source[]): Promise<Map<number, string>> {
  const [media, embeds] = await Promise.all([shortcodeMediaFor(posts), embedsFor(posts)]);
  return new Map(posts.map((p) => [p.id, shortcodesAndEmbeds(renderContent(p.content), p.id, media, embeds)]));
}

export async function postBody(p: Source): Promise<string> {
  return (await postBodies([p])).get(p.id)!;
}
