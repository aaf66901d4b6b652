// scripts/server.mjs under a command line of its own: on a shared machine another bench's
// `pkill -f scripts/server.mjs` stopped this bench's server mid-flood (SIGTERM, exit 0).
// BENCH_MEMORY_LOG=N prints process.memoryUsage() every N seconds to stderr (where the memory is).
import "../scripts/server.mjs";

const every = Number(process.env.BENCH_MEMORY_LOG || 0);
if (every > 0) {
  const mb = (n) => Math.round(n / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    console.error(`memory: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MB`);
  }, every * 1000).unref();
}
