// The REST API and the author pages show an author's public name and nicename, never the login
// or the email (seed-hardening.ts makes an author whose three differ).
import { test, expect } from "@playwright/test";
import { HARDENING_USER as U } from "../support/seed-hardening";

test("no public page or API answer reveals an author's login or email", async ({ request }) => {
  const api = await request.get("/wp-json/wp/v2/posts?slug=hardening-privacy-post");
  expect(api.status()).toBe(200);
  const [post] = (await api.json()) as { link: string; author: number }[];
  expect(post, "the seeded post is public").toBeTruthy();
  const postPath = new URL(post!.link).pathname;

  const paths = [
    postPath,
    `/author/${U.nicename}/`,
    `/author/${U.nicename}/feed/`,
    `/?author=${post!.author}`,
    "/wp-json/wp/v2/users",
    `/wp-json/wp/v2/users/${post!.author}`,
    `/wp-json/wp/v2/users?search=${U.login}`,
    `/wp-json/wp/v2/posts?slug=hardening-privacy-post`,
    "/feed/",
    "/?s=Hardening+privacy",
  ];
  let sawName = 0;
  for (const p of paths) {
    const res = await request.get(p);
    expect(res.status(), p).toBeLessThan(400);
    const body = await res.text();
    expect(body, `${p} reveals the login`).not.toContain(U.login);
    expect(body.toLowerCase(), `${p} reveals the email`).not.toContain(U.email);
    if (body.includes(U.displayName) || body.includes(U.nicename)) sawName++;
  }
  // The checks looked at pages that really are about this author.
  expect(sawName).toBeGreaterThanOrEqual(5);
  // The login is not an address of the author archive.
  expect((await request.get(`/author/${U.login}/`)).status()).toBe(404);
});
