// The server's own render of a page for itself: the active theme's empty page around the
// no-JavaScript comment form (lib/site/comment-shell.ts) is fetched from this server, with a
// secret header that only this process knows, and that page answers nobody else.
import { randomBytes } from "node:crypto";

export const RENDER_HEADER = "x-inkwell-render";

const g = globalThis as unknown as { __inkwellRenderToken?: string };

/** The secret that marks the server's own request (one per process, shared by Next's bundles). */
export function renderToken(): string {
  return (g.__inkwellRenderToken ??= randomBytes(16).toString("hex"));
}

/** This process's own address, as the server listens on it. */
export function origin(): string {
  const host = process.env.HOST && process.env.HOST !== "0.0.0.0" && process.env.HOST !== "::" ? process.env.HOST : "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}
