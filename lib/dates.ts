// WordPress keeps two clocks per row: local time in the site's zone and GMT, both as
// "YYYY-MM-DD HH:MM:SS". These helpers convert between them with the platform's Intl data.

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "YYYY-MM-DD HH:MM:SS" of a Date in UTC. */
export function toSqlGmt(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function nowGmt(): string {
  return toSqlGmt(new Date());
}

/** Parses "YYYY-MM-DD HH:MM:SS" (or with T) as UTC. */
export function parseSqlGmt(s: string): Date {
  return new Date(s.replace(" ", "T") + (s.endsWith("Z") ? "" : "Z"));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    zoneFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock "YYYY-MM-DD HH:MM:SS" of an instant in a zone. */
export function toSqlLocal(d: Date, timeZone: string): string {
  // The default zone needs no Intl formatter (formatToParts is the dearest step of a comment's dates).
  if (timeZone === "UTC") return toSqlGmt(d);
  const parts = Object.fromEntries(zoneFormatter(timeZone).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The instant of a local wall-clock time in a zone. A time that does not exist (the spring DST
 * gap) moves forward by the gap, as WordPress and date-fns do; an ambiguous one takes the first.
 */
export function localToDate(local: string, timeZone: string): Date {
  const asUtc = parseSqlGmt(local);
  if (Number.isNaN(asUtc.getTime())) return asUtc;
  let guess = asUtc.getTime();
  for (let i = 0; i < 3; i++) {
    const shown = parseSqlGmt(toSqlLocal(new Date(guess), timeZone)).getTime();
    const diff = asUtc.getTime() - shown;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

/** Is "YYYY-MM-DD HH:MM[:SS]" a real calendar date and time? (2026-02-30 is not.) */
export function isValidLocal(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const dt = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d && h < 24 && mi < 60 && se < 60;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function monthName(m: number): string {
  return MONTHS[m - 1] ?? "";
}

/** Formats a local "YYYY-MM-DD HH:MM:SS" with PHP's date() letters, as WordPress's settings use. */
export function formatWpDate(local: string, format: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):?(\d{2})?/.exec(local);
  if (!m) return local;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const dow = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    switch (c) {
      case "d": out += pad(d); break;
      case "j": out += d; break;
      case "D": out += DAYS[dow]!.slice(0, 3); break;
      case "l": out += DAYS[dow]; break;
      case "S": out += d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"; break;
      case "F": out += MONTHS[mo - 1]; break;
      case "M": out += MONTHS[mo - 1]!.slice(0, 3); break;
      case "m": out += pad(mo); break;
      case "n": out += mo; break;
      case "Y": out += y; break;
      case "y": out += pad(y % 100); break;
      case "a": out += h < 12 ? "am" : "pm"; break;
      case "A": out += h < 12 ? "AM" : "PM"; break;
      case "g": out += h12; break;
      case "h": out += pad(h12); break;
      case "G": out += h; break;
      case "H": out += pad(h); break;
      case "i": out += pad(mi); break;
      case "s": out += pad(s); break;
      case "\\": out += format[++i] ?? ""; break;
      default: out += c;
    }
  }
  return out;
}
