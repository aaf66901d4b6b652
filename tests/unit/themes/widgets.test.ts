import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { calendarHtml } from "@/themes/shared/widgets/calendar";
import { pagesHtml } from "@/themes/shared/widgets/pages";
import { getCalendarNeighbours, listCalendarPosts, listWidgetPages } from "@/db/queries/widgets";
import { WidgetSettingsSchema, parseWidgetList } from "@/lib/validation/widgets";
import { widgetHtmlFor } from "@/lib/content/widget-sanitize";

let authorId: number;

beforeAll(async () => {
  authorId = (await makeUser("author")).id;
  const post = (date: string, over: Record<string, unknown> = {}) => makePost(authorId, { date, dateGmt: date, ...over });
  await post("2025-03-03 09:00:00");
  await post("2025-03-03 18:00:00");
  await post("2025-03-31 23:59:00");
  await post("2025-03-15 10:00:00", { status: "draft" });
  await post("2025-01-20 10:00:00");
  await post("2025-06-01 00:00:00");
  await post("2025-04-10 10:00:00", { type: "page", title: "A page in April" });
  const page = (title: string, over: Record<string, unknown> = {}) => makePost(authorId, { type: "page", title, slug: title.toLowerCase(), ...over });
  const about = await page("About", { menuOrder: 2 });
  await page("Contact", { menuOrder: 1 });
  await page("Team", { menuOrder: 3, parentId: about.id });
  await page("Secret", { status: "draft" });
});

describe("Calendar widget", () => {
  it("finds the days of a month with published posts, and the nearest months around it that have some", async () => {
    const days = (await listCalendarPosts("2025-03")).map((p) => p.day);
    expect(days).toEqual([3, 3, 31]);
    expect(await getCalendarNeighbours("2025-03")).toEqual({ previous: "2025-01", next: "2025-06" });
    // A month without posts still finds its neighbours; pages and drafts do not count.
    expect(await getCalendarNeighbours("2025-04")).toEqual({ previous: "2025-03", next: "2025-06" });
    expect(await getCalendarNeighbours("2025-01")).toEqual({ previous: undefined, next: "2025-03" });
  });

  it("lays the month out from the site's first day of the week, links days with posts and marks today", () => {
    const html = calendarHtml({ month: "2025-03", days: new Set([3, 31]), startOfWeek: 1, today: "2025-03-31", previous: "2025-01", next: "2025-06" });
    // March 2025 begins on a Saturday: five blank Monday-to-Friday cells.
    expect(html).toContain(`<caption class="mb-1 text-left font-semibold">March 2025</caption>`);
    expect(html).toContain(`<th scope="col" aria-label="Monday">M</th>`);
    expect(html).toMatch(/<tbody><tr><td colspan="5" class="pad">&nbsp;<\/td><td>1<\/td><td>2<\/td><\/tr><tr><td><a [^>]*href="\/2025\/03\/03\/" aria-label="Posts published on March 3, 2025">3<\/a><\/td>/);
    expect(html).toContain(`<td id="today" class="font-bold"><a class="font-bold underline" href="/2025/03/31/" aria-label="Posts published on March 31, 2025">31</a></td><td colspan="6" class="pad">&nbsp;</td></tr></tbody>`);
    expect(html).toContain(`href="/2025/01/" aria-label="Previous month: January 2025">&laquo; Jan</a>`);
    expect(html).toContain(`href="/2025/06/" aria-label="Next month: June 2025">Jun &raquo;</a>`);
    expect(html.match(/<tr>/g)).toHaveLength(7); // the head and six weeks
    // Sunday first: March 1st 2025 is in the seventh column, no link without posts, no next month.
    const sunday = calendarHtml({ month: "2025-03", days: new Set(), startOfWeek: 0 });
    expect(sunday).toContain(`<tbody><tr><td colspan="6" class="pad">&nbsp;</td><td>1</td></tr>`);
    expect(sunday).not.toContain("<a ");
    expect(sunday).toContain(`<span class="wp-calendar-nav-next">&nbsp;</span>`);
  });
});

describe("Pages widget", () => {
  it("lists published pages only, in the chosen order", async () => {
    expect((await listWidgetPages("post_title")).map((p) => p.title)).toEqual(["A page in April", "About", "Contact", "Team"]);
    expect((await listWidgetPages("menu_order")).map((p) => p.title)).toEqual(["A page in April", "Contact", "About", "Team"]);
    const byId = (await listWidgetPages("ID")).map((p) => p.id);
    expect(byId).toEqual([...byId].sort((a, b) => a - b));
  });

  it("nests children under their parents, escapes titles, and lifts the children of an excluded page to the top", () => {
    const pages = [
      { id: 1, parentId: null, href: "/about/", text: "About <us>" },
      { id: 2, parentId: 1, href: "/about/team/", text: "Team" },
      { id: 3, parentId: null, href: "/contact/", text: "Contact" },
    ];
    expect(pagesHtml(pages)).toBe(
      `<ul class="space-y-1"><li class="page_item page-item-1"><a class="underline" href="/about/">About &lt;us&gt;</a>` +
        `<ul class="children ml-4 mt-1 space-y-1"><li class="page_item page-item-2"><a class="underline" href="/about/team/">Team</a></li></ul></li>` +
        `<li class="page_item page-item-3"><a class="underline" href="/contact/">Contact</a></li></ul>`,
    );
    const without = pagesHtml(pages, [1]);
    expect(without).not.toContain("About");
    expect(without).toContain(`<ul class="space-y-1"><li class="page_item page-item-2">`);
    expect(pagesHtml(pages, [1, 2, 3])).toBe(`<p class="text-muted">No pages.</p>`);
  });
});

describe("Widgets form", () => {
  it("parses every widget's settings, with a clear error for each bad field", () => {
    const ok = WidgetSettingsSchema.parse({ "pages-exclude": " 4, 12,,4 ", "pages-sortby": "menu_order", "image-media": "7", "image-link": "custom", "image-url": "https://example.com/x", "text-title": "  Hello  " });
    expect(ok.widget_pages).toEqual({ title: "", sortby: "menu_order", exclude: [4, 12] });
    expect(ok.widget_media_image).toMatchObject({ mediaId: 7, link: "custom", url: "https://example.com/x" });
    expect(ok.widget_text.title).toBe("Hello");
    const bad = WidgetSettingsSchema.safeParse({ "pages-exclude": "about", "image-link": "custom", "image-url": "javascript:alert(1)", "pages-sortby": "random", "text-title": "x".repeat(201) });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(fields).sort()).toEqual(["image-url", "pages-exclude", "pages-sortby", "text-title"]);
    expect(fields["image-url"]).toBe("Enter a link that starts with http://, https:// or /.");
    // A custom link needs its URL; the URL is dropped for other choices.
    expect(WidgetSettingsSchema.safeParse({ "image-link": "custom" }).error?.issues[0]?.path).toEqual(["image-url"]);
    expect(WidgetSettingsSchema.parse({ "image-link": "file", "image-url": "/x" }).widget_media_image.url).toBe("");
  });

  it("orders the shown widgets by position and refuses positions outside 1-99", () => {
    const ids = ["search", "text", "calendar", "pages"];
    expect(parseWidgetList({ "show-search": "on", "order-search": "3", "show-calendar": "on", "order-calendar": "1", "show-pages": "on", "order-pages": "3", "order-text": "2" }, ids)).toEqual({ ok: true, chosen: ["calendar", "search", "pages"] });
    expect(parseWidgetList({ "show-text": "on", "order-text": "100", "order-search": "x" }, ids)).toEqual({
      ok: false,
      fieldErrors: { "order-search": ["Enter a position from 1 to 99."], "order-text": ["Enter a position from 1 to 99."] },
    });
  });
});

describe("Text and Custom HTML widgets' HTML", () => {
  const hostile = `<p onclick="steal()">Hi <a href="javascript:alert(1)">there</a></p><script>alert(1)</script><img src="/x.png" onerror="alert(2)" alt="x">`;
  it("loses script, event handlers and javascript: links for a role without unfiltered_html, as its posts would", () => {
    for (const role of ["author", "contributor", "subscriber"] as const) {
      const clean = widgetHtmlFor(role, hostile);
      expect(clean, role).not.toMatch(/script|onclick|onerror|javascript:/i);
      expect(clean, role).toContain("Hi ");
      expect(clean, role).toContain(`<img src="/x.png" alt="x" />`);
    }
  });
  it("stays as written for administrators and editors (unfiltered_html), as WordPress keeps it", () => {
    expect(widgetHtmlFor("administrator", hostile)).toBe(hostile);
    expect(widgetHtmlFor("editor", hostile)).toBe(hostile);
  });
});
