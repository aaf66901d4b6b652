// withTransaction (db/transaction.ts): all or nothing, writers one at a time, and a body that lets
// the event loop turn is refused rather than committed with whatever others mixed into it.
import { describe, expect, it } from "vitest";
import { execute, queryRow, sql, TransactionYieldedError, withTransaction } from "@/db";

const value = async (name: string) => (await queryRow<{ value: string }>(sql`SELECT value FROM options WHERE name = ${name}`))?.value;
const put = (name: string, v: string) => sql`INSERT INTO options (name, value) VALUES (${name}, ${v}) ON CONFLICT (name) DO UPDATE SET value = excluded.value`;

describe("withTransaction", () => {
  it("commits what the body wrote when it resolves, and returns its value", async () => {
    const out = await withTransaction(async (tx) => {
      await execute(put("tx_commit", "1"), tx);
      await execute(put("tx_commit_2", "2"), tx);
      return "done";
    });
    expect(out).toBe("done");
    expect([await value("tx_commit"), await value("tx_commit_2")]).toEqual(["1", "2"]);
  });

  it("rolls back everything when the body throws, and rethrows", async () => {
    await expect(
      withTransaction(async (tx) => {
        await execute(put("tx_rollback", "1"), tx);
        throw new Error("no room");
      }),
    ).rejects.toThrow("no room");
    expect(await value("tx_rollback")).toBeUndefined();
  });

  it("runs concurrent writers one after the other: a read-modify-write loses no update", async () => {
    await execute(put("tx_counter", "0"));
    const bump = () =>
      withTransaction(async (tx) => {
        const n = Number((await queryRow<{ value: string }>(sql`SELECT value FROM options WHERE name = 'tx_counter'`, tx))!.value);
        await execute(put("tx_counter", String(n + 1)), tx);
      });
    await Promise.all(Array.from({ length: 20 }, bump));
    expect(await value("tx_counter")).toBe("20");
  });

  it("refuses a body that awaited something other than the database, writing nothing", async () => {
    await expect(
      withTransaction(async (tx) => {
        await execute(put("tx_yielded", "1"), tx);
        await new Promise((r) => setTimeout(r, 5));
      }),
    ).rejects.toBeInstanceOf(TransactionYieldedError);
    expect(await value("tx_yielded")).toBeUndefined();
    // The next transaction is not blocked by the refused one.
    await withTransaction(async (tx) => execute(put("tx_after", "1"), tx));
    expect(await value("tx_after")).toBe("1");
  });
});
