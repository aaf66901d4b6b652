// Media: the details form and the optional post an upload is attached to.
import { z } from "zod";

export const MEDIA_LIMITS = { title: 200, alt: 500, caption: 2000 } as const;

const optionalPostId = z
  .union([z.literal(""), z.null(), z.undefined(), z.string().trim().regex(/^\d+$/, "Enter a post ID (a number).")])
  .transform((v) => (v ? Number(v) : null));

export const MediaDetailsSchema = z.object({
  id: z.coerce.number().int().positive(),
  title: z.string().trim().max(MEDIA_LIMITS.title, "The title is too long."),
  alt: z.string().trim().max(MEDIA_LIMITS.alt, "The alternative text is too long."),
  caption: z.string().trim().max(MEDIA_LIMITS.caption, "The caption is too long."),
  postId: optionalPostId,
});

export const UploadFieldsSchema = z.object({ postId: optionalPostId });

export const MediaIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** The editor's media dialog: a page of the library, searched by title, file name or alt. */
export const MediaLibraryQuerySchema = z.object({
  s: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  type: z.enum(["all", "image", "audio", "video", "file"]).optional().default("all"),
  id: z.coerce.number().int().positive().optional(),
});

/** Alt text written in the editor's media dialog, saved on the attachment too. */
export const MediaAltSchema = z.object({
  id: z.coerce.number().int().positive(),
  alt: z.string().trim().max(MEDIA_LIMITS.alt, "The alternative text is too long."),
});
