// A hostile WXR file must be refused before its cost grows, and reading a large legitimate one must
// leave the event loop free for readers (the web import reads in the server process).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { parseWxr } from "@/lib/wxr/parse";
import { hostileWxr, largeWxr } from "../../fixtures/wxr-generated";

describe("hostile WXR files", () => {
  for (const [name, { xml, message }] of Object.entries(hostileWxr)) {
    it(`${name} is refused quickly with a clear message`, async () => {
      const started = performance.now();
      // One chunk of bytes, as the web import hands the uploaded file over.
      await expect(parseWxr([Buffer.from(xml)], { item: () => {} })).rejects.toThrow(message);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  }
});

describe("a large legitimate WXR file", () => {
  it("is read without holding the event loop: timers keep firing during the parse", async () => {
    const bytes = Buffer.from(largeWxr(6_000));
    expect(bytes.byteLength).toBeGreaterThan(12_000_000);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    delay.enable();
    const started = performance.now();
    let items = 0;
    await parseWxr([bytes], { item: () => items++ });
    const elapsed = performance.now() - started;
    delay.disable();
    clearInterval(timer);
    const maxStallMs = delay.max / 1e6;
    console.log(`parsed ${(bytes.byteLength / 1e6).toFixed(1)} MB in ${elapsed.toFixed(0)} ms; longest event-loop stall ${maxStallMs.toFixed(1)} ms`);
    expect(items).toBe(6_000);
    expect(maxStallMs).toBeLessThan(500);
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
  });
});
