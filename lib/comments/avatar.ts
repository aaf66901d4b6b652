// Avatars drawn here from a hash of the email, so a reader's browser asks no third party who
// commented. Gravatar only when the site asks for it (use_gravatar); none with show_avatars off.
// A local avatar is a URL of our own (/avatar/<key>.svg, app/avatar), not an inline data: URI: the
// browser fetches each face once and keeps it for a year, and a post with 100 comments does not
// carry 100 SVGs twice (in its HTML and in its React payload: about 1.2 KB each, each time).
import { createHash, createHmac } from "node:crypto";
import { minidenticon } from "minidenticons";
import type { Options } from "@/lib/options/defaults";
import { AVATAR_DEFAULTS } from "@/lib/validation/settings";

export type AvatarOptions = Pick<Options, "show_avatars" | "use_gravatar" | "avatar_rating" | "avatar_default">;

/** The file name part of a local avatar's URL: 32 hex digits, then .svg. */
export const AVATAR_FILE = /^([0-9a-f]{32})\.svg$/;

/**
 * Settings → Discussion → Default Avatar, as Gravatar's `d` parameter (WordPress's get_avatar_data:
 * "mystery" is "mm", "gravatar_default" sends none, so Gravatar shows its logo).
 */
function gravatarDefault(avatarDefault: string): string | null {
  if (avatarDefault === "mystery") return "mm";
  if (avatarDefault === "gravatar_default") return null;
  return (AVATAR_DEFAULTS as readonly string[]).includes(avatarDefault) ? avatarDefault : "mm";
}

/**
 * Without Gravatar, the two defaults that are one picture for everyone are served as such; the
 * generated kinds (identicon, wavatar, monsterid, retro) and the Gravatar logo are drawn here as
 * identicons, the one generated kind drawn locally.
 */
export const FIXED_AVATARS: Record<string, string> = {
  "mystery.svg":
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 60"><rect width="60" height="60" fill="#d8d8d8"/>' +
    '<circle cx="30" cy="23" r="11" fill="#fff"/><path d="M8 60c0-13 10-21 22-21s22 8 22 21z" fill="#fff"/></svg>',
  "blank.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 60"/>',
};

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
    const d = gravatarDefault(opts.avatar_default);
    return `https://secure.gravatar.com/avatar/${md5}?s=${size}${d ? `&d=${d}` : ""}&r=${encodeURIComponent(opts.avatar_rating.toLowerCase())}`;
  }
  if (opts.avatar_default === "mystery" || opts.avatar_default === "blank") return `/avatar/${opts.avatar_default}.svg`;
  return `/avatar/${avatarKey(normalized || `name:${seedFallback}`)}.svg`;
}

/** The SVG behind /avatar/<key>.svg: the key itself seeds the picture, so any key draws one. */
export function avatarSvg(key: string): string {
  return minidenticon(key, 60, 50);
}
