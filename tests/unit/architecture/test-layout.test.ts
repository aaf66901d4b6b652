// Tests mirror the code (issue #24): every test file lives in the folder of the area it covers
// (tests/unit/db/, tests/unit/comments/, tests/e2e/reading/…, helpers in support/), named for what
// it tests, never after the project phase that wrote it. This fails on a file left directly in
// tests/unit/ or tests/e2e/, and on a phase prefix anywhere below them.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..", "..", "..");
const PHASE_PREFIX = /^(hardening-|foundation[-.]|writing-site-|migration-|zz-)/;

/** Every file under a folder, as paths relative to the repository ("tests/unit/db/copy.test.ts"). */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** What is wrong with where a file under tests/unit/ or tests/e2e/ sits, or null. */
function misplaced(file: string): string | null {
  const [tests, kind, ...rest] = file.split("/");
  if (tests !== "tests" || (kind !== "unit" && kind !== "e2e")) return null;
  if (rest.length < 2) return `${file} sits directly in tests/${kind}/: move it into the folder of the area it covers`;
  const phased = rest.find((part) => PHASE_PREFIX.test(part));
  if (phased) return `${file}: "${phased}" is named after a project phase; name it for what it tests`;
  return null;
}

describe("where a test file sits", () => {
  it.each([
    ["tests/unit/hardening-body-limits.test.ts", "sits directly in tests/unit/"],
    ["tests/unit/factories.ts", "sits directly in tests/unit/"],
    ["tests/e2e/reading.spec.ts", "sits directly in tests/e2e/"],
    ["tests/unit/server/hardening-body-limits.test.ts", "named after a project phase"],
    ["tests/e2e/themes/zz-fidelity.spec.ts", "named after a project phase"],
    ["tests/e2e/reading/foundation.spec.ts", "named after a project phase"],
    ["tests/unit/admin/writing-site-users.test.ts", "named after a project phase"],
    ["tests/unit/migration-helpers/wxr.ts", "named after a project phase"],
  ])("%s is refused", (file, says) => {
    expect(misplaced(file)).toContain(says);
  });

  it.each([
    "tests/unit/server/body-limits.test.ts",
    "tests/unit/support/factories.ts",
    "tests/e2e/reading/browse.spec.ts",
    "tests/e2e/support/seed-hardening.ts",
    "tests/fixtures/wxr/theme-unit-test-data.xml",
  ])("%s is where it belongs", (file) => {
    expect(misplaced(file)).toBeNull();
  });

  it("every file under tests/unit/ and tests/e2e/ sits in an area folder, with no phase in its name", () => {
    const files = [...filesUnder("tests/unit"), ...filesUnder("tests/e2e")];
    expect(files.length).toBeGreaterThan(150);
    expect(files.map(misplaced).filter(Boolean)).toEqual([]);
  });

  // The theme unit test import moves the seed's posts off the home page other specs of the shared
  // site read, so it must stay the last spec of its project; Playwright takes folders and files in
  // name order, so a new folder after themes/ would quietly move it.
  it("the theme unit test import is the last spec Playwright runs on the shared site", () => {
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "playwright"), ["test", "--list", "--project", "chromium", "--reporter=list"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, E2E_POSTGRES: "0" }, timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const specs = [...r.stdout.matchAll(/^\s+\[chromium\] › ([^:]+\.spec\.ts):/gm)].map((m) => m[1]);
    expect(specs.length).toBeGreaterThan(100);
    expect(specs.at(-1)).toBe("themes/theme-unit-test.spec.ts");
  });
});
