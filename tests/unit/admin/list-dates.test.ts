import { describe, expect, it } from "vitest";
import { activityDate, listDate } from "@/lib/admin/list-dates";

describe("admin dates keep the year unless it is this year", () => {
  const today = "2026-12-06 21:00:00";
  it("shows the year for a post in another year (a 2030 post does not read \"Jan 1st\")", () => {
    expect(activityDate("2030-01-01 09:05:00", today, "g:i a")).toBe("Jan 1st 2030, 9:05 am");
    expect(activityDate("2025-12-31 23:59:00", today, "H:i")).toBe("Dec 31st 2025, 23:59");
  });
  it("leaves the year out for this year's dates, and says Today and Tomorrow as WordPress does", () => {
    expect(activityDate("2026-03-02 12:00:00", today, "g:i a")).toBe("Mar 2nd, 12:00 pm");
    expect(activityDate("2026-12-06 08:00:00", today, "g:i a")).toBe("Today, 8:00 am");
    expect(activityDate("2026-12-07 08:00:00", today, "g:i a")).toBe("Tomorrow, 8:00 am");
    expect(activityDate("2027-01-01 00:00:00", "2026-12-31 10:00:00", "g:i a")).toBe("Tomorrow, 12:00 am");
  });
  it("prints list dates with the year always", () => {
    expect(listDate("2030-01-01 00:00:00", "g:i a")).toBe("2030/01/01 at 12:00 am");
  });
});
