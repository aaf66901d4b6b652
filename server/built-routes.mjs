// The routes of the build being served, from Next's routes manifest, so that the reader routing
// can tell a missing address (one that only the site's catch-all page takes, and that no redirect
// or rewrite of next.config.ts answers) from the address of an app route the resolver does not
// know (/login/, /wp-login.php, /wp-admin/…). Every missing address gets the same not-found page,
// so it comes from the page cache (server/reader-routing.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The site's catch-all page: what it takes and the resolver does not know is a missing address. */
export const CATCH_ALL = "/[...segments]";

/**
 * The regular expressions (sources) of every other route and of every redirect and rewrite; none
 * under `next dev` (its routes change as it compiles) or when the manifest cannot be read, and then
 * the not-found page is rendered each time, as before.
 * @param {string} distDir
 * @returns {import("./wing").BuiltRoutes | undefined}
 */
export function readBuiltRoutes(distDir) {
  try {
    const m = JSON.parse(readFileSync(join(distDir, "routes-manifest.json"), "utf8"));
    const rewrites = Array.isArray(m.rewrites) ? m.rewrites : [...(m.rewrites?.beforeFiles ?? []), ...(m.rewrites?.afterFiles ?? []), ...(m.rewrites?.fallback ?? [])];
    const routes = [...m.staticRoutes, ...m.dynamicRoutes];
    if (!routes.some((r) => r.page === CATCH_ALL)) return undefined;
    return {
      others: routes.filter((r) => r.page !== CATCH_ALL).map((r) => r.regex),
      redirects: [...m.redirects, ...rewrites].map((r) => r.regex),
    };
  } catch {
    return undefined;
  }
}
