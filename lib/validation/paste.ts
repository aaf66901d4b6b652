// HTML pasted into the visual editor, on its way to the sanitizer.
import { z } from "zod";
import { POST_LIMITS } from "./post";

export const PasteSchema = z.object({
  html: z.string().max(POST_LIMITS.content, "That is more than a post can hold."),
});
