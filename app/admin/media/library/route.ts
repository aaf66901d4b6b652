// GET /admin/media/library/?s=&page=&type=image|audio|video|file|all (or ?id= for one item) — the library as JSON, for
// the post editor's media dialog. upload_files, checked here.
import { getCurrentUser } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { countMedia, getMediaById, listMediaRows } from "@/db/queries/media";
import { toMediaView } from "@/lib/media/view";
import { MediaLibraryQuerySchema } from "@/lib/validation/media";

const PER_PAGE = 40;

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to use the media library." }, { status: 401 });
  if (!roleCan(user.role, "upload_files")) return Response.json({ error: "Sorry, you are not allowed to use the media library." }, { status: 403 });
  const q = MediaLibraryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ error: "Invalid query." }, { status: 400 });
  if (q.data.id) {
    const item = await getMediaById(q.data.id);
    return Response.json({ items: item ? [toMediaView(item)] : [], page: 1, pages: 1, total: item ? 1 : 0 }, { headers: { "cache-control": "no-store" } });
  }
  const search = q.data.s || undefined;
  const rows = await listMediaRows({ page: q.data.page, perPage: PER_PAGE, search, kind: q.data.type });
  const total = await countMedia(search, false, q.data.type);
  return Response.json({ items: rows.map(toMediaView), page: q.data.page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), total }, { headers: { "cache-control": "no-store" } });
}
