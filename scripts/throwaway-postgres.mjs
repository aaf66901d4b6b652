// A throwaway PostgreSQL server for tests and benches: initdb into a temporary folder, started with
// pg_ctl on a free loopback port, stopped and deleted afterwards. Uses the installed server binaries
// (Debian's `postgresql` package); as root, runs them as the `postgres` user (initdb refuses root).
// Durability settings are off: the data is thrown away, and tests should not wait on fsync.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The folder holding initdb and pg_ctl: PG_BIN, then PATH, then Debian's /usr/lib/postgresql/<n>/bin. */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(dir);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debian, v, "bin"));
  }
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  throw new Error("PostgreSQL's server programs (initdb, pg_ctl) were not found: install the postgresql package (apt-get install postgresql), or set TEST_DATABASE_URL_PG to a server to use.");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a server; resolves to { url, stop() }. `url` names the `postgres` database as superuser. */
export async function startThrowawayPostgres() {
  const bin = findPostgresBin();
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-pg-"));
  const data = path.join(dir, "data");
  const asOwner = (cmd, args) => (root ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args]);
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const run = (cmd, args) => {
    const [file, argv] = asOwner(cmd, args);
    const r = spawnSync(file, argv, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" ")}`);
  };
  // Passwords are checked over TCP (so that a test can meet a wrong one), the socket is trusted.
  const password = crypto.randomBytes(12).toString("hex");
  const pwfile = path.join(dir, "pw");
  fs.writeFileSync(pwfile, password, { mode: 0o600 });
  if (root) fs.chownSync(pwfile, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  run("initdb", ["-D", data, "-U", "postgres", "--pwfile", pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"]);
  fs.rmSync(pwfile);
  let port = 0;
  let opts = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    try {
      run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
      break;
    } catch (e) {
      // Another process took the port between our check and the server's bind: try another.
      if (attempt === 4) throw e;
    }
  }
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** Stops the server but keeps its data, as an outage would (tests of what Inkwell does meanwhile). */
    pause() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    /** Starts a paused server again on the same port. */
    resume() {
      run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
