// Avatars drawn here from a hash of the email, so a reader's browser asks no third party who
// commented. Gravatar only when the site asks for it (use_gravatar); none with show_avatars off.
// A local avatar is a URL of our own (/avatar/<key>.svg, app/avatar), not an inline data: URI: the
// browser fetches each face once and keeps it for a year, and a post with 100 comments does not
// carry 100 SVGs twice (in its HTML and in its React payload: about 1.2 KB each, each time).
import { createHash, createHmac } from "node:crypto";
import { minidenticon } from "minidenticons";
import type { Options } from "@/lib/options/defaults";

export type AvatarOptions = Pick<Options, "show_avatars" | "use_gravatar" | "avatar_rating">;

/** The file name part of a local avatar's URL: 32 hex digits, then .svg. */
export const AVATAR_FILE = /^([0-9a-f]{32})\.svg$/;

/**
 * A keyed hash (HMAC with the site's secret), so that the URL cannot be used to confirm a guessed
 * address the way an unkeyed hash (Gravatar's md5) can.
 */
function avatarKey(seed: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET || "inkwell-avatar").update(seed).digest("hex").slice(0, 32);
}

/** An <img src> for the commenter, or "" when avatars are off. The email itself never appears. */
export function avatarSrc(email: string, seedFallback: string, opts: AvatarOptions, size = 48): string {
  if (!opts.show_avatars) return "";
  const normalized = email.trim().toLowerCase();
  if (opts.use_gravatar && normalized) {
    const md5 = createHash("md5").update(normalized).digest("hex");
    return `https://secure.gravatar.com/avatar/${md5}?s=${size}&d=identicon&r=${encodeURIComponent(opts.avatar_rating.toLowerCase())}`;
  }
  return `/avatar/${avatarKey(normalized || `name:${seedFallback}`)}.svg`;
}

/** The SVG behind /avatar/<key>.svg: the key itself seeds the picture, so any key draws one. */
export function avatarSvg(key: string): string {
  return minidenticon(key, 60, 50);
}
