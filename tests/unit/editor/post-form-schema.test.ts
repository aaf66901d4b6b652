// The editor's form schema: what the server keeps of a title typed without JavaScript.
import { describe, expect, it } from "vitest";
import { PostFormSchema, POST_LIMITS } from "@/lib/validation/post";

describe("the post form's title", () => {
  it("turns line breaks typed into the wrapping title field into spaces", () => {
    const r = PostFormSchema.safeParse({ title: "A long\r\ntitle\nthat wrapped" });
    expect(r.success && r.data.title).toBe("A long title that wrapped");
  });

  it("still refuses a title over the limit, with a message that says so", () => {
    const r = PostFormSchema.safeParse({ title: "x".repeat(POST_LIMITS.title + 1) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/The title is too long/);
  });
});
