// The sidebar's data-heavy widgets (Recent Posts, Recent Comments, Archives, Categories, Tag
// Cloud) as HTML strings, built once per content version and kept in the read cache. As React
// elements they were about 470 of a post page's 780 tags on a blog of 100 categories, each rendered three times per page (the
// server component payload, the HTML, the payload again inside the HTML); as one string each,
// React passes them through untouched. Every text and URL goes through escapeHtml.
import { escapeHtml as esc } from "@/lib/content/escape";
import { childrenByParent } from "@/lib/posts/tree";
import { monthName } from "@/lib/dates";

export interface LinkItem {
  href: string;
  text: string;
}

const link = (l: LinkItem, extra = "") => `<a class="underline" href="${esc(l.href)}"${extra}>${esc(l.text)}</a>`;
const count = (n: number) => ` <span class="text-muted">(${n})</span>`;
const empty = (text: string) => `<p class="text-muted">${esc(text)}</p>`;

export function widgetSection(id: string, title: string, body: string): string {
  return `<h2 id="widget-${esc(id)}" class="mb-2 font-heading text-base font-bold uppercase tracking-wide">${esc(title)}</h2>${body}`;
}

export function recentPostsHtml(posts: LinkItem[]): string {
  return `<ul class="space-y-1">${posts.map((p) => `<li>${link(p)}</li>`).join("")}</ul>`;
}

export function recentCommentsHtml(list: { author: string; post: LinkItem }[]): string {
  if (!list.length) return empty("No comments yet.");
  return `<ul class="space-y-1">${list.map((c) => `<li>${esc(c.author)} on ${link(c.post)}</li>`).join("")}</ul>`;
}

export function archivesHtml(months: { year: number; month: number; count: number }[]): string {
  return `<ul class="space-y-1">${months
    .map((m) => `<li>${link({ href: `/${m.year}/${String(m.month).padStart(2, "0")}/`, text: `${monthName(m.month)} ${m.year}` })}${count(m.count)}</li>`)
    .join("")}</ul>`;
}

export interface CategoryItem extends LinkItem {
  id: number;
  parentId: number | null;
  count: number;
}

/** WordPress's category list: a tree of the categories with posts (or with children that have some). */
export function categoriesHtml(all: CategoryItem[]): string {
  const children = childrenByParent(all);
  const render = (parent: number | null, depth: number): string => {
    const list = (children.get(parent) ?? []).filter((c) => c.count > 0 || children.has(c.id));
    if (!list.length || depth > 10) return "";
    const items = list.map((c) => `<li>${link(c)}${count(c.count)}${render(c.id, depth + 1)}</li>`).join("");
    return `<ul class="${depth ? "ml-4 mt-1 space-y-1" : "space-y-1"}">${items}</ul>`;
  };
  return render(null, 0) || empty("No categories.");
}

/** WordPress's tag cloud: by name, font size from 0.8em to 1.7em by post count. */
export function tagCloudHtml(tags: (LinkItem & { count: number })[]): string {
  if (!tags.length) return empty("No tags.");
  const max = Math.max(...tags.map((t) => t.count));
  const min = Math.min(...tags.map((t) => t.count));
  const size = (n: number) => (max === min ? 1 : 0.8 + ((n - min) / (max - min)) * 0.9);
  const items = [...tags]
    .sort((a, b) => a.text.localeCompare(b.text))
    .map((t) => `<span>${link(t, ` style="font-size:${size(t.count).toFixed(2)}em" aria-label="${esc(`${t.text} (${t.count} ${t.count === 1 ? "item" : "items"})`)}"`)} </span>`)
    .join("");
  return `<p class="leading-relaxed">${items}</p>`;
}
