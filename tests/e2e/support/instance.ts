// A second, private Inkwell server for tests that must stop, kill or reconfigure it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Instance {
  url: string;
  port: number;
  dir: string;
  proc: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; ms: number }>;
}

export async function startInstance(port: number, env: Record<string, string> = {}, dir?: string): Promise<Instance> {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-instance-"));
  const fullEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: path.join(dir, "inkwell.db"),
    INKWELL_DATA_DIR: dir,
    AUTH_SECRET: "instance-secret",
    ADMIN_PASSWORD: "instance-admin-password",
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXIES: "",
    ...env,
  };
  const setup = spawnSync("node_modules/.bin/tsx", ["scripts/setup.ts"], { env: fullEnv, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  let out = setup.stdout;
  const proc = spawn(process.execPath, ["server/main.mjs"], { env: fullEnv });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz/`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`instance did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<{ code: number | null; ms: number }>((resolve) => {
      const t0 = Date.now();
      if (proc.exitCode !== null) return resolve({ code: proc.exitCode, ms: 0 });
      proc.once("exit", (code) => resolve({ code, ms: Date.now() - t0 }));
      proc.kill(signal);
    });
  return { url, port, dir, proc, output: () => out, stop };
}
