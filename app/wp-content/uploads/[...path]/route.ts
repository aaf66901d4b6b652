// Serves data/uploads at WordPress's address, so that imported content keeps its image links.
// Only regular files inside the uploads folder; images inline, everything else as a download;
// never sniffed into HTML by the browser.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { contentTypeFor, INLINE_TYPES, resolveUploadPath, uploadsDir } from "@/lib/media/paths";

type Params = { params: Promise<{ path: string[] }> };

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });

async function serve(request: Request, { params }: Params, withBody: boolean): Promise<Response> {
  const { path: segments } = await params;
  const root = uploadsDir();
  const file = resolveUploadPath(segments, root);
  if (!file) return notFound();
  let stat: fs.Stats;
  try {
    // A symlink planted anywhere on the way could point outside: the real path must stay inside.
    const [real, realRoot] = await Promise.all([fs.promises.realpath(file), fs.promises.realpath(root)]);
    if (!real.startsWith(realRoot + path.sep)) return notFound();
    stat = await fs.promises.stat(real);
  } catch {
    return notFound();
  }
  if (!stat.isFile()) return notFound();
  const type = contentTypeFor(file);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    "content-type": type,
    "content-length": String(stat.size),
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=86400",
    "last-modified": stat.mtime.toUTCString(),
    etag,
    // Even if something odd were stored, it cannot run script in the site's origin.
    "content-security-policy": "default-src 'none'; script-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors 'self'; sandbox",
  };
  if (!INLINE_TYPES.has(type)) {
    const name = segments[segments.length - 1]!;
    headers["content-disposition"] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag, "cache-control": headers["cache-control"]! } });
  if (!withBody) return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}

export function GET(request: Request, ctx: Params) {
  return serve(request, ctx, true);
}

export function HEAD(request: Request, ctx: Params) {
  return serve(request, ctx, false);
}
