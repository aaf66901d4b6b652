// Runs Debian's nginx with README's sample site (deploy/nginx-inkwell.conf) in front of a test
// instance, on loopback ports, with a throwaway self-signed certificate.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));

export interface Proxy {
  httpsPort: number;
  proc: ChildProcess;
  stop: () => void;
}

async function waitForPort(port: number, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

export async function startNginx(upstreamPort: number, httpPort: number, httpsPort: number): Promise<Proxy> {
  if (!NGINX) throw new Error("nginx is not installed: apt-get install -y nginx-light (see README)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-nginx-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const ssl = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], { encoding: "utf8" });
  if (ssl.status !== 0) throw new Error(`openssl failed: ${ssl.stderr}`);
  const site = fs
    .readFileSync("deploy/nginx-inkwell.conf", "utf8")
    .replace("listen 80;", `listen 127.0.0.1:${httpPort};`)
    .replace("listen 443 ssl;", `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace("http://127.0.0.1:3000", `http://127.0.0.1:${upstreamPort}`)
    .replace("/etc/ssl/certs/blog.example.com.pem", cert)
    .replace("/etc/ssl/private/blog.example.com.key", key);
  const temps = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join("\n  ");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  ${temps}\n${site}\n}\n`,
  );
  const proc = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
  await waitForPort(httpsPort);
  return { httpsPort, proc, stop: () => proc.kill("SIGTERM") };
}
