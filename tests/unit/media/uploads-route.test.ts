// GET /wp-content/uploads/... through the real route handler, on a real folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/wp-content/uploads/[...path]/route";

const data = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-serve-"));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-outside-"));
beforeAll(() => {
  process.env.INKWELL_DATA_DIR = data;
  const dir = path.join(data, "uploads", "2026", "11");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "pic.png"), Buffer.from("89504e470d0a1a0a", "hex"));
  fs.writeFileSync(path.join(dir, "doc.pdf"), "%PDF-1.4");
  fs.writeFileSync(path.join(dir, "page.html"), "<script>alert(1)</script>");
  fs.writeFileSync(path.join(outside, "secret.txt"), "top secret");
  fs.writeFileSync(path.join(data, "inkwell.db"), "database");
  fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "link.png"));
  fs.symlinkSync(outside, path.join(data, "uploads", "2025"));
});
afterAll(() => {
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const get = (segments: string[], headers: Record<string, string> = {}) =>
  GET(new Request(`http://blog.test/wp-content/uploads/${segments.join("/")}`, { headers }), { params: Promise.resolve({ path: segments }) });

describe("serving uploads", () => {
  it("serves an image inline with its type, nosniff and a validator", async () => {
    const res = await get(["2026", "11", "pic.png"]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).toString("hex")).toBe("89504e470d0a1a0a");
    const again = await get(["2026", "11", "pic.png"], { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
    const head = await HEAD(new Request("http://blog.test/x", { method: "HEAD" }), { params: Promise.resolve({ path: ["2026", "11", "pic.png"] }) });
    expect(head.headers.get("content-length")).toBe("8");
  });

  it("serves anything but a raster image as a download, and HTML never as HTML", async () => {
    const pdf = await get(["2026", "11", "doc.pdf"]);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''doc.pdf");
    const html = await get(["2026", "11", "page.html"]);
    expect(html.headers.get("content-type")).toBe("application/octet-stream");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
  });

  it.each([
    [["..", "inkwell.db"]],
    [["%2e%2e", "inkwell.db"]],
    [["2026", "11", "link.png"]],
    [["2025", "secret.txt"]],
    [["2026", "11"]],
    [["2026", "11", "missing.png"]],
  ])("answers 404 for %j (outside, symlinked out, a folder, or missing)", async (segments) => {
    const res = await get(segments as string[]);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("secret");
  });
});
