// Settings → Discussion → Fediverse blocks: what the lists accept and what they match.
import { describe, expect, it } from "vitest";
import { activityActor, actorBlocked, hostBlocked, parseBlocklist } from "@/lib/federation/blocks";
import { DiscussionSettingsSchema } from "@/lib/validation/settings";

describe("fediverse blocks", () => {
  const list = parseBlocklist("spam.example\n*.bad.example\n", "@Troll@mastodon.example\nhttps://other.example/users/pest\n");

  it("match a server and its subdomains, by host without port", () => {
    expect(hostBlocked(list, "spam.example")).toBe(true);
    expect(hostBlocked(list, "a.spam.example:443")).toBe(true);
    expect(hostBlocked(list, "x.bad.example")).toBe(true);
    expect(hostBlocked(list, "notspam.example")).toBe(false);
    expect(hostBlocked(list, undefined)).toBe(false);
  });

  it("match an account by its address, its server, or its handle in any case", () => {
    expect(actorBlocked(list, "https://other.example/users/pest")).toBe(true);
    expect(actorBlocked(list, "https://other.example/users/friend")).toBe(false);
    expect(actorBlocked(list, "https://spam.example/users/anyone")).toBe(true);
    expect(actorBlocked(list, "https://mastodon.example/users/troll", "@troll@mastodon.example")).toBe(true);
    expect(actorBlocked(list, "https://mastodon.example/users/troll")).toBe(false);
    expect(activityActor({ actor: { id: "https://a.example/u" } })).toBe("https://a.example/u");
    expect(activityActor({ actor: ["x"] })).toBeUndefined();
  });

  it("are checked in Settings → Discussion, one per line, with a clear error", () => {
    const ok = DiscussionSettingsSchema.shape.activitypub_site_blocked_domains.safeParse(" spam.example \r\n\r\nbad.example");
    expect(ok.success && ok.data).toBe("spam.example\nbad.example");
    const bad = DiscussionSettingsSchema.shape.activitypub_site_blocked_domains.safeParse("https://spam.example/");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/one server name per line/);
    expect(DiscussionSettingsSchema.shape.activitypub_site_blocked_actors.safeParse("@a@b.example\nhttps://c.example/u/d").success).toBe(true);
    expect(DiscussionSettingsSchema.shape.activitypub_site_blocked_actors.safeParse("just a name").success).toBe(false);
  });
});
