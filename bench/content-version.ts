// What the page caches pay per request to learn of a change made by any process: one read of the
// content_version row (lib/site/cache.ts syncWithDatabase). `npx tsx bench/content-version.ts` with
// DATABASE_URL naming a SQLite file or a PostgreSQL database (migrated on the way).
import { prepareDb, closeDb } from "@/db";
import { getDataVersion } from "@/db/queries/archives";

const N = Number(process.env.BENCH_N || 20_000);

async function main() {
  await prepareDb();
  for (let i = 0; i < 2000; i++) await getDataVersion();
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await getDataVersion();
    times.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`${process.env.DATABASE_URL?.startsWith("postgres") ? "postgres" : "sqlite"}: content_version read ×${N}: mean ${us(total / N)}, p50 ${us(times[N >> 1]!)}, p99 ${us(times[Math.floor(N * 0.99)]!)}`);
  await closeDb();
}

void main();
