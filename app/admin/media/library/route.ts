// GET /admin/media/library/?s=&page=&type=image — the library as JSON, for the post editor's
// "Add Media" and featured image pickers. upload_files, checked here.
import { z } from "zod";
import { getCurrentUser } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { countMedia, listMediaRows } from "@/db/queries/media";
import { toMediaView } from "@/lib/media/view";

const Query = z.object({
  s: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  type: z.enum(["image", "all"]).optional().default("all"),
});
const PER_PAGE = 40;

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to use the media library." }, { status: 401 });
  if (!roleCan(user.role, "upload_files")) return Response.json({ error: "Sorry, you are not allowed to use the media library." }, { status: 403 });
  const q = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ error: "Invalid query." }, { status: 400 });
  const search = q.data.s || undefined;
  const rows = await listMediaRows({ page: q.data.page, perPage: PER_PAGE, search, imagesOnly: q.data.type === "image" });
  const total = await countMedia(search, q.data.type === "image");
  return Response.json({ items: rows.map(toMediaView), page: q.data.page, pages: Math.max(1, Math.ceil(total / PER_PAGE)) }, { headers: { "cache-control": "no-store" } });
}
