// /wp-json/oembed/1.0/embed: WordPress's arguments (url required, format json|xml, maxwidth).
import { z } from "zod";

export const OEMBED_URL_MAX = 2048;

export const OembedQuerySchema = z.object({
  url: z.string({ error: "url" }).trim().min(1, "url").max(OEMBED_URL_MAX, "url"),
  format: z.enum(["json", "xml"], { error: "format is not one of json and xml." }).default("json"),
  maxwidth: z.coerce.number({ error: "maxwidth is not of type integer." }).int("maxwidth is not of type integer.").min(0, "maxwidth is not of type integer.").max(100_000).optional(),
});
