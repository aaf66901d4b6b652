// The admin's tables of what came of a post's pings and fediverse deliveries (one shared table,
// components/admin/results-table.tsx), rendered from real rows as the admin screens render them.
import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { makePost, makeUser } from "../support/factories";
import { upsertPing } from "@/db/queries/pings";
import { recordDelivery } from "@/db/queries/federation";
import { PingResults } from "@/app/admin/pings/_components/ping-results";
import { FediverseDeliveries } from "@/app/admin/pings/_components/fediverse-deliveries";
import { RecentDeliveries } from "@/app/admin/users/followers/_components/recent-deliveries";

let postId: number;

beforeAll(async () => {
  const u = await makeUser("author");
  // As a WordPress export writes a title: an entity and inline markup.
  postId = (await makePost(u.id, { title: "Media &amp; Text <em>now</em>" })).id;
  await upsertPing(postId, "https://example.com/a-post/", "pingback", "sent", "Pingback registered");
  await recordDelivery({ postId, activityId: "https://blog.test/a/1", activityType: "Create", inbox: "https://mastodon.example/inbox", host: "mastodon.example", status: "delivered", attempt: true });
  await recordDelivery({ postId, activityId: "https://blog.test/a/1", activityType: "Create", inbox: "https://other.example/inbox", host: "other.example", status: "failed", error: "HTTP 500", attempt: true });
});

const headers = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);

describe("delivery result tables", () => {
  it("show a post's pings, its deliveries and the posts sent to followers in the one table, each with its caption", async () => {
    const pings = renderToStaticMarkup(await PingResults({ postId }));
    expect(pings).toContain('<caption class="sr-only">Ping results</caption>');
    expect(headers(pings)).toEqual(["URL", "Protocol", "Result", "Details", "Updated (UTC)"]);
    expect(pings).toMatch(/<td class="p-2 break-all">https:\/\/example.com\/a-post\/<\/td><td class="p-2">Pingback<\/td><td class="p-2">Sent<\/td>/);

    const deliveries = renderToStaticMarkup(await FediverseDeliveries({ postId }));
    expect(deliveries).toContain('<caption class="sr-only">Fediverse delivery results</caption>');
    expect(headers(deliveries)).toEqual(["Server", "Activity", "Result", "Tries", "Details", "Updated (UTC)"]);
    expect(deliveries).toContain("<td class=\"p-2\">Failed</td><td class=\"p-2\">1</td><td class=\"p-2 break-words\">HTTP 500</td>");

    const recent = renderToStaticMarkup((await RecentDeliveries())!);
    expect(recent).toContain('<caption class="sr-only">Posts sent to followers</caption>');
    expect(headers(recent)).toEqual(["Post", "Delivered", "Failed", "Paused", "Last (UTC)"]);
    // Each table scrolls in its own box on a phone, named for a screen reader.
    for (const html of [pings, deliveries, recent]) expect(html).toMatch(/<div class="mt-4 overflow-x-auto" tabindex="0" role="region" aria-label="[^"]+"><table/);
  });

  it("name a post sent to followers by its title's text, as the rest of the admin does (no entity or tag shown)", async () => {
    const recent = renderToStaticMarkup((await RecentDeliveries())!);
    expect(recent).toMatch(/ href="\/admin\/pings\/\d+\/?">Media &amp; Text now<\/a>/);
    expect(recent).not.toContain("&amp;amp;");
    expect(recent).not.toContain("&lt;em&gt;");
  });
});
