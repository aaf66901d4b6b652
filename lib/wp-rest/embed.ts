// ?_embed: WordPress puts the linked resources a client would fetch next (the author, the
// featured image, the categories and tags) into each item's `_embedded`, so an app lists posts
// with their pictures and bylines in one request. Only what the public routes would show is embedded.
import { getRestTerm, getRestUser } from "@/db/queries/wp-rest";
import { getRestMedia } from "@/db/queries/rest-write";
import { getOptions } from "@/db/queries/options";
import { termUrl } from "@/lib/content/post-view";
import { absoluteUrl } from "@/lib/site-url";
import { formatRestTerm, formatRestUser } from "./format";
import { formatRestMedia } from "./media-rest";

type Item = Record<string, unknown>;

async function embedOne(item: Item): Promise<Item> {
  const embedded: Record<string, unknown[]> = {};
  const links = { ...(item._links as Record<string, unknown> | undefined) };
  if (typeof item.author === "number" && item.author > 0) {
    const u = await getRestUser(item.author);
    embedded.author = [u ? await formatRestUser(u) : { code: "rest_user_invalid_id", message: "Invalid user ID.", data: { status: 404 } }];
  }
  if (typeof item.featured_media === "number" && item.featured_media > 0) {
    const m = await getRestMedia(item.featured_media);
    if (m?.isPublic) {
      embedded["wp:featuredmedia"] = [await formatRestMedia(m.item)];
      links["wp:featuredmedia"] = [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/media/${m.item.id}`) }];
    }
  }
  if (Array.isArray(item.categories) || Array.isArray(item.tags)) {
    const opts = await getOptions();
    const terms = async (ids: unknown, taxonomy: "category" | "post_tag") => {
      const out: Item[] = [];
      for (const id of Array.isArray(ids) ? ids : []) {
        const t = await getRestTerm(taxonomy, Number(id));
        if (t) out.push(await formatRestTerm(t, await absoluteUrl(termUrl({ taxonomy, slug: t.slug }, opts))));
      }
      return out;
    };
    embedded["wp:term"] = [await terms(item.categories, "category"), await terms(item.tags, "post_tag")];
  }
  return Object.keys(embedded).length ? { ...item, _links: links, _embedded: embedded } : item;
}

export async function embedLinks(res: Response): Promise<Response> {
  if (res.status !== 200) return res;
  const body = (await res.json()) as Item | Item[];
  const out = Array.isArray(body) ? await Promise.all(body.map(embedOne)) : await embedOne(body);
  return new Response(JSON.stringify(out), { status: res.status, headers: res.headers });
}
