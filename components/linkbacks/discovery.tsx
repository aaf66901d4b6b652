// What a post page tells other blogs so they can ping it: <link rel="pingback"> and
// <link rel="webmention"> (React hoists them into <head>), the TrackBack RDF block inside an
// HTML comment, and the trackback URL for readers ("Trackback from your own site").
import { siteUrl } from "@/lib/site-url";
import { trackbackRdf } from "@/lib/linkbacks/html";
import { RawHtml } from "@/components/site/raw-html";

export async function trackbackUrlFor(post: { id: number; url: string }): Promise<string> {
  // Plain permalinks (/?p=ID) have no path to append /trackback/ to: use WordPress's other address.
  return post.url.includes("?") ? `${await siteUrl()}/wp-trackback.php?p=${post.id}` : `${await siteUrl()}${post.url}trackback/`;
}

export async function LinkbackDiscovery({ post }: { post: { id: number; title: string; url: string; type: string; pingsOpen: boolean } }) {
  if (post.type !== "post" || !post.pingsOpen) return null;
  const permalink = await siteUrl() + post.url;
  const tb = await trackbackUrlFor(post);
  return (
    <>
      <link rel="pingback" href={`${await siteUrl()}/xmlrpc.php`} />
      <link rel="webmention" href={`${await siteUrl()}/webmention/`} />
      <RawHtml hidden html={trackbackRdf(permalink, post.title, tb)} />
      <p className="mt-6 text-sm text-muted">
        Trackback from your own site: <a href={tb} rel="trackback" className="underline break-all">{tb}</a>
      </p>
    </>
  );
}
