import type { CommentView } from "@/lib/content/views";
import type { Options } from "@/lib/options/defaults";
import type { PublicComment } from "@/db/queries/comments";
import { formatWpDate, parseSqlGmt } from "@/lib/dates";
import { avatarSrc } from "@/lib/comments/avatar";
import { formatCommentHtml } from "./sanitize";

export function toCommentView(c: Omit<PublicComment, "avatarUrl"> & { avatarUrl?: string | null; authorEmail?: string }, opts: Options): CommentView {
  const view: CommentView = {
    id: c.id,
    type: c.type,
    authorName: c.authorName || "Anonymous",
    authorUrl: /^https?:\/\//i.test(c.authorUrl) ? c.authorUrl : "",
    dateText: `${formatWpDate(c.date, opts.date_format)} at ${formatWpDate(c.date, opts.time_format)}`,
    dateIso: parseSqlGmt(c.dateGmt).toISOString(),
    // Sanitized on the way out too: whatever got stored, only comment tags reach a reader.
    contentHtml: formatCommentHtml(c.content),
  };
  // A fediverse reply shows its author's own picture, copied into our uploads (lib/federation/avatars.ts).
  const avatar = c.avatarUrl && opts.show_avatars ? c.avatarUrl : c.authorEmail !== undefined ? avatarSrc(c.authorEmail, c.authorName, opts) : "";
  if (avatar) view.avatarSrc = avatar;
  return view;
}
