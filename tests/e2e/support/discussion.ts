import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { DISCUSSION_DATE_FILE } from "./discussion-date";
import type { BrowserContext, Page } from "@playwright/test";

/** Where seed-discussion.ts put a post: the day it was seeded, under WordPress's default permalinks. */
export function discussionPost(slug: string): string {
  const [y, m, d] = readFileSync(DISCUSSION_DATE_FILE, "utf8").trim().split("-");
  return `/${y}/${m}/${d}/discussion-${slug}/`;
}

let ipCounter = 0;
/** Each visitor speaks from its own address, so WordPress's 15-second flood rule never links two tests. */
export async function asVisitor(context: BrowserContext, n?: number) {
  const ip = `203.0.113.${n ?? 100 + (++ipCounter % 150)}`;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  return ip;
}

/** The form refuses (as spam) anything sent under 2 s after it was shown, as a bot would. */
export async function likeAPerson(page: Page) {
  await page.waitForTimeout(2100);
}

/** The AUTH_SECRET the e2e server runs with (playwright.config.ts), to sign a form's time. */
const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production";

/** A form token as the page would have issued it `ageMs` ago (lib/comments/form-token.ts). */
export function formTokenFrom(postId: number, ageMs: number): string {
  const ms = Date.now() - ageMs;
  return `${ms}.${createHmac("sha256", E2E_AUTH_SECRET).update(`comment-form:${postId}:${ms}`).digest("base64url")}`;
}
