// Helpers for the linkbacks specs: the DB steps (tsx CLI), a WordPress-like peer on loopback,
// and polling.
import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { closeDatabase, openDatabase, queryRows, rawSql } from "@/db";

export const E2E_DB = "data/e2e/inkwell.db";

export function cli<T = unknown>(db: string, ...args: string[]): T {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["tests/e2e/support/linkbacks-cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: db, INKWELL_LOG: "off", INKWELL_JOBS: "off" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`linkbacks-cli ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

/** Read-only look into an instance's database (fast enough to poll; writes go through cli()). */
export async function readRows<T>(db: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const conn = await openDatabase(db, { migrate: false });
  try {
    return await queryRows<T>(rawSql(sql, ...params), conn);
  } finally {
    await closeDatabase(conn);
  }
}

export async function linkbacksOf(db: string, slug: string): Promise<LinkbackRow[]> {
  return await readRows<LinkbackRow>(
    db,
    `SELECT c.id, c.type, c.status, c.author_name AS authorName, c.author_url AS authorUrl, c.content FROM comments c
     JOIN posts p ON p.id = c.post_id WHERE p.slug = ? AND c.type IN ('trackback','pingback','webmention') ORDER BY c.id`,
    slug,
  );
}

export async function pingsOf(db: string, postId: number): Promise<{ url: string; protocol: string; status: string; message: string }[]> {
  return await readRows(db, "SELECT url, protocol, status, message FROM pings WHERE post_id = ? ORDER BY url", postId);
}

export interface LinkbackRow {
  id: number;
  type: string;
  status: string;
  authorName: string;
  authorUrl: string;
  content: string;
}

export interface PeerRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function startPeer(route: (r: PeerRequest, origin: string) => { status?: number; headers?: Record<string, string | undefined>; body?: string } | undefined) {
  const requests: PeerRequest[] = [];
  let origin = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(r);
      const out = route(r, origin) ?? { status: 404, body: "" };
      res.writeHead(out.status ?? 200, Object.fromEntries(Object.entries({ "content-type": "text/html; charset=utf-8", ...out.headers }).filter(([, v]) => v !== undefined)) as Record<string, string>);
      res.end(out.body ?? "");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** Polls `fn` until it returns a truthy value (bounded). */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 20_000, label = "condition"): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
