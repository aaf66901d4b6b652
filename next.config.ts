import type { NextConfig } from "next";
import { SERVER_ACTION_MAX_BODY } from "./lib/http/body-limits";

const nextConfig: NextConfig = {
  // WordPress URLs end in a slash (/2026/11/25/hello-world/); keep that habit.
  trailingSlash: true,
  // A separate build folder lets tests and benchmarks build without touching the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // server/main.mjs compresses, after it has filled big HTML into the page (html-splice.mjs).
  compress: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "sharp", "rate-limiter-flexible", "@fedify/fedify", "@fedify/vocab", "@fedify/vocab-runtime", "@js-temporal/polyfill"],
  // `npm test` runs `tsc --noEmit` and `eslint .` as their own steps.
  typescript: { ignoreBuildErrors: true },
  // server/main.mjs cuts every body at the same table's limit before Next reads it.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_MAX_BODY }, authInterrupts: true },
  async rewrites() {
    // TrackBack pings go to <permalink>/trackback/ under any permalink structure; the handler
    // resolves the permalink's segments as the post page does.
    return [{ source: "/:path+/trackback/", destination: "/trackback/:path+/" }];
  },
  async redirects() {
    // A WordPress user's bookmarks: the admin and the login screen answer where they used to.
    return [
      // wp-login.php?action=register is WordPress's registration screen (must precede the next rule).
      { source: "/wp-login.php", has: [{ type: "query", key: "action", value: "register" }], destination: "/register/", permanent: false },
      // The lost-password screen, and the link in a reset mail (rp, resetpass), keep WordPress's addresses.
      { source: "/wp-login.php", has: [{ type: "query", key: "action", value: "lostpassword" }], destination: "/lost-password/", permanent: false },
      { source: "/wp-login.php", has: [{ type: "query", key: "action", value: "(?:rp|resetpass)" }], destination: "/reset-password/", permanent: false },
      { source: "/wp-login.php", destination: "/login/", permanent: false },
      { source: "/wp-admin/authorize-application.php", destination: "/authorize-application/", permanent: false },
      { source: "/wp-admin/admin-ajax.php", destination: "/admin/ajax/", permanent: false },
      { source: "/wp-admin", destination: "/admin/", permanent: false },
      { source: "/wp-admin/:path*", destination: "/admin/", permanent: false },
      // WordPress's own sitemaps (5.5+), where search consoles and robots.txt files still point.
      // Both cut at 2,000 URLs a file, so WordPress's file N is Inkwell's file N.
      { source: "/wp-sitemap.xml", destination: "/sitemap.xml", statusCode: 301 },
      { source: "/wp-sitemap-posts-post-:n(\\d+)\\.xml", destination: "/sitemaps/posts-:n.xml", statusCode: 301 },
      { source: "/wp-sitemap-posts-page-:n(\\d+)\\.xml", destination: "/sitemaps/pages-:n.xml", statusCode: 301 },
      { source: "/wp-sitemap-taxonomies-category-:n(\\d+)\\.xml", destination: "/sitemaps/categories-:n.xml", statusCode: 301 },
      { source: "/wp-sitemap-taxonomies-post_tag-:n(\\d+)\\.xml", destination: "/sitemaps/tags-:n.xml", statusCode: 301 },
      // Inkwell lists no authors' pages in its sitemaps: their index is the nearest answer.
      { source: "/wp-sitemap-users-:n(\\d+)\\.xml", destination: "/sitemap.xml", statusCode: 301 },
    ];
  },
};

export default nextConfig;
