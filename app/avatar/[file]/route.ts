// Local avatars (lib/comments/avatar.ts): an identicon SVG drawn from the key in the URL, or the
// Mystery Person or a blank square. The same key always draws the same picture, so the answer is
// cached by the browser for a year.
import { z } from "zod";
import { AVATAR_FILE, FIXED_AVATARS, avatarSvg } from "@/lib/comments/avatar";

// An identicon's key, or one of the fixed pictures (the Mystery Person, Blank).
const fileSchema = z.union([z.string().regex(AVATAR_FILE), z.enum(Object.keys(FIXED_AVATARS) as [string, ...string[]])]);

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = fileSchema.safeParse((await params).file);
  if (!parsed.success) {
    return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const svg = FIXED_AVATARS[parsed.data] ?? avatarSvg(AVATAR_FILE.exec(parsed.data)![1]!);
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      // Drawn by us and holding no script; the policy keeps it that way should that ever change.
      "content-security-policy": "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      "x-content-type-options": "nosniff",
    },
  });
}
