// The post date as the editor shows it (local time in the site's zone, "YYYY-MM-DDTHH:MM") and as
// stored (date local + dateGmt), with the checks for dates that do not exist.
import { isValidLocal, localToDate, toSqlGmt, toSqlLocal } from "@/lib/dates";

export interface ResolvedDate {
  date: string;
  dateGmt: string;
  ms: number;
}

/** "2026-03-08T02:30" → the stored pair, or an error for a date or time that does not exist. */
export function resolvePostDate(input: string, timeZone: string, now: Date): ResolvedDate | { error: string } {
  const raw = input.trim();
  if (!raw) return { date: toSqlLocal(now, timeZone), dateGmt: toSqlGmt(now), ms: now.getTime() };
  if (!isValidLocal(raw)) return { error: "That date does not exist. Use a real date and time, like 2026-03-14 09:30." };
  const local = normalizeLocal(raw);
  const instant = localToDate(local, timeZone);
  // A wall-clock time skipped by a daylight-saving change does not exist in the site's zone.
  if (toSqlLocal(instant, timeZone) !== local) {
    return { error: `${local.slice(0, 16)} does not exist in ${timeZone} (the clocks skip it). Choose another time.` };
  }
  return { date: local, dateGmt: toSqlGmt(instant), ms: instant.getTime() };
}

/** "2026-03-08T02:30" or "2026-03-08 02:30:00" → "2026-03-08 02:30:00". */
export function normalizeLocal(s: string): string {
  const [d, t = "00:00"] = s.trim().split(/[ T]/);
  const time = t.length === 5 ? `${t}:00` : t;
  return `${d} ${time}`;
}

/** Stored local "YYYY-MM-DD HH:MM:SS" → the value of an <input type="datetime-local">. */
export function toInputValue(local: string): string {
  return local ? local.slice(0, 16).replace(" ", "T") : "";
}
