// server/main.mjs under a command line of its own: on a shared machine another bench's
// `pkill -f server/main.mjs` stopped this bench's server mid-flood (SIGTERM, exit 0).
// BENCH_MEMORY_LOG=N prints process.memoryUsage() every N seconds to stderr (where the memory is).
import "../server/main.mjs";

const every = Number(process.env.BENCH_MEMORY_LOG || 0);
if (every > 0) {
  const mb = (n) => Math.round(n / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    console.error(`memory: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MB`);
  }, every * 1000).unref();
}

// BENCH_GC_LOG=FILE appends "seconds usedHeapMB" after every full (mark-compact) collection: the
// heap that survives a full collection is what the process keeps; a leak makes it climb.
if (process.env.BENCH_GC_LOG) {
  const { PerformanceObserver, constants } = await import("node:perf_hooks");
  const v8 = await import("node:v8");
  const fsm = await import("node:fs");
  const t0 = Date.now();
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) return;
    const used = v8.getHeapStatistics().used_heap_size / 1048576;
    fsm.appendFileSync(process.env.BENCH_GC_LOG, `${((Date.now() - t0) / 1000).toFixed(1)} ${used.toFixed(1)}\n`);
  }).observe({ entryTypes: ["gc"] });
}
