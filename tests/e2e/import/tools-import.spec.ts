// Tools → Import and Tools → Export, as an administrator uses them.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import { signInAs } from "../support/auth";
import { parseWxrString } from "@/lib/wxr/parse";
import { hostileWxr } from "../../fixtures/wxr-generated";

const stamp = Date.now();
const title = `Imported over the wire ${stamp}`;
const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Old blog</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login>e2e-old-${stamp}</wp:author_login><wp:author_email>old-${stamp}@example.com</wp:author_email><wp:author_display_name>Old Author</wp:author_display_name></wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>moved-${stamp}</wp:category_nicename><wp:cat_name><![CDATA[Moved ${stamp}]]></wp:cat_name></wp:category>
<item><title>${title}</title><link>https://old.example/2019/05/04/imported-${stamp}/</link><dc:creator>e2e-old-${stamp}</dc:creator>
<guid isPermaLink="false">https://old.example/?p=${stamp}</guid>
<content:encoded><![CDATA[<p>Body of the imported post & friends.</p>]]></content:encoded>
<wp:post_id>${stamp}</wp:post_id><wp:post_date>2019-05-04 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-04 10:00:00</wp:post_date_gmt>
<wp:post_name>imported-${stamp}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="moved-${stamp}"><![CDATA[Moved ${stamp}]]></category>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_content>Nice move ${stamp}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_date>2019-05-05 10:00:00</wp:comment_date><wp:comment_date_gmt>2019-05-05 10:00:00</wp:comment_date_gmt></wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Spammer</wp:comment_author><wp:comment_content>spam ${stamp}</wp:comment_content><wp:comment_approved>spam</wp:comment_approved><wp:comment_date>2019-05-05 11:00:00</wp:comment_date></wp:comment>
</item>
<item><title>Menu item</title><wp:post_id>${stamp + 1}</wp:post_id><wp:post_type>nav_menu_item</wp:post_type><wp:status>publish</wp:status></item>
</channel></rss>`;

async function upload(page: import("@playwright/test").Page, name: string, body: string) {
  await page.goto("/admin/tools/import/");
  await page.getByLabel("WXR file (.xml)").setInputFiles({ name, mimeType: "text/xml", buffer: Buffer.from(body) });
  await page.getByRole("button", { name: "Upload file and import" }).click();
}

test("an administrator imports a WXR file and follows its progress to the end", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Tools", exact: true }).click();
  await page.getByRole("link", { name: "Import" }).click();
  await upload(page, "old-blog.xml", wxr);
  await expect(page).toHaveURL(/\/admin\/tools\/import\/\?job=/);
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  // Once read, the file's authors are assigned: here the old author becomes a new user.
  await expect(page.getByRole("heading", { name: "Assign Authors" })).toBeVisible();
  await expect(page.getByLabel(`Old Author (e2e-old-${stamp}), 1 post`)).toHaveValue("");
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(bar).toHaveAttribute("value", "100");
  const table = page.getByRole("table", { name: "What arrived" });
  await expect(table.getByRole("row", { name: /^Posts 1 0$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Comments 2 0$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Users 1 0$/ })).toBeVisible();
  await expect(page.getByText("1 menu items that belong to no menu")).toBeVisible();

  // The post is there for readers, at its permalink, with its approved comment only.
  await page.goto(`/2019/05/04/imported-${stamp}/`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`Nice move ${stamp}`)).toBeVisible();
  await expect(page.getByText(`spam ${stamp}`)).toHaveCount(0);

  // The same file again adds nothing; the author is now an existing user.
  await upload(page, "old-blog.xml", wxr);
  await expect(page.getByLabel(`Old Author (e2e-old-${stamp}), 1 post`).getByRole("option", { name: `The existing user “e2e-old-${stamp}”` })).toBeAttached();
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(page.getByRole("table", { name: "What arrived" }).getByRole("row", { name: /^Posts 0 1$/ })).toBeVisible();
});

test("an author in the file can be assigned to an existing user", async ({ page }) => {
  await signInAs(page, "admin");
  const other = wxr.replaceAll(String(stamp), String(stamp + 7));
  await upload(page, "other-blog.xml", other);
  await page.getByLabel(`Old Author (e2e-old-${stamp + 7}), 1 post`).selectOption("editor");
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(page.getByRole("table", { name: "What arrived" }).getByRole("row", { name: /^Users/ })).toHaveCount(0);
  await expect(page.getByText("1 author(s) matched to existing users.")).toBeVisible();
  await page.goto(`/2019/05/04/imported-${stamp + 7}/`);
  await expect(page.getByRole("link", { name: "Editor Person" }).first()).toBeVisible();
});

test("a broken file is refused with where it broke, and nothing of it arrives", async ({ page }) => {
  await signInAs(page, "admin");
  const broken = wxr.replace(title, `Broken ${stamp}`).replace("</channel>", "<item><title>cut</title></channel>");
  await upload(page, "broken.xml", broken);
  await expect(page.getByText("Import failed.")).toBeVisible();
  await expect(page.getByText(/not well-formed XML.*line \d+, column \d+.*Nothing from this file was imported/)).toBeVisible();
  const res = await page.request.get(`/wp-json/wp/v2/posts/?search=${encodeURIComponent(`Broken ${stamp}`)}`);
  if (res.ok()) expect(await res.json()).toEqual([]);
});

test("a file nested 40,000 deep is refused at once with the reason, and readers are answered meanwhile", async ({ page }) => {
  await signInAs(page, "admin");
  const start = await page.request.post("/admin/tools/import/start/", {
    multipart: { file: { name: "deep.xml", mimeType: "text/xml", buffer: Buffer.from(hostileWxr.deep.xml) } },
    maxRedirects: 0,
  });
  expect(start.status()).toBe(303);
  const job = new URL(start.headers()["location"] ?? "", "http://x").searchParams.get("job");
  // Before the depth limit, saxes spent over ten seconds on this file with the event loop held.
  const asked = Date.now();
  expect((await page.request.get("/")).status()).toBe(200);
  expect(Date.now() - asked).toBeLessThan(2_000);
  await expect
    .poll(async () => (await (await page.request.get(`/admin/tools/import/status/?job=${job}`)).json()).error, { timeout: 5_000 })
    .toMatch(/nests elements more than 64 deep.*line \d+, column \d+/);
  await page.goto(`/admin/tools/import/?job=${job}`);
  await expect(page.getByText("Import failed.")).toBeVisible();
  await expect(page.getByText(/nests elements more than 64 deep/)).toBeVisible();
});

test("an administrator downloads an export that parses as WXR 1.2", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tools/export/");
  await page.getByLabel("Posts").check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Export File" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.WordPress\.\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = fs.readFileSync((await download.path())!, "utf8");
  const items: { title: string; postType: string }[] = [];
  const site = await parseWxrString(xml, { item: (i) => items.push(i) });
  expect(site.wxrVersion).toBe("1.2");
  expect(items.map((i) => i.title)).toContain("Hello world!");
  expect(items.every((i) => i.postType === "post")).toBe(true);
});

test("only those who may export can download, and only administrators see Tools", async ({ page }) => {
  await signInAs(page, "editor");
  const res = await page.request.get("/admin/tools/export/download/?content=all");
  expect(res.status()).toBe(403);
  const imp = await page.request.post("/admin/tools/import/start/", { multipart: { file: { name: "x.xml", mimeType: "text/xml", buffer: Buffer.from(wxr) } } });
  expect(imp.status()).toBe(403);
  const page403 = await page.goto("/admin/tools/import/");
  expect(page403?.status()).toBe(403);
});
