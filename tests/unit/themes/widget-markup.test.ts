// Widget markup is the theme's: a theme that draws one widget its own way (Theme.widgets) gets it in
// the sidebar the site renders, and every other widget keeps the shared markup. The sidebar is
// rendered as the site renders it (app/(site)/_components/sidebar.tsx, data from the database).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createElement as h, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { makePost, makeUser } from "../support/factories";
import { updateOptions, getOptions } from "@/db/queries/options";
import { Sidebar } from "@/app/(site)/_components/sidebar";
import { classicTheme } from "@/themes/classic";
import { modernTheme } from "@/themes/modern";
import type { Theme } from "@/themes/types";
import { SHARED_WIDGET_MARKUP } from "@/themes/shared/widgets/markup";
import { escapeHtml } from "@/lib/content/escape";

// An anonymous reader (the Meta widget asks who is signed in).
vi.mock("@/auth", () => ({ auth: async () => null }));

async function render(el: ReactElement): Promise<string> {
  const stream = await renderToReadableStream(el);
  await stream.allReady;
  return new Response(stream).text();
}

/** The sidebar's sections, by the id of their heading. */
function sections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<section\b[^>]*>.*?<\/section>/gs)) {
    const id = /(?:aria-labelledby="widget-|aria-label=")([^"]+)"/.exec(m[0])?.[1] ?? "?";
    out.set(id, m[0]);
  }
  return out;
}

// A third theme: its own Archives list (an ordered list with a class of its own) and its own
// Text widget frame; nothing else.
const third: Theme = {
  ...classicTheme,
  name: "third",
  label: "Third",
  widgets: {
    archivesHtml: (months) =>
      `<ol class="third-archives">${months.map((m) => `<li><a href="/${m.year}/${String(m.month).padStart(2, "0")}/">${escapeHtml(`${m.year}-${m.month}`)}</a> ${m.count}</li>`).join("")}</ol>`,
    TitledWidget: ({ id, title, children }) => h("div", { className: `third-box widget_${id}`, role: "region", "aria-label": title }, children),
  },
};

beforeAll(async () => {
  const author = (await makeUser("author")).id;
  await makePost(author, { title: "Spring post", date: "2025-03-03 09:00:00", dateGmt: "2025-03-03 09:00:00" });
  await makePost(author, { title: "Summer post", date: "2025-06-01 09:00:00", dateGmt: "2025-06-01 09:00:00" });
  await makePost(author, { type: "page", title: "About", slug: "about" });
  await updateOptions({
    sidebar_widgets: ["text", "recent-posts", "archives", "categories", "tag-cloud", "pages", "meta"],
    widget_text: { title: "Hello", content: "Some <strong>words</strong>." },
  });
});

describe("a theme's widget markup", () => {
  it("the two themes draw the sidebar with the shared markup", () => {
    expect(classicTheme.widgets).toBeUndefined();
    expect(modernTheme.widgets).toBeUndefined();
    expect(Object.keys(SHARED_WIDGET_MARKUP)).toContain("archivesHtml");
  });

  it("a theme that overrides the Archives list gets it in the sidebar; the other widgets keep the shared markup", async () => {
    const opts = await getOptions();
    // The third theme first: its cached Archives must not leak into the classic sidebar after it.
    const mine = sections(await render(h(Sidebar, { opts, theme: third })));
    const shared = sections(await render(h(Sidebar, { opts, theme: classicTheme })));

    expect(mine.get("archives")).toContain('<ol class="third-archives">');
    expect(mine.get("archives")).toContain('<a href="/2025/06/">2025-6</a> 1');
    expect(shared.get("archives")).not.toContain("third-archives");
    expect(shared.get("archives")).toContain("June 2025");

    // Every other widget is the shared markup, byte for byte.
    for (const id of ["recent-posts", "categories", "tag-cloud", "meta"]) {
      expect(mine.get(id), id).toBeDefined();
      expect(mine.get(id), id).toBe(shared.get(id));
    }
    expect(shared.get("recent-posts")).toContain("Summer post");
  });

  it("a theme that overrides a widget frame draws the titled widgets in it, with the shared bodies", async () => {
    const opts = await getOptions();
    const mine = await render(h(Sidebar, { opts, theme: third }));
    const shared = await render(h(Sidebar, { opts, theme: classicTheme }));
    expect(mine).toMatch(/<div class="third-box widget_text" role="region" aria-label="Hello"><div class="textwidget[^"]*"><p>Some <strong>words<\/strong>.<\/p>/);
    expect(mine).toMatch(/<div class="third-box widget_pages" role="region" aria-label="Pages">.*About/s);
    expect(shared).not.toContain("third-box");
    expect(shared).toMatch(/<section class="widget widget_text mb-8" aria-labelledby="widget-text"><h2 id="widget-text"[^>]*>Hello<\/h2>/);
  });
});
