import { expect, test } from "@playwright/test";
import { asVisitor, discussionPost, likeAPerson } from "../support/discussion";
import { XSS_NAME, XSS_PAYLOADS, XSS_URL } from "../support/xss-corpus";

const PER_COMMENT = 5;

test("no XSS payload posted through the form runs in a reader's browser", async ({ page, context }) => {
  test.setTimeout(120_000);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const batches: string[][] = [];
  for (let i = 0; i < XSS_PAYLOADS.length; i += PER_COMMENT) batches.push(XSS_PAYLOADS.slice(i, i + PER_COMMENT));

  for (const [n, batch] of batches.entries()) {
    // Each comment from its own address and email: the flood rule is not what is being tested.
    await asVisitor(context, 150 + n);
    await page.goto(discussionPost("xss"));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(n === 0 ? XSS_NAME : `Mallory ${n}`);
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(`mallory${n}@example.com`);
    if (n === 0) {
      await page.locator("#commentform").evaluate((f) => f.setAttribute("novalidate", ""));
      await page.getByRole("textbox", { name: "Website", exact: true }).fill(XSS_URL);
    }
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill(`xss batch ${n}\n\n${batch.join("\n\n")}`);
    await likeAPerson(page);
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.locator("li.comment", { hasText: `xss batch ${n}` })).toBeVisible();
  }

  // A fresh load renders every stored payload from the server (held comments: shown to their author).
  await page.goto(discussionPost("xss"));
  await expect(page.locator("li.comment")).toHaveCount(batches.length);
  for (const c of await page.locator(".comment-content").all()) await c.hover();
  await page.waitForTimeout(500);

  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const findings = await page.locator("ol.comment-list").evaluate((list) => {
    const bad: string[] = [];
    for (const el of Array.from(list.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`);
        if (["href", "src", "action", "formaction", "cite", "xlink:href", "data"].includes(attr.name) && /^\s*(javascript|vbscript|data:text)/i.test(attr.value)) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    for (const content of Array.from(list.querySelectorAll(".comment-content"))) {
      for (const el of Array.from(content.querySelectorAll("*"))) {
        if (!["A", "ABBR", "ACRONYM", "B", "BLOCKQUOTE", "CITE", "CODE", "DEL", "EM", "I", "Q", "S", "STRIKE", "STRONG", "P", "BR"].includes(el.tagName)) bad.push(`tag ${el.tagName}`);
        if (el.hasAttribute("style")) bad.push(`style on ${el.tagName}`);
        if (el.tagName === "A" && el.getAttribute("rel") !== "nofollow ugc") bad.push(`rel ${el.getAttribute("rel")}`);
      }
    }
    return bad;
  });
  expect(findings).toEqual([]);
  // The payloads are shown as harmless text where they were not removed.
  await expect(page.locator(".comment-content").first()).toContainText("xss batch 0");
  await expect(page.getByRole("link", { name: "fine link" })).toHaveAttribute("rel", "nofollow ugc");
  await expect(page.getByText("Mallory", { exact: false }).first()).toBeVisible();
});
