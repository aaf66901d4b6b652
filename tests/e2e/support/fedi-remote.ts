// The federation specs' second fediverse server (fedi-remote.mjs, an independent Fedify on
// 127.0.0.1), started before a spec's tests and stopped after them, and the blog's actor address
// as WebFinger gives it.
import { spawn, type ChildProcess } from "node:child_process";
import { test, expect, type APIRequestContext } from "@playwright/test";

/**
 * Starts the remote server on E2E_PORT + offset for the spec's tests (each spec its own offset:
 * no other spec or server of the run uses it) and returns its origin.
 */
export function fediRemoteForSpec(offset: number): string {
  const port = Number(process.env.E2E_PORT || 3100) + offset;
  let remote: ChildProcess | undefined;
  test.beforeAll(async () => {
    remote = spawn(process.execPath, ["tests/e2e/support/fedi-remote.mjs", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    const child = remote;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`the remote server exited (${code})`)));
    });
  });
  test.afterAll(() => {
    remote?.kill("SIGTERM");
  });
  return `http://127.0.0.1:${port}`;
}

/** The blog actor's URL, found by WebFinger under the site's host (the default handle). */
export async function blogActorUrl(request: APIRequestContext, baseURL: string): Promise<string> {
  const host = new URL(baseURL).host;
  const wf = await request.get(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:127.0.0.1@${host}`)}`);
  expect(wf.status()).toBe(200);
  const jrd = (await wf.json()) as { links: { rel: string; href?: string }[] };
  return jrd.links.find((l) => l.rel === "self")!.href!;
}
