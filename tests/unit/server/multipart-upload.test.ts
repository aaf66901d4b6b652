// The WXR upload's multipart reader (lib/http/multipart-file.ts): the file and the form's fields
// arrive whole; an oversized file, a body that is not multipart, or a broken one gets a clear error.
import { describe, expect, it } from "vitest";
import { MultipartError, readMultipartFile } from "@/lib/http/multipart-file";

function upload(parts: Record<string, string | Blob>, filename = "export.xml"): Request {
  const fd = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (typeof v === "string") fd.append(k, v);
    else fd.append(k, v, filename);
  }
  return new Request("http://blog.test/admin/tools/import/start/", { method: "POST", body: fd });
}

describe("reading an uploaded file", () => {
  it("gives the file's bytes and name, and the other fields", async () => {
    const xml = `<?xml version="1.0"?><rss>${"é".repeat(300_000)}</rss>`;
    const form = await readMultipartFile(upload({ download_media: "on", file: new Blob([xml]) }), { field: "file", maxBytes: 10 * 1024 * 1024 });
    expect(form.file?.name).toBe("export.xml");
    expect(new TextDecoder().decode(form.file!.bytes)).toBe(xml);
    expect(form.fields).toEqual({ download_media: "on" });
  });

  it("keeps every byte of a file that arrives in many pieces, whatever Content-Length says or if it says nothing", async () => {
    const file = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < file.length; i++) file[i] = (i * 31 + (i >> 9)) & 255;
    const whole = upload({ file: new Blob([file]) });
    const type = whole.headers.get("content-type")!;
    const body = Buffer.from(await whole.arrayBuffer());
    const sent = (headers: Record<string, string>) => {
      let at = 0;
      const pieces = new ReadableStream<Uint8Array>({
        pull(c) {
          if (at >= body.length) return c.close();
          c.enqueue(body.subarray(at, (at += 50_000)));
        },
      });
      return new Request("http://blog.test/", { method: "POST", body: pieces, headers: { "content-type": type, ...headers }, duplex: "half" } as RequestInit);
    };
    const lengths: Record<string, string>[] = [{ "content-length": String(body.length) }, {}, { "content-length": "1000" }];
    for (const headers of lengths) {
      const form = await readMultipartFile(sent(headers), { field: "file", maxBytes: 10 * 1024 * 1024 });
      expect(Buffer.from(form.file!.bytes).equals(file), JSON.stringify(headers)).toBe(true);
    }
  });

  it("has no file when none was chosen, and no field for an unticked box", async () => {
    const form = await readMultipartFile(upload({ other: "x" }), { field: "file", maxBytes: 1024 });
    expect(form.file).toBeUndefined();
    expect(form.fields.download_media).toBeUndefined();
  });

  it("refuses a file over the limit, a body that is not multipart, and a broken one", async () => {
    await expect(readMultipartFile(upload({ file: new Blob(["x".repeat(5000)]) }), { field: "file", maxBytes: 1000 })).rejects.toThrow(/larger than/);
    const json = new Request("http://blog.test/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(readMultipartFile(json, { field: "file", maxBytes: 1000 })).rejects.toBeInstanceOf(MultipartError);
    const broken = new Request("http://blog.test/", { method: "POST", body: "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nunterminated", headers: { "content-type": "multipart/form-data; boundary=zz" } });
    await expect(readMultipartFile(broken, { field: "file", maxBytes: 1000 })).rejects.toBeInstanceOf(MultipartError);
  });
});
