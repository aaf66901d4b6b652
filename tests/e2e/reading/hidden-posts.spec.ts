// The standing hidden-content sweep: for a draft, pending, scheduled, private, trashed and
// password-protected post and page (tests/e2e/support/seed-hidden.ts), every public surface, as an
// anonymous visitor and as a signed-in subscriber, shows nothing of them: no marker of their
// title, slug, body, excerpt, comment, revision or media, and, where a URL names them by id, the
// same answer as an id that does not exist. The password-protected ones may show their title and
// slug ("Protected: …"), never the rest. A surface is a row of the tables below: add one there.
import { test, expect, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { HIDDEN_KEYS, HIDDEN_PASSWORD, marker, readHiddenSeed, type HiddenItem, type HiddenSeed } from "../support/hidden";

const MISSING_ID = 987_654;
const REST_STATUSES = ["publish", "draft", "pending", "future", "private", "trash", "any"];
const REST_CONTEXTS = ["view", "embed", "edit"];

type Url = (i: HiddenItem, origin: string) => string;
/** `byId`: the URL names the item by this id, and must answer as it does for a missing one. */
type ItemSurface = { name: string; url: Url; byId?: (i: HiddenItem) => number };

const rest = (i: HiddenItem) => (i.type === "post" ? "posts" : "pages");
const ITEM_SURFACES: ItemSurface[] = [
  { name: "permalink", url: (i) => i.permalink },
  { name: "permalink feed", url: (i) => `${i.permalink}feed/` },
  { name: "permalink atom feed", url: (i) => `${i.permalink}feed/atom/` },
  { name: "trackback URL", url: (i) => `${i.permalink}trackback/` },
  { name: "?p=", url: (i) => `/?p=${i.id}`, byId: (i) => i.id },
  { name: "?page_id=", url: (i) => `/?page_id=${i.id}`, byId: (i) => i.id },
  { name: "?p= preview", url: (i) => `/?p=${i.id}&preview=true`, byId: (i) => i.id },
  { name: "?page_id= preview", url: (i) => `/?page_id=${i.id}&preview=true`, byId: (i) => i.id },
  { name: "?preview_id=", url: (i) => `/?preview_id=${i.id}&preview=true`, byId: (i) => i.id },
  { name: "admin preview", url: (i) => `/admin/preview/${i.id}/`, byId: (i) => i.id },
  { name: "admin revisions", url: (i) => `/admin/${rest(i)}/${i.id}/revisions/`, byId: (i) => i.id },
  { name: "?p= feed", url: (i) => `/?p=${i.id}&feed=rss2`, byId: (i) => i.id },
  { name: "?p= comments feed", url: (i) => `/?p=${i.id}&feed=comments-rss2`, byId: (i) => i.id },
  { name: "TrackBack by id", url: (i) => `/wp-trackback.php?p=${i.id}`, byId: (i) => i.id },
  ...REST_CONTEXTS.map((c) => ({ name: `REST by id, context=${c}`, url: (i: HiddenItem) => `/wp-json/wp/v2/${rest(i)}/${i.id}?context=${c}`, byId: (i: HiddenItem) => i.id })),
  { name: "REST by id, rest_route", url: (i) => `/?rest_route=/wp/v2/${rest(i)}/${i.id}`, byId: (i) => i.id },
  ...REST_STATUSES.flatMap((s) => REST_CONTEXTS.map((c) => ({ name: `REST by slug, status=${s}, context=${c}`, url: (i: HiddenItem) => `/wp-json/wp/v2/${rest(i)}?slug=${i.slug}&status=${s}&context=${c}` }))),
  { name: "REST include=", url: (i) => `/wp-json/wp/v2/${rest(i)}?include=${i.id}` },
  { name: "REST comments of the post", url: (i) => `/wp-json/wp/v2/comments?post=${i.id}` },
  { name: "REST comment by id", url: (i) => `/wp-json/wp/v2/comments/${i.commentId}`, byId: (i) => i.commentId },
  { name: "REST revisions", url: (i) => `/wp-json/wp/v2/${rest(i)}/${i.id}/revisions`, byId: (i) => i.id },
  { name: "REST autosaves", url: (i) => `/wp-json/wp/v2/${rest(i)}/${i.id}/autosaves`, byId: (i) => i.id },
  { name: "REST media of the post", url: (i) => `/wp-json/wp/v2/media?parent=${i.id}` },
  { name: "REST media by id", url: (i) => `/wp-json/wp/v2/media/${i.mediaId}`, byId: (i) => i.mediaId },
  { name: "attachment page", url: (i) => `/?attachment_id=${i.mediaId}`, byId: (i) => i.mediaId },
  { name: "oEmbed", url: (i, o) => `/wp-json/oembed/1.0/embed?url=${encodeURIComponent(o + i.permalink)}` },
  { name: "oEmbed by ?p=", url: (i, o) => `/wp-json/oembed/1.0/embed?url=${encodeURIComponent(`${o}/?p=${i.id}`)}` },
  { name: "oEmbed XML", url: (i, o) => `/wp-json/oembed/1.0/embed?format=xml&url=${encodeURIComponent(o + i.permalink)}` },
  { name: "embed view", url: (i) => `${i.permalink}embed/` },
  { name: "embed view by ?p=", url: (i) => `/?p=${i.id}&embed=true`, byId: (i) => i.id },
];

/** Listings that name many posts; `control`: the published control post must be there (so the surface really lists). */
type SiteSurface = { name: string; url: (s: HiddenSeed) => string; control?: boolean };
const SITE_SURFACES: SiteSurface[] = [
  { name: "home", url: () => "/" },
  { name: "RSS feed", url: () => "/feed/" },
  { name: "Atom feed", url: () => "/feed/atom/" },
  { name: "comments feed", url: () => "/comments/feed/" },
  { name: "category", url: () => "/category/hidden-sweep/", control: true },
  { name: "category feed", url: () => "/category/hidden-sweep/feed/", control: true },
  { name: "tag", url: () => "/tag/hidden-sweep-tag/", control: true },
  { name: "tag feed", url: () => "/tag/hidden-sweep-tag/feed/", control: true },
  { name: "day archive", url: () => "/2019/06/15/", control: true },
  { name: "day archive feed", url: () => "/2019/06/15/feed/", control: true },
  { name: "year archive", url: () => "/2019/", control: true },
  { name: "?m= archive", url: () => "/?m=20190615", control: true },
  { name: "author archive", url: (s) => `/author/${s.adminNicename}/` },
  { name: "search", url: () => "/?s=hidmk", control: true },
  { name: "search, pretty", url: () => "/search/hidmk/", control: true },
  { name: "search feed", url: () => "/search/hidmk/feed/" },
  { name: "sitemap index", url: () => "/sitemap.xml" },
  ...["posts", "pages"].flatMap((r) => [
    ...REST_STATUSES.flatMap((st) => REST_CONTEXTS.map((c) => ({ name: `REST ${r} search, status=${st}, context=${c}`, url: () => `/wp-json/wp/v2/${r}?search=hidmk&per_page=100&status=${st}&context=${c}` }))),
    { name: `REST ${r}, newest`, url: () => `/wp-json/wp/v2/${r}?per_page=100` },
  ]),
  { name: "REST posts search", url: () => "/wp-json/wp/v2/posts?search=hidmk&per_page=100", control: true },
  { name: "REST comments search", url: () => "/wp-json/wp/v2/comments?search=hidmk&per_page=100", control: true },
  { name: "REST comments, newest", url: () => "/wp-json/wp/v2/comments?per_page=100" },
  { name: "REST search", url: () => "/wp-json/wp/v2/search?search=hidmk" },
  { name: "REST media", url: () => "/wp-json/wp/v2/media?per_page=100" },
];

/** What of an item must never show: all of it, or, behind a password, all but its title and slug. */
function forbidden(i: HiddenItem): string[] {
  const parts = i.status === "password" ? (["b", "e", "c", "r"] as const) : (["t", "s", "b", "e", "c", "r", "m"] as const);
  return parts.map((p) => marker(p, i.key));
}

type Answer = { status: number; location: string; text: string };

/** GET without following redirects; then follows this site's redirects (up to 3), keeping every hop's answer. */
async function visit(req: APIRequestContext, url: string): Promise<Answer[]> {
  const out: Answer[] = [];
  let next: string | null = url;
  for (let hop = 0; next && hop < 4; hop++) {
    const res: APIResponse = await req.get(next, { maxRedirects: 0 });
    const location: string = res.headers()["location"] ?? "";
    out.push({ status: res.status(), location, text: `${location}\n${await res.text()}` });
    next = location && res.status() >= 300 && res.status() < 400 && (location.startsWith("/") || location.startsWith(new URL(res.url()).origin)) ? location : null;
  }
  return out;
}

let commenters = 0;
/** A comment on this post id, each from its own address (so that the comment flood limit stays out of it). */
async function comment(req: APIRequestContext, postId: number, accept: string): Promise<Answer> {
  const n = commenters++;
  const res = await req.post("/wp-comments-post.php", {
    form: { comment_post_ID: String(postId), author: "Sweeper", email: "sweeper@example.com", comment: `Sweep comment ${n}` },
    headers: { accept, "x-forwarded-for": `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}` },
    maxRedirects: 0,
  });
  return { status: res.status(), location: res.headers()["location"] ?? "", text: await res.text() };
}

const leaksIn = (answers: Answer[], markers: string[]) => {
  const all = answers.map((a) => a.text).join("\n").toLowerCase();
  return markers.filter((m) => all.includes(m));
};

/** One answer as it would read for another id: the id swapped out, nonces and times left aside. */
const shape = (answers: Answer[], id: number) => answers.map((a) => `${a.status} ${a.location.replaceAll(String(id), "ID")}`).join(" → ");

async function subscriberRequest(browser: Browser, baseURL: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.171" } });
  const page = await context.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("subscriber");
  await page.getByLabel("Password").fill("e2e-password-123");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return context.request;
}

for (const reader of ["anonymous", "subscriber"] as const) {
  test.describe(`hidden content, as ${reader === "anonymous" ? "an anonymous visitor" : "a signed-in subscriber"}`, () => {
    let req: APIRequestContext;
    let seed: HiddenSeed;
    let origin: string;
    test.beforeAll(async ({ browser, playwright, baseURL }) => {
      seed = readHiddenSeed();
      origin = baseURL!;
      req = reader === "anonymous" ? await playwright.request.newContext({ baseURL }) : await subscriberRequest(browser, baseURL!);
    });

    for (const key of HIDDEN_KEYS) {
      test(`${key}: no surface shows it, and its ids answer as missing ones`, async () => {
        test.setTimeout(120_000);
        const item = seed.items.find((i) => i.key === key)!;
        const status = item.status;
        const problems: string[] = [];
        for (const s of ITEM_SURFACES) {
          const url = s.url(item, origin);
          const answers = await visit(req, url);
          // What the visitor typed may be echoed back (the 404's own URL): not a leak.
          const leaks = leaksIn(answers, forbidden(item).filter((m) => !url.toLowerCase().includes(m)));
          if (leaks.length) problems.push(`${s.name} (${url}) shows ${leaks.join(", ")}`);
          if (answers.some((a) => a.status >= 500)) problems.push(`${s.name} (${url}) answers ${answers.map((a) => a.status).join(" → ")}`);
          if (s.byId && status !== "password") {
            const id = s.byId(item);
            const missing = await visit(req, url.replace(String(id), String(MISSING_ID)));
            if (shape(answers, id) !== shape(missing, MISSING_ID)) problems.push(`${s.name} (${url}) answers ${shape(answers, id)}, a missing id ${shape(missing, MISSING_ID)}`);
          }
        }
        // The comment endpoint, as a plain form POST and as JSON.
        if (status !== "password") {
          for (const accept of ["text/html", "application/json"]) {
            const [hidden, missing] = [await comment(req, item.id, accept), await comment(req, MISSING_ID, accept)];
            const leaks = leaksIn([hidden], forbidden(item));
            if (leaks.length) problems.push(`comment POST (${accept}) shows ${leaks.join(", ")}`);
            if (hidden.status !== missing.status) problems.push(`comment POST (${accept}) answers ${hidden.status}, for a missing id ${missing.status}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }

    test("no listing, feed, search, sitemap or API list shows any of them", async () => {
      test.setTimeout(120_000);
      const markers = seed.items.flatMap(forbidden);
      const problems: string[] = [];
      const surfaces = [...SITE_SURFACES];
      // Every sitemap the index names.
      const index = await (await req.get("/sitemap.xml")).text();
      for (const m of index.matchAll(/<loc>([^<]+)<\/loc>/g)) surfaces.push({ name: `sitemap ${m[1]}`, url: () => new URL(m[1]!).pathname });
      let sitemapsShowControl = false;
      for (const s of surfaces) {
        const url = s.url(seed);
        const answers = await visit(req, url);
        const leaks = leaksIn(answers, markers);
        if (leaks.length) problems.push(`${s.name} (${url}) shows ${leaks.join(", ")}`);
        if (answers.some((a) => a.status >= 500)) problems.push(`${s.name} (${url}) answers ${answers.map((a) => a.status).join(" → ")}`);
        const showsControl = leaksIn(answers, [marker("t", "control-post"), marker("s", "control-post")]).length > 0;
        if (s.control && !showsControl) problems.push(`${s.name} (${url}) does not list the published control post`);
        if (s.name.startsWith("sitemap ")) sitemapsShowControl ||= showsControl;
      }
      expect(sitemapsShowControl, "a sitemap lists the published control post").toBe(true);
      expect(problems).toEqual([]);
    });
  });
}

test("the password-protected post shows its body and comments after the right password, and only then", async ({ page }) => {
  const item = readHiddenSeed().items.find((i) => i.key === "password-post")!;
  await page.goto(item.permalink);
  await expect(page.getByRole("heading", { name: `Protected: ${marker("t", item.key)} title` })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(marker("b", item.key));
  await page.getByLabel("Password:").fill(HIDDEN_PASSWORD);
  await page.getByRole("button", { name: "Enter" }).click();
  await expect(page.locator("body")).toContainText(marker("b", item.key));
  await expect(page.locator("body")).toContainText(marker("c", item.key));
});

test("a private post's ?p= and permalink give others the 404 of a missing post, with no title or description; its editor still gets it", async ({ page, request, browser }) => {
  const item = readHiddenSeed().items.find((i) => i.key === "private-post")!;
  // Metadata is streamed into the page's payload: the whole answer is searched, not only <head>.
  const answer = async (url: string) => {
    const res = await request.get(url, { maxRedirects: 0 });
    const html = (await res.text()).toLowerCase();
    const leaks = forbidden(item).filter((m) => html.includes(m) && !url.includes(m));
    return { status: res.status(), location: res.headers()["location"] ?? "", notFound: html.includes("page not found"), leaks };
  };
  const missing = await answer(`/?p=${MISSING_ID}`);
  expect(missing).toEqual({ status: 404, location: "", notFound: true, leaks: [] });
  for (const url of [`/?p=${item.id}`, `/?page_id=${item.id}`, item.permalink]) expect({ url, ...(await answer(url)) }).toEqual({ url, ...missing });
  // In a browser, the tab's title is the 404's.
  await page.goto(`/?p=${item.id}`);
  await expect(page).toHaveTitle(/^Page not found/);
  await page.goto(item.permalink);
  await expect(page).toHaveTitle(/^Page not found/);
  // Its readers: the editor is sent on to the permalink, and sees the post there.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.172" } });
  const editor = await context.newPage();
  await editor.goto("/login/");
  await editor.getByLabel("Username or Email Address").fill("editor");
  await editor.getByLabel("Password").fill("e2e-password-123");
  await editor.getByRole("button", { name: "Log In" }).click();
  await expect(editor.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const res = await editor.request.get(`/?p=${item.id}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(res.status());
  expect(new URL(res.headers()["location"]!, "http://x").pathname).toBe(item.permalink);
  await editor.goto(`/?p=${item.id}`);
  await expect(editor).toHaveURL(new RegExp(`${item.permalink}$`));
  await expect(editor).toHaveTitle(new RegExp(marker("t", item.key)));
  await context.close();
});

test("the password form names no post it may not show, and stops guessing after 10 tries from one address", async ({ browser }) => {
  const seed = readHiddenSeed();
  const locked = seed.items.find((i) => i.key === "password-post")!;
  const draft = seed.items.find((i) => i.key === "lockeddraft-post")!;
  test.setTimeout(90_000);
  // Without JavaScript the form is a plain POST and each answer a whole page, as a script sees it.
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.173" } });
  const page = await context.newPage();
  const tryPassword = async (postId: number, password: string) => {
    if (!(await page.locator('input[name="postId"]').count())) await page.goto(locked.permalink);
    await page.locator('input[name="postId"]').evaluate((el, id) => ((el as HTMLInputElement).value = String(id)), postId);
    await page.getByLabel("Password:").fill(password);
    // Every answer is a redirect to a new page (sometimes at the same URL).
    const loaded = page.waitForEvent("load");
    await page.getByRole("button", { name: "Enter" }).click();
    await loaded;
    return { path: new URL(page.url()).pathname + new URL(page.url()).search, text: (await page.content()).toLowerCase() };
  };
  // A draft (right password or not) answers as a missing post: home, no slug, no title.
  const missing = await tryPassword(MISSING_ID, "guess");
  for (const password of ["guess", HIDDEN_PASSWORD]) {
    const answer = await tryPassword(draft.id, password);
    expect(answer.path).toBe(missing.path);
    for (const m of forbidden(draft)) expect(answer.text).not.toContain(m);
  }
  // Tries at a real protected post: a wrong one says only that; after 10, even the right one waits.
  for (let n = 1; n <= 10; n++) {
    const wrong = await tryPassword(locked.id, `wrong-${n}`);
    expect(wrong.path).toBe(`${locked.permalink}?wrong-password=1`);
    await expect(page.getByText("That password is not correct. Please try again.")).toBeVisible();
  }
  const refused = await tryPassword(locked.id, HIDDEN_PASSWORD);
  await expect(page.getByText("Too many password attempts. Please try again later.")).toBeVisible();
  expect(refused.text).not.toContain(marker("b", locked.key));
  await context.close();
  // Another address is not locked out by this one.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.174" } });
  const otherPage = await other.newPage();
  await otherPage.goto(locked.permalink);
  await otherPage.getByLabel("Password:").fill(HIDDEN_PASSWORD);
  await otherPage.getByRole("button", { name: "Enter" }).click();
  await expect(otherPage.locator("body")).toContainText(marker("b", locked.key));
  await other.close();
});
