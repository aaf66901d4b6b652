// Three Inkwell servers on one throwaway PostgreSQL behind Debian's nginx, configured from
// deploy/nginx-inkwell-upstream.conf as README's "Scaling out" says (tests/e2e/server/scale-out.spec.ts).
// Besides the site's own address, nginx opens one "door" per server (the same proxy settings, one
// server behind it), so that a test can act through server A, B or C by name.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { NGINX } from "./nginx";

export interface Server {
  name: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
}

/** What every server of the site shares: the secrets, the public address, the database, the uploads. */
export function sharedEnv(siteUrl: string, databaseUrl: string, uploadsDir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SITE_URL: siteUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    UPLOADS_DIR: uploadsDir,
    TRUSTED_PROXIES: "127.0.0.1",
    ADMIN_EMAIL: "admin@example.com",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    // A small pool each: three servers and the test's own client on one throwaway server.
    DATABASE_POOL_MAX: "6",
  };
}

export async function startServer(name: string, port: number, env: Record<string, string>): Promise<Server> {
  // Each server has a data folder of its own: nothing in it may be needed by another.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `inkwell-scale-${name}-`));
  let out = "";
  const proc = spawn(process.execPath, ["server/main.mjs"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", INKWELL_DATA_DIR: dataDir },
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await request(`http://127.0.0.1:${port}/healthz/`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server ${name} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name, port, dataDir, proc, output: () => out };
}

/** Stops the server and deletes its data folder. */
export async function stopServer(s: Server | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!s) return;
  await new Promise<void>((resolve) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
    s.proc.once("exit", () => resolve());
    s.proc.kill(signal);
  });
  fs.rmSync(s.dataDir, { recursive: true, force: true });
}

export interface Nginx {
  site: string;
  doors: string[];
  accessLog: () => string[];
  stop: () => void;
}

/** nginx from the deploy example, in front of `ports`, on loopback; throws if the example changed shape. */
export async function startNginx(ports: number[], httpsPort: number, httpPort: number, doorPorts: number[]): Promise<Nginx> {
  if (!NGINX) throw new Error("nginx is not installed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-nginx-scale-"));
  fs.chmodSync(dir, 0o755);
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const ssl = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], { encoding: "utf8" });
  if (ssl.status !== 0) throw new Error(`openssl failed: ${ssl.stderr}`);
  let site = fs.readFileSync("deploy/nginx-inkwell-upstream.conf", "utf8");
  const replace = (from: string | RegExp, to: string) => {
    const next = site.replace(from, to);
    if (next === site) throw new Error(`deploy/nginx-inkwell-upstream.conf no longer has ${from}: update tests/e2e/support/scale-out.ts`);
    site = next;
  };
  const servers = [...site.matchAll(/server 10\.0\.0\.\d+:3000 (.*);/g)];
  if (servers.length !== ports.length) throw new Error("the deploy example no longer names three servers");
  servers.forEach((m, i) => replace(m[0], `server 127.0.0.1:${ports[i]} ${m[1]};`));
  replace("listen 80;", `listen 127.0.0.1:${httpPort};`);
  replace("listen 443 ssl;", `listen 127.0.0.1:${httpsPort} ssl;`);
  replace("/etc/ssl/certs/blog.example.com.pem", cert);
  replace("/etc/ssl/private/blog.example.com.key", key);
  // The doors: the example's own location block, with one server behind it instead of the upstream.
  const location = /location \/ \{[\s\S]*?\n    \}/.exec(site)?.[0];
  if (!location) throw new Error("the deploy example has no location / block");
  const doors = doorPorts
    .map((door, i) => `server {\n    listen 127.0.0.1:${door} ssl;\n    ssl_certificate ${cert};\n    ssl_certificate_key ${key};\n    ${location.replace("proxy_pass http://inkwell;", `proxy_pass http://127.0.0.1:${ports[i]};`)}\n}`)
    .join("\n");
  const temps = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join("\n  ");
  const log = path.join(dir, "access.log");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n` +
      `  log_format scale '$msec $server_port $request_method $request_uri $status "$upstream_addr" "$upstream_status"';\n  access_log ${log} scale;\n  ${temps}\n${site}\n${doors}\n}\n`,
  );
  const proc = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  proc.stderr!.on("data", (d) => (err += d));
  const deadline = Date.now() + 10_000;
  while ((await request(`https://127.0.0.1:${httpsPort}/healthz/`).then((r) => r.status, () => 0)) === 0) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`nginx did not start: ${err}${fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    site: `https://127.0.0.1:${httpsPort}`,
    doors: doorPorts.map((p) => `https://127.0.0.1:${p}`),
    accessLog: () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean) : []),
    stop: () => {
      // nginx writes its last lines as it exits: the folder goes after that.
      proc.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
      proc.kill("SIGTERM");
    },
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP(S) request, from `localAddress` when given (a reader or commenter of its own, as nginx
 * sees it: 127.0.0.0/8 is all loopback). Rejects on a connection error or a body cut short.
 */
export function request(url: string, opts: { method?: string; body?: string; headers?: Record<string, string>; localAddress?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: opts.method ?? "GET",
        headers: { ...(opts.body ? { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers },
        localAddress: opts.localAddress,
        rejectUnauthorized: false,
        agent: false,
        timeout: opts.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (e) => reject(Object.assign(e, { afterHeaders: true })));
        res.on("aborted", () => reject(Object.assign(new Error("response cut short"), { afterHeaders: true })));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** The comment form's fields as the post page renders them (hidden ones included). */
export function commentFormFields(html: string): Record<string, string> {
  const form = /<form[^>]*action="[^"]*wp-comments-post\.php"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error("the post page has no comment form");
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    if (!name) continue;
    fields[name] = (/\bvalue="([^"]*)"/.exec(m[1]!)?.[1] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  }
  return fields;
}
