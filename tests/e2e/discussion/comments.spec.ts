import { expect, test } from "@playwright/test";
import { asVisitor, discussionPost, formTokenFrom, likeAPerson } from "../support/discussion";
import { signInAs } from "../support/auth";

test.describe("the comment form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows WordPress's form, and a reply lands under its parent after a 303", async ({ page, context }) => {
    await asVisitor(context, 11);
    await page.goto(discussionPost("threads"));
    await expect(page.getByRole("heading", { name: "Leave a Reply" })).toBeVisible();
    await expect(page.getByText("Your email address will not be published.")).toBeVisible();
    for (const label of ["Name", "Email", "Website", "Comment"]) await expect(page.getByRole("textbox", { name: label, exact: true })).toBeVisible();
    await expect(page.getByLabel("Save my name, email, and website in this browser for the next time I comment.")).toBeVisible();

    // Threads: five levels nested, the last one without a Reply link; the pingback listed apart.
    const level = (n: number) => page.getByRole("article", { name: `Comment by Level ${n} Larry` });
    await expect(page.locator("li.comment li.comment li.comment li.comment li.comment").getByText("Comment at depth 5.")).toBeVisible();
    await expect(level(4).getByRole("link", { name: "Reply to Level 4 Larry" })).toBeVisible();
    await expect(level(5).getByRole("link", { name: /Reply/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Pingbacks and Trackbacks" })).toBeVisible();
    await expect(page.getByRole("link", { name: "A linking blog" })).toHaveAttribute("rel", /nofollow ugc/);

    await level(2).getByRole("link", { name: "Reply to Level 2 Larry" }).click();
    await expect(page.getByRole("heading", { name: "Leave a Reply to Level 2 Larry" })).toBeVisible();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Nojs Nora");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("nora@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("A reply sent without JavaScript.");
    await likeAPerson(page);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Post Comment" }).click(),
    ]);
    expect(response.status()).toBe(303);
    await page.waitForURL(/#comment-\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    const mine = page.locator(`li#${id}`);
    await expect(mine).toContainText("A reply sent without JavaScript.");
    await expect(mine).toContainText("Your comment is awaiting moderation.");
    // Nested under Level 2's comment.
    const level2Li = page.locator("li.comment", { has: page.getByRole("article", { name: "Comment by Level 2 Larry" }) }).last();
    await expect(level2Li.locator(`> ol.children > li#${id}`)).toHaveCount(1);
  });

  test("a refused comment comes back with the error beside the form and what was typed kept", async ({ page, context }) => {
    await asVisitor(context, 12);
    await page.goto(discussionPost("errors"));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Typo Tom");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("tom-at-example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("My carefully written words.");
    await likeAPerson(page);
    // Let the server judge the email, not the browser.
    await page.locator("#commentform").evaluate((f) => f.setAttribute("novalidate", ""));
    const [bad] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php")), page.getByRole("button", { name: "Post Comment" }).click()]);
    expect(bad.status()).toBe(400);
    await expect(page.getByText("Please enter a valid email address.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Typo Tom");
    await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("My carefully written words.");

    await page.getByRole("textbox", { name: "Email", exact: true }).fill("tom@example.com");
    await likeAPerson(page);
    const [ok] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php")), page.getByRole("button", { name: "Post Comment" }).click()]);
    expect(ok.status()).toBe(303);

    // The same words again: a duplicate (409), before the flood rule.
    await page.goto(discussionPost("errors"));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Typo Tom");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("tom@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("My carefully written words.");
    await likeAPerson(page);
    const [dup] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php")), page.getByRole("button", { name: "Post Comment" }).click()]);
    expect(dup.status()).toBe(409);
    await expect(page.getByText("Duplicate comment detected; it looks as though you’ve already said that!")).toBeVisible();

    // New words within 15 seconds: too quick (429).
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Something else entirely.");
    await likeAPerson(page);
    const [flood] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php")), page.getByRole("button", { name: "Post Comment" }).click()]);
    expect(flood.status()).toBe(429);
    await expect(page.getByText("You are posting comments too quickly. Slow down.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("Something else entirely.");
  });

  test("a form left open for more than a day: the comment is held as spam, its author told it awaits moderation, nobody else sees it", async ({ page, context, browser, request }) => {
    await asVisitor(context, 16);
    await page.goto(discussionPost("errors"));
    const postId = Number(await page.locator('input[name="comment_post_ID"]').inputValue());
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Slow Sally");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("sally@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("I wrote this yesterday and sent it today.");
    // The tab stayed open since yesterday: the form's signed time is 25 hours old.
    await page.locator('input[name="comment_ts"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), formTokenFrom(postId, 25 * 3600_000));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Post Comment" }).click(),
    ]);
    expect(response.status()).toBe(303);
    await page.waitForURL(/#comment-\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    const mine = page.locator(`li#${id}`);
    await expect(mine).toContainText("I wrote this yesterday and sent it today.");
    await expect(mine).toContainText("Your comment is awaiting moderation.");

    // Another visitor does not see it.
    const other = await browser.newContext({ javaScriptEnabled: false });
    try {
      await asVisitor(other, 17);
      const p2 = await other.newPage();
      await p2.goto(discussionPost("errors"));
      await expect(p2.getByRole("heading", { name: "Leave a Reply" })).toBeVisible();
      await expect(p2.getByText("I wrote this yesterday and sent it today.")).toHaveCount(0);
      await expect(p2.locator(`li#${id}`)).toHaveCount(0);
    } finally {
      await other.close();
    }

    // A script is told what any held comment's author is told: nothing says "spam".
    const res = await request.post("/wp-comments-post.php", {
      headers: { "x-forwarded-for": "203.0.113.18", accept: "application/json" },
      form: { comment_post_ID: String(postId), comment_parent: "0", author: "Stale Bot", email: "bot@example.com", comment: "Old form, sent by a script.", comment_ts: formTokenFrom(postId, 25 * 3600_000), website_confirm: "" },
    });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { ok: boolean; status: string; url: string };
    expect(body).toMatchObject({ ok: true, status: "0" });
    expect(JSON.stringify(body)).not.toContain("spam");
  });

  test("a signed-in user without JavaScript sees \"Logged in as\" and can log out", async ({ page, context }) => {
    await asVisitor(context, 15);
    await signInAs(page, "subscriber");
    await page.goto(discussionPost("errors"));
    await expect(page.getByText("Logged in as Subscriber Person.")).toBeVisible();
    await page.getByRole("button", { name: "Log out?" }).click();
    await expect(page.getByText("You are now logged out.")).toBeVisible();
    await page.goto(discussionPost("errors"));
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toBeVisible();
  });

  test("a post with comments closed has no form, and a POST to it gets 403", async ({ page, context, request }) => {
    await asVisitor(context, 13);
    await page.goto(discussionPost("closed"));
    await expect(page.getByRole("heading", { name: "Discussion closed" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Leave a Reply" })).toHaveCount(0);
    const html = await page.content();
    const postId = /post-title-(\d+)|"comment_post_ID" value="(\d+)"/.exec(html);
    expect(postId).toBeNull();
    // Its ID, as an app would find it (the page itself names none).
    const [closed] = (await (await request.get("/wp-json/wp/v2/posts?slug=discussion-closed")).json()) as { id: number }[];
    const res = await request.post("/wp-comments-post.php", {
      headers: { "x-forwarded-for": "203.0.113.14" },
      form: { comment_post_ID: String(closed!.id), author: "A", email: "a@example.com", comment: "hello" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("Sorry, comments are closed for this item.");
  });
});

test.describe("the comment form with JavaScript", () => {
  test("Reply moves the form under the comment, and the reply appears in place without a page load", async ({ page, context }) => {
    await asVisitor(context, 21);
    await page.goto(discussionPost("threads"));
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    const level1 = page.getByRole("article", { name: "Comment by Level 1 Larry" });
    await level1.getByRole("link", { name: "Reply to Level 1 Larry" }).click();
    await expect(page.getByRole("heading", { name: "Leave a Reply to Level 1 Larry" })).toBeVisible();
    await expect(level1.locator("#respond")).toHaveCount(1);
    await page.getByRole("link", { name: "Cancel reply" }).click();
    await expect(page.getByRole("heading", { name: "Leave a Reply", exact: true })).toBeVisible();
    await expect(level1.locator("#respond")).toHaveCount(0);

    const level3 = page.getByRole("article", { name: "Comment by Level 3 Larry" });
    await level3.getByRole("link", { name: "Reply to Level 3 Larry" }).click();
    await expect(level3.locator("#respond")).toHaveCount(1);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Script Sam");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("sam@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("A reply sent with JavaScript.");
    await likeAPerson(page);
    await page.getByRole("button", { name: "Post Comment" }).click();
    const mine = page.locator("li.comment", { hasText: "A reply sent with JavaScript." }).last();
    await expect(mine).toContainText("Your comment is awaiting moderation.");
    await expect(page).toHaveURL(/#comment-\d+$/);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    const level3Li = page.locator("li.comment", { has: level3 }).last();
    await expect(level3Li.locator("> ol.children > li.comment", { hasText: "A reply sent with JavaScript." })).toHaveCount(1);
    // The form is back at the bottom, empty, ready for the next comment.
    await expect(page.getByRole("heading", { name: "Leave a Reply", exact: true })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("");
  });

  test("a refused comment shows the error beside the form, nothing lost", async ({ page, context }) => {
    await asVisitor(context, 22);
    await page.goto(discussionPost("errors"));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Quick Quinn");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("quinn@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("First words.");
    await likeAPerson(page);
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.locator("li.comment", { hasText: "First words." })).toBeVisible();
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Second words, too soon.");
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.locator("#comment-error")).toContainText("You are posting comments too quickly. Slow down.");
    await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("Second words, too soon.");
  });

  test("a form left open for more than a day: the comment appears in place, awaiting moderation", async ({ page, context }) => {
    await asVisitor(context, 26);
    await page.goto(discussionPost("errors"));
    const postId = Number(await page.locator('input[name="comment_post_ID"]').inputValue());
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Slow Simon");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("simon@example.com");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Typed yesterday, sent with JavaScript today.");
    await page.locator('input[name="comment_ts"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), formTokenFrom(postId, 25 * 3600_000));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Post Comment" }).click(),
    ]);
    expect(response.status()).toBe(201);
    expect(await response.json()).toMatchObject({ ok: true, status: "0" });
    const mine = page.locator("li.comment", { hasText: "Typed yesterday, sent with JavaScript today." });
    await expect(mine).toContainText("Your comment is awaiting moderation.");
    await expect(page.locator("#comment-error")).toHaveCount(0);
  });

  test("a commenter who ticks the box is remembered for a year; one who does not is not", async ({ page, context, browser }) => {
    await asVisitor(context, 23);
    await page.goto(discussionPost("remember"));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Remembered Rita");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("rita@example.com");
    await page.getByRole("textbox", { name: "Website", exact: true }).fill("https://rita.example");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Remember me, please.");
    await page.getByLabel("Save my name, email, and website in this browser for the next time I comment.").check();
    await likeAPerson(page);
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.locator("li.comment", { hasText: "Remember me, please." })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === "inkwell_commenter");
    expect(cookie).toBeTruthy();
    expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 364 * 86_400_000);
    expect(cookie!.httpOnly).toBe(false);

    await page.goto(discussionPost("threads"));
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Remembered Rita");
    await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue("rita@example.com");
    await expect(page.getByRole("textbox", { name: "Website", exact: true })).toHaveValue("https://rita.example");
    await expect(page.getByLabel("Save my name, email, and website in this browser for the next time I comment.")).toBeChecked();

    const other = await browser.newContext();
    try {
      await asVisitor(other, 24);
      const p2 = await other.newPage();
      await p2.goto(discussionPost("remember"));
      await p2.getByRole("textbox", { name: "Name", exact: true }).fill("Forgotten Fred");
      await p2.getByRole("textbox", { name: "Email", exact: true }).fill("fred@example.com");
      await p2.getByRole("textbox", { name: "Comment", exact: true }).fill("Do not remember me.");
      await likeAPerson(p2);
      await p2.getByRole("button", { name: "Post Comment" }).click();
      await expect(p2.locator("li.comment", { hasText: "Do not remember me." })).toBeVisible();
      expect((await other.cookies()).find((c) => c.name === "inkwell_commenter")).toBeUndefined();
      await p2.reload();
      await expect(p2.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("");
      // Fred's held comment is his alone: Rita's browser does not show it.
      await page.goto(discussionPost("remember"));
      await expect(page.getByText("Do not remember me.")).toHaveCount(0);
      await expect(page.getByText("Remember me, please.")).toBeVisible();
    } finally {
      await other.close();
    }
  });
});

test("a signed-in user comments as themselves", async ({ page, context }) => {
  await asVisitor(context, 25);
  await signInAs(page, "subscriber");
  await page.goto(discussionPost("remember"));
  await expect(page.getByText("Logged in as Subscriber Person.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out?" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Said while signed in.");
  await page.getByRole("button", { name: "Post Comment" }).click();
  const mine = page.locator("li.comment", { hasText: "Said while signed in." });
  await expect(mine).toContainText("Subscriber Person");
  await expect(mine).toContainText("Your comment is awaiting moderation.");
  await page.getByRole("button", { name: "Log out?" }).click();
  await expect(page.getByText("You are now logged out.")).toBeVisible();
});

test("a cross-site POST carrying a moderator's session is an anonymous visitor's comment, held", async ({ page, context, baseURL }) => {
  await signInAs(page, "editor");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const html = await (await fetch(`${baseURL}${discussionPost("remember")}`)).text();
  const postId = Number(/name="comment_post_ID"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="comment_post_ID"/.exec(html)?.slice(1).find(Boolean));
  expect(postId).toBeGreaterThan(0);
  const send = (origin: string, site: string, comment: string, ip: string) =>
    fetch(`${baseURL}/wp-comments-post.php`, {
      method: "POST",
      headers: { cookie, origin, "sec-fetch-site": site, accept: "application/json", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      body: new URLSearchParams({ comment_post_ID: String(postId), comment, author: "Mallory", email: "mallory@evil.example", comment_ts: formTokenFrom(postId, 5000) }),
    });

  const forged = await send("http://evil.example", "cross-site", "Forged by another site.", "203.0.113.27");
  expect(await forged.json()).toMatchObject({ ok: true, status: "0" });
  // "0" is held for moderation; from the site's own page the same session comments as the editor, approved ("1").
  const own = await send(baseURL!, "same-origin", "Sent from the site itself.", "203.0.113.28");
  expect(await own.json()).toMatchObject({ ok: true, status: "1" });

  const reader = await (await fetch(`${baseURL}${discussionPost("remember")}`)).text();
  expect(reader).toContain("Sent from the site itself.");
  expect(reader).not.toContain("Forged by another site.");
});
