// A site for the `inkwell` command-line tests (tests/unit/cli/inkwell.test.ts, import-export-options.test.ts): a SQLite database
// made by `scripts/setup.ts` in a temp folder, and `inkwell` run as `npx inkwell` runs it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, execute, openDatabase, queryRow, rawSql } from "@/db";
import { afterAll, beforeAll, expect, vi } from "vitest";

export function cliSite() {
  // Every call starts node and tsx (about a second, more on a busy machine).
  vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cli-"));
  const env = { ...process.env, DATABASE_URL: path.join(dir, "site.db"), INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: "cli-test-password", INKWELL_LOG: "off", INKWELL_CALLER_CWD: "" };
  const ink = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["scripts/inkwell.mjs", ...args], { env: { ...env, ...extra }, encoding: "utf8", timeout: 60_000 });
  /** As ink(), without blocking this process: a mail server in it must answer the command. */
  const inkAsync = (args: string[], extra: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["scripts/inkwell.mjs", ...args], { env: { ...env, ...extra } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c));
      child.stderr.on("data", (c: Buffer) => (stderr += c));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  const query = async <T>(sql: string, ...args: unknown[]) => {
    const db = await openDatabase(env.DATABASE_URL, { migrate: false });
    try {
      return (await queryRow<T>(rawSql(sql, ...args), db)) as T;
    } finally {
      await closeDatabase(db);
    }
  };
  const exec = async (sql: string, ...args: unknown[]) => {
    const db = await openDatabase(env.DATABASE_URL, { migrate: false });
    try {
      await execute(rawSql(sql, ...args), db);
    } finally {
      await closeDatabase(db);
    }
  };
  beforeAll(() => {
    const setup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/setup.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(setup.status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, env, ink, inkAsync, query, exec };
}

/** A failure the way the command line promises it: one line on stderr, exit 1. */
export function expectRefused(r: { status: number | null; stderr: string }, message: RegExp) {
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(message);
}
