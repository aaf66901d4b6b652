// The route table the /wp-json/ index lists, as WordPress's: every route with its methods, so
// that discovery-driven clients (wpapi's WPAPI.discover, the mobile apps) build their handlers
// from it. The handlers themselves are in lib/wp-rest/dispatch.ts and the route file.
import { absoluteUrl } from "@/lib/site-url";

const R = ["GET"];
const RW = ["GET", "POST"];
const ITEM = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const ID = "(?P<id>[\\d]+)";

export const REST_ROUTES: [string, string[]][] = [
  ["/wp/v2", R],
  ["/wp/v2/posts", RW], [`/wp/v2/posts/${ID}`, ITEM],
  ["/wp/v2/pages", RW], [`/wp/v2/pages/${ID}`, ITEM],
  ["/wp/v2/media", RW], [`/wp/v2/media/${ID}`, ITEM],
  ["/wp/v2/categories", RW], [`/wp/v2/categories/${ID}`, ITEM],
  ["/wp/v2/tags", RW], [`/wp/v2/tags/${ID}`, ITEM],
  ["/wp/v2/comments", RW], [`/wp/v2/comments/${ID}`, ITEM],
  ["/wp/v2/users", R], [`/wp/v2/users/${ID}`, R], ["/wp/v2/users/me", R],
  ["/wp/v2/types", R], ["/wp/v2/types/(?P<type>[\\w-]+)", R],
  ["/wp/v2/taxonomies", R], ["/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)", R],
  ["/wp/v2/statuses", R], ["/wp/v2/statuses/(?P<status>[\\w-]+)", R],
  ["/wp/v2/search", R],
  ["/wp/v2/settings", ["GET", "POST", "PUT", "PATCH"]],
];

export async function routeIndex(namespace?: string): Promise<Record<string, unknown>> {
  const routes: Record<string, unknown> = {};
  for (const [path, methods] of REST_ROUTES) {
    if (namespace && !path.startsWith(`/${namespace}`)) continue;
    const writes = methods.filter((m) => m !== "GET");
    const entry: Record<string, unknown> = {
      namespace: "wp/v2",
      methods,
      endpoints: [{ methods: ["GET"], args: {} }, ...(writes.length ? [{ methods: writes, args: {} }] : [])],
    };
    if (!path.includes("(?P<")) entry._links = { self: [{ href: await absoluteUrl(`/wp-json${path}`) }] };
    routes[path] = entry;
  }
  return routes;
}
