// Inputs of the editor's helpers: the link field's search and Preview with unsaved changes.
import { z } from "zod";
import { AutosaveSchema } from "./post";

export const LinkSearchSchema = z.object({
  type: z.enum(["post", "page"]).default("post"),
  query: z.string().max(200, "Search for at most 200 characters.").default(""),
});

const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined || v === 0 ? undefined : v), z.coerce.number().int().positive().optional());

/** Preview sends everything on screen: the autosave's text plus terms and the featured image. */
export const PreviewSchema = AutosaveSchema.extend({
  categories: z.array(z.coerce.number().int().positive()).max(1000).default([]),
  tags: z.string().max(10_000, "The tags are too long.").default(""),
  featuredMediaId: optionalId,
});
