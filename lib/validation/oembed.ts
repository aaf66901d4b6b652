// /wp-json/oembed/1.0/embed: WordPress's arguments (url required, format json|xml, maxwidth).
import { z } from "zod";

export const OEMBED_URL_MAX = 2048;

export const OembedQuerySchema = z.object({
  url: z.string({ error: "url" }).trim().min(1, "url").max(OEMBED_URL_MAX, "url"),
  format: z.enum(["json", "xml"], { error: "format is not one of json and xml." }).default("json"),
  maxwidth: z.coerce.number({ error: "maxwidth is not of type integer." }).int("maxwidth is not of type integer.").min(0, "maxwidth is not of type integer.").max(100_000).optional(),
});

// WordPress's rest_sanitize_boolean: "false", "0" and "" are false; "true", "1" true; anything else is not a boolean.
const restBoolean = (name: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const s = v.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0" || s === "") return false;
      ctx.addIssue({ code: "custom", message: `${name} is not of type boolean.` });
      return z.NEVER;
    });

const restInteger = (name: string) =>
  z.coerce.number({ error: `${name} is not of type integer.` }).int(`${name} is not of type integer.`).min(0, `${name} is not of type integer.`).max(100_000);

/** /wp-json/oembed/1.0/proxy: WordPress's arguments (url required; format, maxwidth 600, maxheight, discover true). */
export const OembedProxyQuerySchema = z.object({
  url: z.string({ error: "url" }).trim().min(1, "url").max(OEMBED_URL_MAX, "url"),
  format: z.enum(["json", "xml"], { error: "format is not one of json and xml." }).default("json"),
  maxwidth: restInteger("maxwidth").default(600),
  maxheight: restInteger("maxheight").optional(),
  discover: restBoolean("discover").default(true),
});
export type OembedProxyQuery = z.infer<typeof OembedProxyQuerySchema>;
