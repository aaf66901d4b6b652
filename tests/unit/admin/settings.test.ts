import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DiscussionSettingsSchema,
  GeneralSettingsSchema,
  PermalinkSettingsSchema,
  ReadingSettingsSchema,
  permalinkChoiceOf,
  permalinkStructureError,
} from "@/lib/validation/settings";
import { updateOptions, getOptions } from "@/db/queries/options";

const general = {
  blogname: "  My Site ",
  blogdescription: "Tagline",
  siteurl: "https://example.com/",
  timezone_string: "Europe/Berlin",
  date_format: "Y-m-d",
  time_format: "custom",
  time_format_custom: "H:i:s",
  start_of_week: "0",
  users_can_register: "1",
  default_role: "author",
};
const errorsOf = (r: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> => (r.success ? {} : z.flattenError(r.error!).fieldErrors);

describe("General", () => {
  it("parses to WordPress's options, with a custom time format and the checkbox", () => {
    const r = GeneralSettingsSchema.safeParse(general);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ blogname: "My Site", siteurl: "https://example.com", timezone_string: "Europe/Berlin", date_format: "Y-m-d", time_format: "H:i:s", start_of_week: 0, users_can_register: true, default_role: "author" });
    expect(r.data).not.toHaveProperty("time_format_custom");
  });
  it("an unchecked box (absent from the form) is false", () => {
    const { users_can_register: _, ...rest } = general;
    void _;
    expect(GeneralSettingsSchema.parse(rest).users_can_register).toBe(false);
  });
  it.each([
    ["timezone_string", { timezone_string: "Mars/Olympus_Mons" }],
    ["siteurl", { siteurl: "javascript:alert(1)" }],
    ["siteurl", { siteurl: "ftp://example.com" }],
    ["default_role", { default_role: "administrator" }],
    ["default_role", { default_role: "overlord" }],
    ["time_format_custom", { time_format: "custom", time_format_custom: "  " }],
    ["blogname", { blogname: "x".repeat(201) }],
    ["start_of_week", { start_of_week: "7" }],
    ["WPLANG", { WPLANG: "xx_YY\"><script>" }],
  ])("refuses a bad %s", (field, over) => {
    const r = GeneralSettingsSchema.safeParse({ ...general, ...over });
    expect(r.success).toBe(false);
    expect(errorsOf(r)[field]?.length).toBeGreaterThan(0);
  });
});

describe("General: Site Language", () => {
  it("keeps the language chosen from the list (WPLANG; empty is English (United States))", () => {
    expect(GeneralSettingsSchema.parse({ ...general, WPLANG: "de_DE" }).WPLANG).toBe("de_DE");
    expect(GeneralSettingsSchema.parse({ ...general, WPLANG: "" }).WPLANG).toBe("");
  });
});

describe("Reading", () => {
  it("inverts 'Discourage search engines' into blog_public", () => {
    expect(ReadingSettingsSchema.parse({ show_on_front: "posts", posts_per_page: "5", posts_per_rss: "10", discourage_search: "1" })).toMatchObject({ blog_public: false, posts_per_page: 5 });
    expect(ReadingSettingsSchema.parse({ show_on_front: "posts", posts_per_page: "5", posts_per_rss: "10" }).blog_public).toBe(true);
  });
  it.each([
    ["posts_per_page", { posts_per_page: "0" }],
    ["posts_per_page", { posts_per_page: "ten" }],
    ["posts_per_page", { posts_per_page: "2.5" }],
    ["posts_per_rss", { posts_per_rss: "1000" }],
    ["page_on_front", { show_on_front: "page", page_on_front: "0" }],
    ["page_for_posts", { show_on_front: "page", page_on_front: "4", page_for_posts: "4" }],
  ])("refuses a bad %s", (field, over) => {
    const r = ReadingSettingsSchema.safeParse({ show_on_front: "posts", posts_per_page: "10", posts_per_rss: "10", ...over });
    expect(errorsOf(r)[field]?.length).toBeGreaterThan(0);
  });
});

describe("Discussion", () => {
  const base = { close_comments_days_old: "14", thread_comments_depth: "5", comments_per_page: "50", default_comments_page: "newest", comment_order: "asc", comment_max_links: "2", moderation_keys: "", disallowed_keys: "", avatar_rating: "G", avatar_default: "mystery", activitypub_blog_identifier: "" };
  it("takes a fediverse handle of letters, digits, dots, dashes and underscores (empty: the site's host), lowercased", () => {
    expect(DiscussionSettingsSchema.parse({ ...base, activitypub_blog_identifier: " My.Blog_1 " }).activitypub_blog_identifier).toBe("my.blog_1");
    expect(DiscussionSettingsSchema.parse(base)).toMatchObject({ activitypub_blog_identifier: "", activitypub_manually_approve_followers: false, activitypub_object_type: "article" });
    expect(DiscussionSettingsSchema.parse({ ...base, activitypub_object_type: "note" }).activitypub_object_type).toBe("note");
    expect(errorsOf(DiscussionSettingsSchema.safeParse({ ...base, activitypub_object_type: "page" })).activitypub_object_type).toEqual(["Choose Article or Note."]);
    expect(DiscussionSettingsSchema.parse({ ...base, activitypub_also_known_as: " https://old.example/actors/blog \r\n\r\nhttps://older.example/@blog\n" }).activitypub_also_known_as).toBe("https://old.example/actors/blog\nhttps://older.example/@blog");
    expect(errorsOf(DiscussionSettingsSchema.safeParse({ ...base, activitypub_also_known_as: "@blog@old.example" })).activitypub_also_known_as?.length).toBeGreaterThan(0);
    for (const bad of ["@blog", "my blog", "-blog", "blog@host", "x".repeat(101)]) {
      expect(errorsOf(DiscussionSettingsSchema.safeParse({ ...base, activitypub_blog_identifier: bad })).activitypub_blog_identifier?.length).toBeGreaterThan(0);
    }
  });
  it("maps the three default-post boxes to open/closed and trims key lists", () => {
    const v = DiscussionSettingsSchema.parse({ ...base, default_comment_status: "1", moderation_keys: "  viagra \r\n\r\n casino  \n" });
    expect(v).toMatchObject({ default_comment_status: "open", default_ping_status: "closed", default_pingback_flag: false, moderation_keys: "viagra\ncasino" });
  });
  it.each([
    ["thread_comments_depth", "1"],
    ["thread_comments_depth", "11"],
    ["comment_max_links", "-1"],
    ["comments_per_page", "0"],
    ["avatar_default", "robohash"],
    ["comment_order", "random"],
  ])("refuses %s = %s", (field, value) => {
    expect(errorsOf(DiscussionSettingsSchema.safeParse({ ...base, [field]: value }))[field]?.length).toBeGreaterThan(0);
  });
});

describe("Permalinks", () => {
  it("maps the radios to WordPress's structures", () => {
    expect(PermalinkSettingsSchema.parse({ selection: "postname", category_base: "", tag_base: "" })).toEqual({ permalink_structure: "/%postname%/", category_base: "category", tag_base: "tag" });
    expect(PermalinkSettingsSchema.parse({ selection: "plain", category_base: "/topics/", tag_base: "kw" })).toEqual({ permalink_structure: "", category_base: "topics", tag_base: "kw" });
    expect(PermalinkSettingsSchema.parse({ selection: "custom", permalink_structure: "/blog/%year%/%postname%", category_base: "", tag_base: "" }).permalink_structure).toBe("/blog/%year%/%postname%/");
    expect(permalinkChoiceOf("/%year%/%monthnum%/%postname%/")).toBe("month");
    expect(permalinkChoiceOf("/x/%post_id%/")).toBe("custom");
  });
  it.each([
    ["%postname%/", /starts with a slash/],
    ["/%year%/%monthnum%/", /%postname% or %post_id%/],
    ["/%title%/", /Unknown tag: %title%/],
    ["/../%postname%/", /dot segments/],
    ["/a b/%postname%/", /spaces/],
    ["/%postname%/?x=1", /\?/],
    ["/50%/%postname%/", /A % must open and close/],
  ])("refuses the custom structure %s", (s, msg) => {
    expect(permalinkStructureError(s)).toMatch(msg);
    const r = PermalinkSettingsSchema.safeParse({ selection: "custom", permalink_structure: s, category_base: "", tag_base: "" });
    expect(r.success).toBe(false);
  });
  it("refuses equal category and tag bases, and odd characters in a base", () => {
    expect(errorsOf(PermalinkSettingsSchema.safeParse({ selection: "day", category_base: "x", tag_base: "x" })).tag_base).toBeTruthy();
    expect(errorsOf(PermalinkSettingsSchema.safeParse({ selection: "day", category_base: "a?b", tag_base: "" })).category_base).toBeTruthy();
  });
});

describe("writing options", () => {
  it("writes parsed values that getOptions reads back with their types", async () => {
    await updateOptions(GeneralSettingsSchema.parse(general));
    const o = await getOptions();
    expect(o.blogname).toBe("My Site");
    expect(o.users_can_register).toBe(true);
    expect(o.start_of_week).toBe(0);
  });
});

describe("Site Address", () => {
  it("overrides SITE_URL when set, and falls back to it when emptied", async () => {
    const { siteUrl, absoluteUrl } = await import("@/lib/site-url");
    await updateOptions({ siteurl: "" });
    expect(await siteUrl()).toBe("http://blog.test");
    await updateOptions(GeneralSettingsSchema.parse({ ...general, siteurl: "https://www.example.org/" }));
    expect(await absoluteUrl("/feed/")).toBe("https://www.example.org/feed/");
    await updateOptions({ siteurl: "" });
    expect(await siteUrl()).toBe("http://blog.test");
  });
});

describe("Media settings", () => {
  it("stores the limit in bytes and the allowed extra types", async () => {
    const { MediaSettingsSchema } = await import("@/lib/validation/settings");
    expect(MediaSettingsSchema.parse({ upload_max_mb: "4", allow_pdf: "1", allow_zip: "1", allow_exe: "1" })).toEqual({ upload_max_bytes: 4 * 1024 * 1024, upload_extra_types: "pdf,zip" });
    expect(MediaSettingsSchema.safeParse({ upload_max_mb: "64" }).success).toBe(false);
    expect(MediaSettingsSchema.safeParse({ upload_max_mb: "0" }).success).toBe(false);
  });
});
