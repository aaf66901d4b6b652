// A tiny node:http peer on 127.0.0.1 for linkback tests: answers as a test route table says and
// records every request it receives (method, path, headers, body).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PeerRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type PeerRoute = (req: PeerRequest) => { status?: number; headers?: Record<string, string | undefined>; body?: string } | undefined;

export async function startPeer(route: PeerRoute) {
  const requests: PeerRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: PeerRequest = { method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(r);
      const out = route(r) ?? { status: 404, body: "not found" };
      res.writeHead(out.status ?? 200, Object.fromEntries(Object.entries({ "content-type": "text/html; charset=utf-8", ...out.headers }).filter(([, v]) => v !== undefined)) as Record<string, string>);
      res.end(req.method === "HEAD" ? undefined : (out.body ?? ""));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The WordPress answers recorded in shared/fixtures/linkbacks. */
export const WP_TRACKBACK_OK = `<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>0</error>\n</response>\n`;
export const wpPingbackOk = (source: string, target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><params><param><value><string>Pingback from ${source} to ${target} registered (test receiver)</string></value></param></params></methodResponse>\n`;
