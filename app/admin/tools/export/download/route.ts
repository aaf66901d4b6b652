// GET /admin/tools/export/download/?content=all|post|page&author=ID&start_date=YYYY-MM&end_date=YYYY-MM
// streams a WXR 1.2 file, as WordPress's export.php?download does. Needs the `export` capability.
import { z } from "zod";
import { exportWxr } from "@/db/queries/wxr-export";
import { getOptions } from "@/db/queries/options";
import { slugify } from "@/lib/content/slug";
import { userWithCapability } from "../../import/_lib/guard";

export const dynamic = "force-dynamic";

const Query = z.object({
  content: z.enum(["all", "post", "page"]).default("all"),
  author: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
  start_date: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}$/)]).optional(),
  end_date: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}$/)]).optional(),
});

export async function GET(req: Request) {
  const who = await userWithCapability("export");
  if ("response" in who) return who.response;
  const parsed = Query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Invalid export filters.", issues: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  const q = parsed.data;
  const chunks = exportWxr({
    content: q.content,
    authorId: q.author || undefined,
    startMonth: q.start_date || undefined,
    endMonth: q.end_date || undefined,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A few items per pull keeps memory flat on large sites.
      let size = 0;
      while (size < 256 * 1024) {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          return;
        }
        const bytes = encoder.encode(next.value);
        size += bytes.byteLength;
        controller.enqueue(bytes);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const name = `${slugify((await getOptions()).blogname) || "inkwell"}.WordPress.${new Date().toISOString().slice(0, 10)}.xml`;
  return new Response(body, {
    headers: {
      "content-type": "application/rss+xml; charset=UTF-8",
      "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "-")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
