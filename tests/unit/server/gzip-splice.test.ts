import zlib from "node:zlib";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptsGzip, crcCombine, crcShift, gzipWithNonce, prepareGzipParts } from "@/server/gzip-splice";
import { splitAtNonce, withFreshNonce } from "@/lib/security/csp";

describe("gzip of a cached page with a fresh nonce", () => {
  it("combines CRC-32s as zlib does", () => {
    const a = randomBytes(1000), b = randomBytes(77777);
    expect(crcCombine(zlib.crc32(a), zlib.crc32(b), crcShift(b.length))).toBe(zlib.crc32(Buffer.concat([a, b])));
    expect(crcCombine(zlib.crc32(a), 0, crcShift(0))).toBe(zlib.crc32(a));
  });

  it("decompresses, by zlib's own gunzip, to exactly the page with that nonce", () => {
    const placeholder = "fillSECRETPLACEHOLDER";
    const page = Buffer.from(
      `<!doctype html><script nonce="${placeholder}">a()</script>` + "<p>Hello, world — ünïcode</p>".repeat(5000) + `<script nonce="${placeholder}"></script>${randomBytes(3000).toString("base64")}<script nonce="${placeholder}">`,
    );
    const parts = splitAtNonce(page, placeholder);
    expect(parts.length).toBe(4);
    const g = prepareGzipParts(parts);
    for (const nonce of ["AbCdEfGhIjKlMnOpQrStUv==", "x"]) {
      const gz = gzipWithNonce(g, nonce);
      expect(zlib.gunzipSync(gz).equals(withFreshNonce(parts, nonce))).toBe(true);
      expect(gz.length).toBeLessThan(page.length / 5);
    }
    // A page without any nonce is one part.
    const single = prepareGzipParts([Buffer.from("plain")]);
    expect(zlib.gunzipSync(gzipWithNonce(single, "n")).toString()).toBe("plain");
  });

  it("reads Accept-Encoding as browsers send it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
