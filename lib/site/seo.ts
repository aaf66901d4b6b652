// <title>, canonical, description, OpenGraph and Twitter tags, feed autodiscovery, JSON-LD.
import type { Metadata } from "next";
import { htmlToText } from "./search-query";
import { siteOptions, type PostCard } from "./reads";
import type { SiteRoute } from "./resolve-path";
import { pagedUrl, permalinkOf } from "./urls";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { parseSqlGmt } from "@/lib/dates";
import { contentPages, splitMore } from "@/lib/content/format";
import { PROTECTED_EXCERPT, postPageUrl } from "@/lib/content/post-view";
import { shareImage } from "./share-image";
import { titleText } from "@/lib/content/title";
import { stripShortcodes } from "@/lib/content/shortcodes";

export function describePost(p: Pick<PostCard, "excerpt" | "content" | "password">, max = 160): string {
  if (p.password) return PROTECTED_EXCERPT;
  // As wp_trim_excerpt: shortcodes (and what they enclose) are not words of the description.
  const text = htmlToText(stripShortcodes(p.excerpt || splitMore(contentPages(p.content)[0]!).teaser));
  return text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…` : text;
}

async function feeds(extra?: { url: string; title: string }): Promise<NonNullable<Metadata["alternates"]>["types"]> {
  const o = await siteOptions();
  const types: Record<string, { url: string; title: string }[]> = {
    "application/rss+xml": [
      { url: "/feed/", title: `${o.blogname} » Feed` },
      { url: "/comments/feed/", title: `${o.blogname} » Comments Feed` },
      ...(extra ? [extra] : []),
    ],
    "application/atom+xml": [{ url: "/feed/atom/", title: `${o.blogname} » Atom Feed` }],
  };
  return types as never;
}

/** WordPress's wp_oembed_add_discovery_links: where another site asks how to embed this post. */
async function oembedDiscovery(permalink: string): Promise<Record<string, { url: string; title: string }[]>> {
  const endpoint = await absoluteUrl(`/wp-json/oembed/1.0/embed?url=${encodeURIComponent(permalink)}`);
  return {
    "application/json+oembed": [{ url: endpoint, title: "oEmbed (JSON)" }],
    "text/xml+oembed": [{ url: `${endpoint}&format=xml`, title: "oEmbed (XML)" }],
  };
}

export async function routeMetadata(route: SiteRoute | null): Promise<Metadata> {
  const o = await siteOptions();
  const base: Metadata = { metadataBase: new URL(await siteUrl() + "/") };
  if (!o.blog_public) base.robots = { index: false, follow: false };
  if (!route || route.kind === "redirect") return { ...base, title: `Page not found – ${o.blogname}`, alternates: { types: await feeds() } };
  if (route.kind === "single") {
    const p = route.post;
    // Page 2 and on of a post split by <!--nextpage--> is its own address, titled "… – Page 2".
    const permalink = await permalinkOf(p, o);
    const url = postPageUrl(permalink, route.page ?? 1);
    const text = titleText(p.title);
    const title = (p.password ? `Protected: ${text}` : text) + (route.page && route.page > 1 ? ` – Page ${route.page}` : "");
    const description = describePost(p);
    const image = await shareImage(p, await absoluteUrl(permalink));
    return {
      ...base,
      title: `${title} – ${o.blogname}`,
      description,
      alternates: {
        canonical: url,
        types: {
          ...await feeds(p.type === "post" ? { url: `${permalink.includes("?") ? "/feed/" : permalink + "feed/"}`, title: `${o.blogname} » ${text} Comments Feed` } : undefined),
          ...(p.status === "publish" && !p.password ? await oembedDiscovery(await absoluteUrl(permalink)) : {}),
        },
      },
      openGraph: {
        type: p.type === "post" ? "article" : "website",
        title: text,
        description,
        url,
        siteName: o.blogname,
        ...(p.type === "post" ? { publishedTime: parseSqlGmt(p.dateGmt).toISOString(), modifiedTime: parseSqlGmt(p.modifiedGmt).toISOString(), authors: [p.authorName] } : {}),
        ...(image ? { images: [image] } : {}),
      },
      twitter: image ? { card: "summary_large_image", title: text, description, images: [{ url: image.url, alt: image.alt }] } : { card: "summary", title: text, description },
    };
  }
  const l = route.listing;
  const pageSuffix = l.page > 1 ? ` – Page ${l.page}` : "";
  const title =
    l.type === "home" && !l.heading
      ? (o.blogdescription ? `${o.blogname} – ${o.blogdescription}` : o.blogname) + pageSuffix
      : `${l.heading}${pageSuffix} – ${o.blogname}`;
  const description = l.type === "home" && !l.heading ? o.blogdescription : l.description || `${l.heading} – ${o.blogname}`;
  return {
    ...base,
    ...(l.type === "search" && o.blog_public ? { robots: { index: false, follow: true } } : {}),
    title,
    description,
    alternates: {
      canonical: pagedUrl(l.baseUrl, l.page),
      types: await feeds(l.feedUrl && l.type !== "home" ? { url: l.feedUrl, title: `${o.blogname} » ${l.heading} Feed` } : undefined),
    },
    openGraph: { type: "website", title, description, url: pagedUrl(l.baseUrl, l.page), siteName: o.blogname },
    twitter: { card: "summary", title, description },
  };
}

/** schema.org BlogPosting for a post page. */
export async function blogPostingJsonLd(p: PostCard): Promise<string> {
  const o = await siteOptions();
  const url = await absoluteUrl(await permalinkOf(p, o));
  const data = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: p.password ? `Protected: ${titleText(p.title)}` : titleText(p.title),
    description: describePost(p),
    datePublished: parseSqlGmt(p.dateGmt).toISOString(),
    dateModified: parseSqlGmt(p.modifiedGmt).toISOString(),
    author: { "@type": "Person", name: p.authorName, url: await absoluteUrl(`/author/${encodeURIComponent(p.authorNicename)}/`) },
    publisher: { "@type": "Organization", name: o.blogname, url: await siteUrl() + "/" },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    commentCount: p.commentCount,
  };
  // "<" escaped so that no string in the data can close the script element.
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
