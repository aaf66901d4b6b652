import { getMigrationStatus, queryRow, sql } from "../index";
import { getDb } from "../client";

export async function getHealth() {
  try {
    const db = getDb();
    await queryRow(sql`SELECT 1 AS ok`, db);
    const migrations = await getMigrationStatus(db);
    return { ok: migrations.current, database: "reachable", migrations };
  } catch (e) {
    return { ok: false, database: "unreachable", error: (e as Error).message };
  }
}
