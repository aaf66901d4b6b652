// The site's public URL: Settings → General → Site Address when set, else SITE_URL, else
// http://localhost:PORT. Absolute links (feeds, canonical tags, linkbacks) are built from it,
// never from the request's Host header.
import { getOption } from "@/db/queries/options";

async function configuredSiteUrl(): Promise<string> {
  try {
    return await getOption("siteurl");
  } catch {
    // No database (a build step or a script before migrations): the environment decides.
    return "";
  }
}

export function envSiteUrl(): string {
  const raw = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, "");
}

export async function siteUrl(): Promise<string> {
  return siteUrlFrom(await configuredSiteUrl());
}

/** siteUrl() for code that holds the settings already (a comment's path reads them once). */
export function siteUrlFrom(configured: string): string {
  return configured.replace(/\/+$/, "") || envSiteUrl();
}

export async function absoluteUrl(path: string): Promise<string> {
  return absoluteUrlFrom(await siteUrl(), path);
}

/** absoluteUrl for code that has read siteUrl() already (loops, transactions). */
export function absoluteUrlFrom(base: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return base + (path.startsWith("/") ? path : `/${path}`);
}
