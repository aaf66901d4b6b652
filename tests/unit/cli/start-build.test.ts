// `npm start` on a machine where `npm install` was skipped or failed must say what to do, not
// "the build failed (see above)" with nothing above it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildFailure, unsupportedNode } from "../../../scripts/start.mjs";

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

describe("npm start's Node check", () => {
  it("refuses Node 20 and early 22 with one line that names the version needed", () => {
    expect(unsupportedNode("20.20.2")).toMatch(/needs Node.js 22.19 or newer .*this is Node.js 20.20.2/);
    expect(unsupportedNode("22.12.0")).toMatch(/this is Node.js 22.12.0/);
  });
  it("accepts Node 22.19+, 24 and later", () => {
    for (const v of ["22.19.0", "23.1.0", "24.22.3", "26.0.0"]) expect(unsupportedNode(v)).toBeNull();
    expect(unsupportedNode()).toBeNull(); // the Node this suite runs on
  });
});
