// Scaling out, as README's "Scaling out" says: three separate Inkwell servers (A, B, C) on one
// PostgreSQL with the same secrets and build, the uploads on a folder they share, behind nginx
// configured from deploy/nginx-inkwell-upstream.conf. A change made through one server is seen
// through the others on their next request, and losing a server under load loses no acknowledged
// write and shows readers no error nginx could have avoided.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import AxeBuilder from "@axe-core/playwright";
import { NGINX } from "../support/nginx";
import { commentFormFields, request, sharedEnv, startNginx, startServer, stopServer, type Nginx, type Server } from "../support/scale-out";
import { findPostgresBin, startThrowawayPostgres } from "../../../scripts/throwaway-postgres.mjs";

const BASE = Number(process.env.E2E_PORT || 3100) + 160;
const PORTS = [BASE, BASE + 1, BASE + 2];
const HTTPS_PORT = BASE + 3;
const HTTP_PORT = BASE + 4;
const DOOR_PORTS = [BASE + 5, BASE + 6, BASE + 7];
const ADMIN_PASSWORD = "scale-out-admin-password";
const EDITOR = { login: "scaleeditor", password: "scale-editor-password" };
const AUTHOR = { login: "scaleauthor", password: "scale-author-password" };

const postgresInstalled = (() => {
  try {
    findPostgresBin();
    return true;
  } catch {
    return false;
  }
})();
test.skip(!NGINX || !postgresInstalled, "needs nginx and PostgreSQL's server programs (apt-get install nginx-light postgresql)");
test.describe.configure({ mode: "serial", timeout: 120_000 });

let pgServer: Awaited<ReturnType<typeof startThrowawayPostgres>> | undefined;
let dbUrl = "";
let env: Record<string, string> = {};
const servers: Server[] = [];
let proxy: Nginx | undefined;
let uploads = "";
let postPath = "";
let form: Record<string, string> = {};
let formAt = 0;

async function rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/inkwell.mjs", ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`inkwell ${args.join(" ")}: ${r.stderr || r.stdout}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pgServer = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query("CREATE DATABASE scale");
  await admin.end();
  const u = new URL(pgServer.url);
  u.pathname = "/scale";
  dbUrl = u.toString();
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-shared-uploads-"));
  env = { ...sharedEnv(`https://127.0.0.1:${HTTPS_PORT}`, dbUrl, uploads), ADMIN_PASSWORD };
  // What `npm start` does before serving: migrate and create the first administrator.
  const setup = spawnSync("node_modules/.bin/tsx", ["scripts/setup.ts"], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  cli("user", "create", EDITOR.login, `${EDITOR.login}@example.com`, "--role", "editor", "--password", EDITOR.password);
  cli("user", "create", AUTHOR.login, `${AUTHOR.login}@example.com`, "--role", "author", "--password", AUTHOR.password);
  servers.push(...(await Promise.all(["A", "B", "C"].map((name, i) => startServer(name, PORTS[i]!, env)))));
  proxy = await startNginx(PORTS, HTTPS_PORT, HTTP_PORT, DOOR_PORTS);
  const [post] = await rows<{ id: number }>("SELECT id FROM posts WHERE slug = 'hello-world'");
  const r = await request(`${proxy.site}/?p=${post!.id}`);
  postPath = r.status === 200 ? `/?p=${post!.id}` : new URL(String(r.headers.location), proxy.site).pathname;
  // The comment form as a reader's browser got it; it is sent back at least 2 s later, as a person
  // would (lib/comments/form-token.ts refuses a form filled faster).
  form = commentFormFields(await read(0, postPath));
  formAt = Date.now();
});

const formAged = () => new Promise((r) => setTimeout(r, Math.max(0, formAt + 2100 - Date.now())));

test.afterAll(async () => {
  proxy?.stop();
  await Promise.all(servers.map((s) => stopServer(s)));
  pgServer?.stop();
  if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
});

const door = (i: number) => proxy!.doors[i]!;

async function signIn(browser: Browser, login: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${proxy!.site}/login/`);
  await page.getByLabel("Username or Email Address").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return page;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** An anonymous reader's page through one server (no cookie: the page cache answers when it can). */
const read = async (i: number, p: string) => (await request(`${door(i)}${p}`)).body;

test("a change made through one server is seen through the others on their next request", async ({ browser }) => {
  const admin = await signIn(browser, "admin", ADMIN_PASSWORD);

  // A held comment, approved through A, shows through B and C, whose page caches held the post.
  const text = `Seen through every server ${Date.now()}`;
  await formAged();
  const body = new URLSearchParams({ ...form, author: "Scale Reader", email: "reader@example.com", url: "", comment: text }).toString();
  const posted = await request(`${proxy!.site}/wp-comments-post.php`, { method: "POST", body, localAddress: "127.0.0.77" });
  expect(posted.status).toBe(303);
  for (const i of [1, 2]) expect(await read(i, postPath)).not.toContain(text);
  await admin.goto(`${door(0)}/admin/comments/?comment_status=moderated`);
  const row = admin.getByRole("row", { name: "Comment by Scale Reader" }).filter({ hasText: text });
  await row.getByRole("button", { name: "Approve comment by Scale Reader" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 comment approved.");
  for (const i of [1, 2]) expect(await read(i, postPath)).toContain(text);

  // The site title, from the settings form rendered by A and sent to B (same build, same key: the
  // action's id and its encrypted arguments mean the same on every server), shows through A and C.
  for (const i of [0, 2]) expect(await read(i, "/")).toContain("<title>");
  const renamed = `Scaled Out ${Date.now()}`;
  await admin.goto(`${door(0)}/admin/settings/general/`);
  const sentTo: string[] = [];
  await admin.route(`${door(0)}/**`, async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    const to = req.url().replace(door(0), door(1));
    sentTo.push(to);
    const headers = await req.allHeaders();
    delete headers.host;
    await route.fulfill({ response: await route.fetch({ url: to, headers: { ...headers, origin: door(1) } }) });
  });
  await admin.getByLabel("Site Title").fill(renamed);
  await admin.getByRole("button", { name: "Save Changes" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();
  await admin.unrouteAll();
  expect(sentTo.length).toBeGreaterThan(0);
  expect(proxy!.accessLog().filter((l) => l.includes(" POST /admin/settings/general/")).map((l) => l.split(" ")[1])).toEqual(sentTo.map(() => String(DOOR_PORTS[1])));
  for (const i of [0, 2]) expect(await read(i, "/")).toContain(`<title>${renamed}`);

  // A role taken away through C: the editor's next request to A is refused.
  const editor = await signIn(browser, EDITOR.login, EDITOR.password);
  await editor.goto(`${door(0)}/admin/posts/`);
  const postsHeading = editor.getByRole("heading", { level: 1, name: /^Posts/ });
  await expect(postsHeading).toBeVisible();
  await admin.goto(`${door(2)}/admin/users/`);
  const user = admin.getByRole("row").filter({ hasText: EDITOR.login });
  await user.getByLabel(`Role of ${EDITOR.login}`, { exact: true }).selectOption("subscriber");
  await user.getByRole("button", { name: `Change role of ${EDITOR.login}` }).click();
  await expect(admin.getByText("Changed roles.")).toBeVisible();
  const refused = await editor.goto(`${door(0)}/admin/posts/`);
  expect(refused?.status()).toBe(403);
  await expect(postsHeading).toHaveCount(0);
  await editor.context().close();

  // A theme activated through B, and a widget taken out through C, show through the others.
  for (const i of [0, 2]) expect(await read(i, "/")).toContain('data-theme="classic"');
  await admin.goto(`${door(1)}/admin/appearance/`);
  await admin.getByRole("button", { name: "Activate Modern" }).click();
  await expect(admin.getByText("New theme activated.")).toBeVisible();
  for (const i of [0, 2]) expect(await read(i, "/")).toContain('data-theme="modern"');
  for (const i of [0, 1]) expect(await read(i, "/")).toContain("Entries feed");
  await admin.goto(`${door(2)}/admin/appearance/widgets/`);
  await admin.getByRole("checkbox", { name: "Show Meta" }).uncheck();
  await admin.getByRole("button", { name: "Save Widgets" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Widgets saved." })).toBeVisible();
  for (const i of [0, 1]) expect(await read(i, "/")).not.toContain("Entries feed");

  // Log Out through A ends the session on every server: a copy of its cookie opens nothing on B.
  const copy = await browser.newContext({ ignoreHTTPSErrors: true });
  await copy.addCookies(await admin.context().cookies());
  const thief = await copy.newPage();
  await thief.goto(`${door(1)}/admin/`);
  await expect(thief.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await admin.goto(`${door(0)}/admin/`);
  await admin.getByRole("button", { name: "Log Out", exact: true }).click();
  await expect(admin).toHaveURL(/\/login\//);
  await thief.goto(`${door(1)}/admin/`);
  await expect(thief).toHaveURL(/\/login\//);
  await copy.close();
  await admin.context().close();
});

test("posts, lockouts and imports cross servers: written through one, seen and counted through the others", async ({ browser }) => {
  // A post published through A shows on B and C; edited through C, on A.
  for (const i of [1, 2]) await read(i, "/");
  const title = `Published through A ${Date.now()}`;
  const created = await xmlrpc(door(0), "wp.newPost", [int(1), str(AUTHOR.login), str(AUTHOR.password), struct({ post_title: title, post_status: "publish", post_content: "<p>Across servers.</p>" })]);
  const postId = /<string>(\d+)<\/string>/.exec(created)?.[1];
  expect(postId, created).toBeTruthy();
  for (const i of [1, 2]) expect(await read(i, "/")).toContain(title);
  const edited = `${title}, edited through C`;
  expect(await xmlrpc(door(2), "wp.editPost", [int(1), str(AUTHOR.login), str(AUTHOR.password), int(Number(postId)), struct({ post_title: edited })])).toContain("<boolean>1</boolean>");
  expect(await read(0, "/")).toContain(edited);

  // Five wrong passwords through A lock the account: the sixth attempt, through B and from another
  // address, is refused although its password is right.
  cli("user", "create", "scalelocked", "scalelocked@example.com", "--role", "author", "--password", "scale-locked-password");
  for (let i = 0; i < 5; i++) {
    expect(await xmlrpc(door(0), "wp.getUsersBlogs", [str("scalelocked"), str(`wrong-${i}`)], "127.0.4.1")).toContain("Incorrect username or password.");
  }
  expect(await xmlrpc(door(1), "wp.getUsersBlogs", [str("scalelocked"), str("scale-locked-password")], "127.0.4.2")).toContain("Too many failed sign-in attempts.");

  // An import uploaded through A is followed, and its authors assigned, through B (which takes the
  // read file from the database and writes it); C shows it finished.
  const admin = await signIn(browser, "admin", ADMIN_PASSWORD);
  const stamp = Date.now();
  const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[old-${stamp}]]></wp:author_login><wp:author_email>old-${stamp}@example.com</wp:author_email><wp:author_display_name><![CDATA[Old Author]]></wp:author_display_name></wp:author>
<item><title>Imported across servers ${stamp}</title><dc:creator><![CDATA[old-${stamp}]]></dc:creator><content:encoded><![CDATA[<p>Moved.</p>]]></content:encoded><wp:post_id>9001</wp:post_id><wp:post_date>2019-05-04 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-04 10:00:00</wp:post_date_gmt><wp:post_name>imported-${stamp}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`;
  await admin.goto(`${door(0)}/admin/tools/import/`);
  await admin.getByLabel("WXR file (.xml)").setInputFiles({ name: "old.xml", mimeType: "text/xml", buffer: Buffer.from(wxr) });
  await admin.getByRole("button", { name: "Upload file and import" }).click();
  await expect(admin).toHaveURL(/\?job=/);
  await expect(admin.getByRole("heading", { name: "Assign Authors" })).toBeVisible();
  const job = new URL(admin.url()).searchParams.get("job");
  await admin.goto(`${door(1)}/admin/tools/import/?job=${job}`);
  await expect(admin.getByRole("heading", { name: "Assign Authors" })).toBeVisible();
  await admin.getByRole("button", { name: "Run the import" }).click();
  // The page polls until the write (and the attachments' turn) is done: seconds on a loaded machine.
  await expect(admin.getByText("Import finished.")).toBeVisible({ timeout: 20_000 });
  await admin.goto(`${door(2)}/admin/tools/import/?job=${job}`);
  await expect(admin.getByText("Import finished.")).toBeVisible();
  await expect(admin.getByRole("table", { name: "What arrived" }).getByRole("row", { name: /^Posts 1 0$/ })).toBeVisible();
  const status = await (await admin.request.get(`${door(0)}/admin/tools/import/status/?job=${job}`)).json();
  expect(status).toMatchObject({ phase: "done", percent: 100 });

  // An import whose server died with it in hand (nothing written for ten minutes) says so wherever
  // it is looked at, instead of running for ever.
  const dead = "00000000-0000-4000-8000-00000000dead";
  const tenMinutesAgo = Date.now() - 10 * 60_000;
  const state = JSON.stringify({ fileName: "big-blog.xml", source: "file", progress: { phase: "writing", done: 10, total: 100 }, downloadMedia: false });
  await rows("INSERT INTO import_jobs (id, user_id, state, started_at, updated_at) SELECT $1, id, $2, $3, $3 FROM users WHERE login = 'admin'", [dead, state, tenMinutesAgo]);
  await admin.goto(`${door(2)}/admin/tools/import/?job=${dead}`);
  await expect(admin.getByText("The server running this import stopped before it finished")).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.context().close();
});

const str = (v: string) => `<value><string>${v}</string></value>`;
const int = (v: number) => `<value><int>${v}</int></value>`;
const struct = (members: Record<string, string>) => `<value><struct>${Object.entries(members).map(([k, v]) => `<member><name>${k}</name>${str(v)}</member>`).join("")}</struct></value>`;

/** One XML-RPC call through `base`, from `localAddress`; the response's body. */
async function xmlrpc(base: string, method: string, params: string[], localAddress = "127.0.5.1"): Promise<string> {
  const body = `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${params.map((p) => `<param>${p}</param>`).join("")}</params></methodCall>`;
  return (await request(`${base}/xmlrpc.php`, { method: "POST", body, headers: { "content-type": "text/xml" }, localAddress })).body;
}

function xmlrpcDraft(title: string): string {
  const params = [int(1), str(AUTHOR.login), str(AUTHOR.password), struct({ post_title: title, post_status: "draft", post_content: `<p>${title}</p>` })];
  return `<?xml version="1.0"?><methodCall><methodName>wp.newPost</methodName><params>${params.map((p) => `<param>${p}</param>`).join("")}</params></methodCall>`;
}

test("under load, a server killed loses no acknowledged write, readers see no error, and it rejoins when restarted", async () => {
  await formAged();
  const readerPaths = ["/", postPath, "/?s=hello", "/category/uncategorized/"];
  const readerErrors: string[] = [];
  const cutShort: string[] = [];
  let reads = 0;
  const comments: { id: number; text: string }[] = [];
  const drafts: { id: number; title: string }[] = [];
  const refusedWrites: string[] = [];
  let stop = false;
  let n = 0;

  const reader = async (k: number) => {
    for (let i = 0; !stop; i++) {
      const p = readerPaths[(i + k) % readerPaths.length]!;
      try {
        const r = await request(`${proxy!.site}${p}`, { localAddress: `127.0.2.${k + 1}` });
        reads++;
        if (r.status !== 200) readerErrors.push(`${r.status} ${p}`);
      } catch (e) {
        (((e as { afterHeaders?: boolean }).afterHeaders ? cutShort : readerErrors)).push(`${(e as Error).message} ${p}`);
      }
    }
  };
  const commenter = async (k: number) => {
    while (!stop) {
      const i = ++n;
      const text = `Load comment ${k}-${i} ${Date.now()}`;
      // A commenter of their own each time: the flood rule allows one comment per address per 15 s.
      const body = new URLSearchParams({ ...form, author: `Loader ${k}`, email: `loader${i}@example.com`, url: "", comment: text }).toString();
      try {
        const r = await request(`${proxy!.site}/wp-comments-post.php`, { method: "POST", body, localAddress: `127.0.${10 + (i >> 8)}.${i & 255 || 1}` });
        const id = /comment-(\d+)/.exec(String(r.headers.location ?? ""))?.[1];
        if (r.status === 303 && id) comments.push({ id: Number(id), text });
        else refusedWrites.push(`comment ${r.status}`);
      } catch (e) {
        refusedWrites.push(`comment ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const author = async () => {
    for (let i = 1; !stop; i++) {
      const title = `Load draft ${i} ${Date.now()}`;
      try {
        const r = await request(`${proxy!.site}/xmlrpc.php`, { method: "POST", body: xmlrpcDraft(title), headers: { "content-type": "text/xml" }, localAddress: "127.0.3.1" });
        const id = /<methodResponse><params><param><value><string>(\d+)<\/string>/.exec(r.body.replace(/\s+/g, ""))?.[1];
        if (r.status === 200 && id) drafts.push({ id: Number(id), title });
        else refusedWrites.push(`draft ${r.status} ${r.body.slice(0, 200)}`);
      } catch (e) {
        refusedWrites.push(`draft ${(e as Error).message}`);
      }
    }
  };

  const load = Promise.all([0, 1, 2, 3].map(reader).concat([0, 1].map(commenter), [author()]));
  const b = servers[1]!;
  const killedAt = Date.now();
  try {
    await new Promise((r) => setTimeout(r, 4000));
    await stopServer(b, "SIGKILL");
    await new Promise((r) => setTimeout(r, 4000));
    servers[1] = await startServer("B", PORTS[1]!, env);
    const restartedAt = Date.now() / 1000;
    // nginx tries B again once fail_timeout (5 s) has passed, and B then takes its share.
    const deadline = Date.now() + 20_000;
    const servedByB = () => proxy!.accessLog().filter((l) => Number(l.split(" ")[0]) > restartedAt && l.includes(`"127.0.0.1:${PORTS[1]}"`) && / 200 /.test(l)).length;
    while (servedByB() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(servedByB(), "requests nginx sent to B after its restart").toBeGreaterThanOrEqual(10);
  } finally {
    stop = true;
    await load;
  }

  console.log(`scale-out load: ${reads} reads, ${comments.length} comments and ${drafts.length} drafts acknowledged, refused or failed writes: ${refusedWrites.length}, cut short: ${cutShort.length}, ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
  expect(readerErrors, "errors readers saw").toEqual([]);
  // They saw none because nginx sent the reads that met B down to another server.
  const retried = proxy!.accessLog().filter((l) => l.includes(`"127.0.0.1:${PORTS[1]}, `) && l.includes(" GET "));
  expect(retried.length, "reads nginx retried on another server").toBeGreaterThan(0);
  expect(comments.length).toBeGreaterThan(10);
  expect(drafts.length).toBeGreaterThan(3);
  // Every acknowledged write is in the database.
  const savedComments = await rows<{ id: number; content: string }>("SELECT id, content FROM comments WHERE id = ANY($1)", [comments.map((c) => c.id)]);
  expect(new Map(savedComments.map((c) => [c.id, c.content.replace(/<[^>]+>/g, "").trim()]))).toEqual(new Map(comments.map((c) => [c.id, c.text])));
  const savedDrafts = await rows<{ id: number; title: string; status: string }>("SELECT id, title, status FROM posts WHERE id = ANY($1)", [drafts.map((d) => d.id)]);
  expect(new Map(savedDrafts.map((d) => [d.id, `${d.title} ${d.status}`]))).toEqual(new Map(drafts.map((d) => [d.id, `${d.title} draft`])));
});
