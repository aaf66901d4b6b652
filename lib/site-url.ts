// The site's public URL: Settings → General → Site Address when set, else SITE_URL, else
// http://localhost:PORT. Absolute links (feeds, canonical tags, linkbacks) are built from it,
// never from the request's Host header.
import { getOption } from "@/db/queries/options";

function configuredSiteUrl(): string {
  try {
    return getOption("siteurl");
  } catch {
    // No database (a build step or a script before migrations): the environment decides.
    return "";
  }
}

export function envSiteUrl(): string {
  const raw = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, "");
}

export function siteUrl(): string {
  return configuredSiteUrl().replace(/\/+$/, "") || envSiteUrl();
}

export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return siteUrl() + (path.startsWith("/") ? path : `/${path}`);
}
