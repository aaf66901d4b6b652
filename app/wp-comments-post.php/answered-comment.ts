// The comment a reply answers, as the reply page shows it above the form: its author, its date in
// the site's formats (as comment_date() prints it) and its first 20 words (get_comment_excerpt()).
import type { Options } from "@/lib/options/defaults";
import { formatWpDate, parseSqlGmt } from "@/lib/dates";
import { htmlToText } from "@/lib/content/html-text";

const EXCERPT_WORDS = 20;

export function answeredComment(
  c: { id: number; authorName: string; content: string; date: string; dateGmt: string },
  opts: Pick<Options, "date_format" | "time_format">,
) {
  const words = htmlToText(c.content).split(/\s+/).filter(Boolean);
  const excerpt = words.slice(0, EXCERPT_WORDS).join(" ") + (words.length > EXCERPT_WORDS ? "…" : "");
  return {
    id: c.id,
    authorName: c.authorName,
    dateText: `${formatWpDate(c.date, opts.date_format)} at ${formatWpDate(c.date, opts.time_format)}`,
    dateIso: parseSqlGmt(c.dateGmt).toISOString(),
    excerpt,
  };
}
