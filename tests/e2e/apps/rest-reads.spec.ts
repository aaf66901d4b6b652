// The WordPress REST API over real HTTP, as WordPress clients and static site builders call it.
import { test, expect } from "@playwright/test";

test("GET /wp-json/wp/v2/posts answers JSON with WordPress's headers, with or without the trailing slash", async ({ request }) => {
  const slash = await request.get("/wp-json/wp/v2/posts/?per_page=1");
  expect(slash.status()).toBe(200);
  expect(slash.headers()["content-type"]).toContain("application/json");
  expect(Number(slash.headers()["x-wp-total"])).toBeGreaterThan(0);
  expect(Number(slash.headers()["x-wp-totalpages"])).toBeGreaterThan(0);
  const [first] = (await slash.json()) as { title: { rendered: string }; link: string }[];
  expect(first!.title.rendered).toBeTruthy();

  // Clients write the route without the slash, as WordPress spells it: it answers directly.
  const bare = await request.get("/wp-json/wp/v2/posts?per_page=1", { maxRedirects: 0 });
  expect(bare.status()).toBe(200);
  expect(bare.headers()["x-wp-total"]).toBe(slash.headers()["x-wp-total"]);
  expect(await bare.json()).toEqual(await slash.json());
  expect((await request.get("/wp-json", { maxRedirects: 0 })).status()).toBe(200);
});

test("the REST API shows no drafts and no emails, and errors look like WordPress's", async ({ request }) => {
  const users = await request.get("/wp-json/wp/v2/users/");
  expect(users.status()).toBe(200);
  expect(await users.text()).not.toMatch(/@example\.com|password|"email"/);
  const bad = await request.get("/wp-json/wp/v2/posts/?per_page=500");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ code: "rest_invalid_param", data: { status: 400 } });
  const none = await request.get("/wp-json/wp/v2/posts/999999/");
  expect(none.status()).toBe(404);
  expect(await none.json()).toEqual({ code: "rest_post_invalid_id", message: "Invalid post ID.", data: { status: 404 } });
  const root = await request.get("/wp-json/");
  expect((await root.json()).namespaces).toContain("wp/v2");
});
