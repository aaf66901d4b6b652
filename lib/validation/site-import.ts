// Tools → Import → "From a WordPress site" and `inkwell import --from`: the site's address, and
// optionally a username with an application password (both or neither).
import { z } from "zod";

export const SiteImportSchema = z
  .object({
    address: z.string().trim().min(1, "Enter the address of the WordPress site.").max(2000, "That address is too long."),
    user: z.string().trim().max(200, "That username is too long.").optional().default(""),
    appPassword: z.string().trim().max(200, "That application password is too long.").optional().default(""),
    downloadMedia: z.boolean().default(true),
    settings: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.user && !v.appPassword) ctx.addIssue({ code: "custom", path: ["appPassword"], message: "Enter the application password for that username, or leave both empty." });
    if (v.appPassword && !v.user) ctx.addIssue({ code: "custom", path: ["user"], message: "Enter the username the application password belongs to, or leave both empty." });
  });

export type SiteImportInput = z.infer<typeof SiteImportSchema>;
