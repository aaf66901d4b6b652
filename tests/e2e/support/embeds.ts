// The embeds specs' posts (tests/e2e/support/seed-embeds.ts): old dates, so the seed's own posts
// keep the home page.
export const EMBED_POSTS = {
  target: { slug: "embeds-card-target", title: "Embeds card target", excerpt: "A post that other posts embed as a card." },
  host: { slug: "embeds-host", title: "Embeds host" },
  players: { slug: "embeds-players", title: "Embeds players" },
  discovered: { slug: "embeds-discovered", title: "Embeds discovered" },
} as const;
export const EMBED_DATE = "2015-03-04 10:00:00";
export const EMBED_YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
export const EMBED_SPOTIFY = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
/** A Mastodon-style provider the discovery spec serves itself (a port of embeds' own range). */
export const EMBED_PROVIDER_PORT = 5050;
export const EMBED_PROVIDER_URL = `http://127.0.0.1:${EMBED_PROVIDER_PORT}/@ann/109`;
