// Dates as WordPress's admin prints them. A date never loses its year unless it is this year's:
// the Dashboard's Activity box says "Jan 1st" for this year and "Jan 1st 2030" otherwise
// (wp_dashboard_recent_posts), and the list tables always print "2030/01/01 at 12:00 am".
import { formatWpDate } from "@/lib/dates";

/** The Dashboard's Activity date: "Today, 3:45 pm", "Tomorrow, …", "Mar 5th, …", "Jan 1st 2030, …". */
export function activityDate(local: string, todayLocal: string, timeFormat: string): string {
  const day = local.slice(0, 10);
  const today = todayLocal.slice(0, 10);
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const relative = day === today ? "Today"
    : day === tomorrow.toISOString().slice(0, 10) ? "Tomorrow"
    : formatWpDate(local, local.slice(0, 4) === today.slice(0, 4) ? "M jS" : "M jS Y");
  return `${relative}, ${formatWpDate(local, timeFormat)}`;
}

/** A list table's date and time (Posts, Pages, Comments): WordPress's "Y/m/d at g:i a". */
export function listDate(local: string, timeFormat: string): string {
  return `${formatWpDate(local, "Y/m/d")} at ${formatWpDate(local, timeFormat)}`;
}
