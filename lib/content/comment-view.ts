import type { CommentView } from "@/themes/types";
import type { Options } from "@/lib/options/defaults";
import type { PublicComment } from "@/db/queries/comments";
import { formatWpDate, parseSqlGmt } from "@/lib/dates";
import { sanitizeCommentHtml } from "./sanitize";
import { autop } from "./format";

export function toCommentView(c: PublicComment, opts: Options): CommentView {
  return {
    id: c.id,
    authorName: c.authorName || "Anonymous",
    authorUrl: /^https?:\/\//i.test(c.authorUrl) ? c.authorUrl : "",
    dateText: `${formatWpDate(c.date, opts.date_format)} at ${formatWpDate(c.date, opts.time_format)}`,
    dateIso: parseSqlGmt(c.dateGmt).toISOString(),
    // Sanitized on the way out too: whatever got stored, only comment tags reach a reader.
    contentHtml: sanitizeCommentHtml(autop(c.content)),
  };
}
