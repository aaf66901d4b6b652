// Widgets' e2e data: one picture in the media library for the Image widget (a data: URL, so no
// upload is needed; 600 × 300 so that a screenshot shows how the sidebar fits it).
import { getDb, closeDb } from "@/db";
import { media } from "@/db/tables";
import { eq } from "drizzle-orm";
import { WIDGETS_SEED } from "./widgets";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300"><rect width="600" height="300" fill="#2271b1"/><circle cx="450" cy="90" r="50" fill="#f0c33c"/><path d="M0 300 L200 140 L330 260 L420 190 L600 300 Z" fill="#135e96"/></svg>`;

async function main() {
  const db = getDb();
  if (!(await db.select({ id: media.id }).from(media).where(eq(media.title, WIDGETS_SEED.image.title))).length) {
    await db.insert(media).values({
      originalUrl: `data:image/svg+xml;base64,${Buffer.from(SVG).toString("base64")}`,
      fileName: "widget-picture.svg", mimeType: "image/svg+xml", size: SVG.length, width: 600, height: 300,
      title: WIDGETS_SEED.image.title, alt: WIDGETS_SEED.image.alt,
    });
  }
  await closeDb();
}
void main();
