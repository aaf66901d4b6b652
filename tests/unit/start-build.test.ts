// `npm start` on a machine where `npm install` was skipped or failed must say what to do, not
// "the build failed (see above)" with nothing above it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildFailure } from "../../scripts/start.mjs";

describe("npm start's build step", () => {
  it("tells the user to run npm install when Next.js is not installed", () => {
    const r = spawnSync("/nonexistent/node_modules/.bin/next", ["build"]);
    expect(buildFailure(r)).toMatch(/not installed.*Run `npm install` first/);
  });

  it("points at the build's own output when the build ran and failed", () => {
    const r = spawnSync(process.execPath, ["-e", "process.exit(1)"]);
    expect(buildFailure(r)).toBe("Inkwell cannot start: the build failed (see above).");
  });
});
