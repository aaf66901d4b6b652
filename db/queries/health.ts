import { getDb, migrationStatus } from "../client";

export async function getHealth() {
  try {
    const db = getDb();
    db.$client.prepare("SELECT 1").get();
    const migrations = migrationStatus(db.$client);
    return { ok: migrations.current, database: "reachable", migrations };
  } catch (e) {
    return { ok: false, database: "unreachable", error: (e as Error).message };
  }
}
