// One of several processes writing to the same SQLite file at once (multiprocess-writers.test.ts):
// comments one by one, a long batch that holds the write lock, and a shared rate limit. Prints one
// JSON line: how many writes succeeded, how many failed and why, and how many rate points it got.
import { insertComment } from "@/db/queries/comments";
import { consumeRate } from "@/db/queries/rate-limits";
import { withTransaction } from "@/db/transaction";
import { closeDb } from "@/db";
import { comments } from "@/db/tables";

const [tag, countArg, batchArg] = process.argv.slice(2);
const count = Number(countArg);
const batch = Number(batchArg);
const comment = (i: number) => ({
  postId: 1,
  type: "comment" as const,
  status: "1" as const,
  authorName: `${tag}-${i}`,
  authorEmail: `${tag}@example.com`,
  content: `<p>Written by process ${tag}, number ${i}.</p>`,
  date: "2026-12-07 10:00:00",
  dateGmt: "2026-12-07 10:00:00",
});

async function main() {
  let written = 0;
  let granted = 0;
  const errors: string[] = [];
  let step = "";
  for (let i = 0; i < count; i++) {
    try {
      step = "insertComment";
      await insertComment(comment(i));
      written++;
      step = "consumeRate";
      if (await consumeRate("multiprocess-test", "shared", 300, 3600)) granted++;
      // Every 50 writes, one long transaction that keeps the other process waiting for the lock.
      if (i % 50 === 25) {
        step = "batch";
        await withTransaction(async (tx) => {
          for (let j = 0; j < batch; j++) await tx.insert(comments).values({ ...comment(count + i * batch + j), status: "0" as const });
        });
      }
    } catch (e) {
      errors.push(`${step}: ${String((e as { code?: string }).code ?? (e as Error).message)}`);
    }
    // A server does other work between writes: the lock is free for a moment, as it is between requests.
    await new Promise((r) => setTimeout(r, 5));
  }
  await closeDb();
  console.log(JSON.stringify({ tag, written, granted, errors }));
}

void main();
