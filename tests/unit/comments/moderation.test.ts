import { describe, expect, it } from "vitest";
import { countLinks, decideModeration, matchKey, type CommentCandidate, type ModerationOptions } from "@/lib/comments/moderation";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";

const defaults: ModerationOptions = {
  comment_moderation: OPTION_DEFAULTS.comment_moderation,
  comment_previously_approved: OPTION_DEFAULTS.comment_previously_approved,
  comment_max_links: OPTION_DEFAULTS.comment_max_links,
  moderation_keys: OPTION_DEFAULTS.moderation_keys,
  disallowed_keys: OPTION_DEFAULTS.disallowed_keys,
};
const comment = (over: Partial<CommentCandidate> = {}): CommentCandidate => ({
  type: "comment", authorName: "Ann", authorEmail: "ann@example.com", authorUrl: "", content: "Nice post", ip: "203.0.113.5", userAgent: "Firefox", ...over,
});
const known = { trusted: false, previouslyApproved: true };
const stranger = { trusted: false, previouslyApproved: false };

describe("moderation with WordPress's defaults", () => {
  it("approves a returning commenter and holds a first-time one", () => {
    expect(decideModeration(comment(), defaults, known)).toEqual({ status: "1", reason: "approved" });
    expect(decideModeration(comment(), defaults, stranger)).toEqual({ status: "0", reason: "not_previously_approved" });
  });

  it("approves moderators and the post's author at once", () => {
    expect(decideModeration(comment({ content: '<a href="x">1</a><a href="y">2</a>' }), { ...defaults, comment_moderation: true }, { trusted: true, previouslyApproved: false }).status).toBe("1");
  });

  it("holds a comment with comment_max_links (2) links or more, not with one", () => {
    expect(decideModeration(comment({ content: 'see <a href="http://a">a</a>' }), defaults, known).status).toBe("1");
    expect(decideModeration(comment({ content: '<a href="http://a">a</a> <A HREF="http://b">b</A>' }), defaults, known)).toEqual({ status: "0", reason: "max_links" });
    expect(countLinks('<a title="x" href="y">z</a>')).toBe(1);
  });

  it("holds everything when comment_moderation is on", () => {
    expect(decideModeration(comment(), { ...defaults, comment_moderation: true }, known)).toEqual({ status: "0", reason: "comment_moderation" });
  });

  it("holds on a moderation key in any field, case-insensitively", () => {
    const opts = { ...defaults, moderation_keys: "\n  CASINO \nviagra" };
    for (const over of [{ content: "best Casino here" }, { authorName: "casino bob" }, { authorEmail: "x@casino.example" }, { authorUrl: "http://casino.example" }, { ip: "casino" }, { userAgent: "CasinoBot" }]) {
      expect(decideModeration(comment(over), opts, known)).toEqual({ status: "0", reason: "moderation_key" });
    }
    expect(decideModeration(comment({ ip: "203.0.113.5" }), { ...defaults, moderation_keys: "203.0.113." }, known).reason).toBe("moderation_key");
  });

  it("trashes on a disallowed key, before any hold rule", () => {
    const opts = { ...defaults, disallowed_keys: "spammy", comment_moderation: true };
    expect(decideModeration(comment({ content: "so SPAMMY" }), opts, known)).toEqual({ status: "trash", reason: "disallowed_key" });
    expect(decideModeration(comment({ content: "spa<b>mmy</b>" }), opts, known).status).toBe("trash");
  });

  it("never lets a trackback or pingback pass the previously-approved rule", () => {
    expect(decideModeration(comment({ type: "trackback" }), defaults, known)).toEqual({ status: "0", reason: "not_previously_approved" });
    expect(decideModeration(comment({ type: "pingback" }), defaults, { trusted: true, previouslyApproved: true }).status).toBe("0");
    expect(decideModeration(comment({ type: "pingback" }), { ...defaults, comment_previously_approved: false }, stranger).status).toBe("1");
  });

  it("ignores blank key lines", () => {
    expect(matchKey("\n \n", ["anything"])).toBeNull();
  });
});
