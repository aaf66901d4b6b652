// WordPress's Calendar widget (get_calendar): the month as a table, each day with posts a link to
// its day archive, and links to the nearest earlier and later months that have posts. Built as
// one string, as the other data widgets are (themes/shared/widgets/lists.ts).
import { escapeHtml as esc } from "@/lib/content/escape";
import { monthName } from "@/lib/dates";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const pad2 = (n: number) => String(n).padStart(2, "0");

export interface CalendarInput {
  /** "YYYY-MM" of the month shown. */
  month: string;
  /** Days of that month with published posts. */
  days: ReadonlySet<number>;
  /** 0 (Sunday) to 6: WordPress's start_of_week. */
  startOfWeek: number;
  /** Today's local "YYYY-MM-DD", marked id="today" when it is in the month. */
  today?: string;
  previous?: string;
  next?: string;
}

function navLink(ym: string | undefined, side: "prev" | "next"): string {
  if (!ym) return `<span class="wp-calendar-nav-${side}">&nbsp;</span>`;
  const [y, m] = ym.split("-").map(Number) as [number, number];
  const short = esc(monthName(m).slice(0, 3));
  const text = side === "prev" ? `&laquo; ${short}` : `${short} &raquo;`;
  return `<span class="wp-calendar-nav-${side}"><a class="underline" href="/${y}/${pad2(m)}/" aria-label="${side === "prev" ? "Previous" : "Next"} month: ${esc(monthName(m))} ${y}">${text}</a></span>`;
}

export function calendarHtml(c: CalendarInput): string {
  const [year, month] = c.month.split("-").map(Number) as [number, number];
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const start = ((c.startOfWeek % 7) + 7) % 7;
  const head = Array.from({ length: 7 }, (_, i) => DAYS[(start + i) % 7]!)
    .map((d) => `<th scope="col" aria-label="${d}">${d[0]}</th>`)
    .join("");
  const lead = (firstDow - start + 7) % 7;
  const cells: string[] = lead ? [`<td colspan="${lead}" class="pad">&nbsp;</td>`] : [];
  let rows = "";
  let col = lead;
  for (let d = 1; d <= daysIn; d++) {
    const iso = `${year}-${pad2(month)}-${pad2(d)}`;
    const label = `${monthName(month)} ${d}, ${year}`;
    const body = c.days.has(d) ? `<a class="font-bold underline" href="/${year}/${pad2(month)}/${pad2(d)}/" aria-label="Posts published on ${label}">${d}</a>` : String(d);
    cells.push(`<td${c.today === iso ? ` id="today" class="font-bold"` : ""}>${body}</td>`);
    if (++col === 7) {
      rows += `<tr>${cells.join("")}</tr>`;
      cells.length = 0;
      col = 0;
    }
  }
  if (col) rows += `<tr>${cells.join("")}<td colspan="${7 - col}" class="pad">&nbsp;</td></tr>`;
  return (
    `<div class="calendar_wrap"><table class="wp-calendar-table w-full table-fixed text-center">` +
    `<caption class="mb-1 text-left font-semibold">${esc(monthName(month))} ${year}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    `<nav aria-label="Previous and next months" class="wp-calendar-nav mt-1 flex justify-between">${navLink(c.previous, "prev")}${navLink(c.next, "next")}</nav></div>`
  );
}
