// The picture a link to a post shows when shared (Facebook, Mastodon, Slack, iMessage read
// og:image; X reads twitter:image): the featured image, else the first image in the content, as
// Jetpack and Yoast choose it, else the site icon (Appearance → Customize). A protected post shows
// none: its picture is part of what the password hides.
import { parseHtml } from "@/lib/content/html-parse";
import { absolutize } from "./feed-urls";
import { featuredImagesFor, type PostCard } from "./reads";
import { siteIconImage } from "@/lib/identity/site-icon";

export interface ShareImage {
  /** Absolute. */
  url: string;
  width?: number;
  height?: number;
  alt: string;
}

const dimension = (v: string | undefined) => (v && /^\d{1,5}$/.test(v.trim()) && Number(v) > 0 ? Number(v) : undefined);

/** The first <img> of `html` with an http(s) source, resolved against `pageUrl`. */
export function firstContentImage(html: string, pageUrl: string): ShareImage | undefined {
  let found: ShareImage | undefined;
  parseHtml(html, (parser) => ({
    onopentag(name, attrs) {
      if (found || name !== "img" || !attrs.src) return;
      const url = absolutize(attrs.src, pageUrl);
      if (!/^https?:\/\//i.test(url)) return;
      const width = dimension(attrs.width);
      const height = dimension(attrs.height);
      found = { url, alt: attrs.alt ?? "", ...(width && height ? { width, height } : {}) };
      parser.pause();
    },
  }));
  return found;
}

export async function shareImage(p: Pick<PostCard, "id" | "featuredMediaId" | "content" | "password">, pageUrl: string): Promise<ShareImage | undefined> {
  if (p.password) return undefined;
  const featured = (await featuredImagesFor([p])).get(p.id);
  if (featured) return { url: absolutize(featured.src, pageUrl), width: featured.width, height: featured.height, alt: featured.alt };
  const inContent = firstContentImage(p.content, pageUrl);
  if (inContent) return inContent;
  const icon = await siteIconImage();
  return icon ? { url: absolutize(icon.src, pageUrl), width: icon.width, height: icon.height, alt: icon.alt } : undefined;
}
