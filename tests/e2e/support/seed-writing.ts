// Writing's e2e data: one image in the media library (a data: URL, so no upload is needed) for the
// editor's Add Media and Featured image.
import { getDb, closeDb } from "@/db";
import { media } from "@/db/tables";
import { eq } from "drizzle-orm";

const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

async function main() {
  const db = getDb();
  if (!(await db.select({ id: media.id }).from(media).where(eq(media.title, "Writing test pixel"))).length) {
    await db.insert(media).values({ originalUrl: PIXEL, fileName: "pixel.png", mimeType: "image/png", size: 68, width: 1, height: 1, title: "Writing test pixel", alt: "A single pixel" });
  }
  await closeDb();
}
void main();
