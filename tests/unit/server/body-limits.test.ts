// The per-route body limits (lib/http/body-limits.ts): each route gets its own, none above the
// MAX_BODY_BYTES ceiling, and the comment limit still takes the largest comment a form can send.
import { describe, expect, it } from "vitest";
import { bodyLimitFor, COMMENT_MAX_BODY, MAX_BODY_BYTES, REST_MAX_BODY, SERVER_ACTION_MAX_BODY, SIGN_IN_MAX_BODY, TRACKBACK_MAX_BODY, UPLOAD_MULTIPART_ALLOWANCE, WEBMENTION_MAX_BODY, XMLRPC_MAX_BODY, xmlrpcMaxBody } from "@/lib/http/body-limits";
import { COMMENT_FIELDS, COMMENT_LIMITS } from "@/lib/validation/comment-fields";

const upload = () => 10 * 1024 * 1024;

describe("body limits", () => {
  it("gives each route its own limit", () => {
    expect(bodyLimitFor("/api/auth/callback/credentials/", upload)).toBe(SIGN_IN_MAX_BODY);
    expect(bodyLimitFor("/login/", upload)).toBe(SIGN_IN_MAX_BODY);
    expect(bodyLimitFor("/lost-password/", upload)).toBe(SIGN_IN_MAX_BODY);
    expect(bodyLimitFor("/reset-password/", upload)).toBe(SIGN_IN_MAX_BODY);
    expect(bodyLimitFor("/wp-comments-post.php", upload)).toBe(COMMENT_MAX_BODY);
    expect(bodyLimitFor("/xmlrpc.php", upload)).toBe(xmlrpcMaxBody(upload()));
    expect(xmlrpcMaxBody(upload())).toBeGreaterThan(XMLRPC_MAX_BODY + (upload() * 4) / 3 - 1);
    expect(bodyLimitFor("/webmention/", upload)).toBe(WEBMENTION_MAX_BODY);
    expect(bodyLimitFor("/2026/11/25/hello-world/trackback/", upload)).toBe(TRACKBACK_MAX_BODY);
    expect(bodyLimitFor("/wp-trackback.php", upload)).toBe(TRACKBACK_MAX_BODY);
    expect(bodyLimitFor("/admin/media/upload/", upload)).toBe(upload() + UPLOAD_MULTIPART_ALLOWANCE);
    expect(bodyLimitFor("/micropub/media", upload)).toBe(upload() + UPLOAD_MULTIPART_ALLOWANCE);
    expect(bodyLimitFor("/admin/tools/import/start/", upload)).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/admin/posts/new/", upload)).toBe(SERVER_ACTION_MAX_BODY);
    expect(bodyLimitFor("/wp-json/wp/v2/posts/", upload)).toBe(REST_MAX_BODY);
    expect(bodyLimitFor("/wp-json/wp/v2/media/", upload)).toBe(upload() + UPLOAD_MULTIPART_ALLOWANCE);
  });

  it("never goes above the MAX_BODY_BYTES ceiling", () => {
    expect(bodyLimitFor("/admin/media/upload/", () => 1024 * 1024 * 1024)).toBe(MAX_BODY_BYTES);
  });

  it("takes the largest comment a form can send, urlencoded, and not much more", () => {
    const field = (name: string, bytes: number) => `${encodeURIComponent(name)}=${encodeURIComponent("é".repeat(Math.floor(bytes / 2)))}`;
    const body = [
      field(COMMENT_FIELDS.author, COMMENT_LIMITS.author),
      field(COMMENT_FIELDS.email, COMMENT_LIMITS.email),
      field(COMMENT_FIELDS.url, COMMENT_LIMITS.url),
      field(COMMENT_FIELDS.comment, COMMENT_LIMITS.comment),
      `${COMMENT_FIELDS.postId}=123456&${COMMENT_FIELDS.parentId}=123456&${COMMENT_FIELDS.consent}=yes&${COMMENT_FIELDS.honeypot}=&${COMMENT_FIELDS.timestamp}=${"x".repeat(200)}`,
    ].join("&");
    expect(Buffer.byteLength(body)).toBeLessThan(COMMENT_MAX_BODY);
    expect(COMMENT_MAX_BODY).toBeLessThan(256 * 1024);
  });
});
