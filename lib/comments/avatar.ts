// Avatars drawn here from a hash of the email, so a reader's browser asks no third party who
// commented. Gravatar only when the site asks for it (use_gravatar); none with show_avatars off.
import { createHash } from "node:crypto";
import { minidenticon } from "minidenticons";
import type { Options } from "@/lib/options/defaults";

export type AvatarOptions = Pick<Options, "show_avatars" | "use_gravatar" | "avatar_rating">;

/** An <img src> for the commenter, or "" when avatars are off. The email itself never appears. */
export function avatarSrc(email: string, seedFallback: string, opts: AvatarOptions, size = 48): string {
  if (!opts.show_avatars) return "";
  const normalized = email.trim().toLowerCase();
  if (opts.use_gravatar && normalized) {
    const md5 = createHash("md5").update(normalized).digest("hex");
    return `https://secure.gravatar.com/avatar/${md5}?s=${size}&d=identicon&r=${encodeURIComponent(opts.avatar_rating.toLowerCase())}`;
  }
  // A one-way hash as the seed: the SVG says nothing about the address it came from.
  const seed = createHash("sha256").update(normalized || `name:${seedFallback}`).digest("hex");
  return `data:image/svg+xml;utf8,${encodeURIComponent(minidenticon(seed, 60, 50))}`;
}
