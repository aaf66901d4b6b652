// The site's public URL: SITE_URL, else http://localhost:PORT. Absolute links (feeds, canonical
// tags, linkbacks) are built from it, never from the request's Host header.
export function siteUrl(): string {
  const raw = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return siteUrl() + (path.startsWith("/") ? path : `/${path}`);
}
