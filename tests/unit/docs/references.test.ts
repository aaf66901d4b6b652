// README.md, docs/ and the code point people at scripts, files and sections by name; a name whose
// target moved or never existed sends a newcomer nowhere. These checks read the real files.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (rel: string) => fs.readFileSync(path.join(root, rel), "utf8");
const exists = (rel: string) => fs.existsSync(path.join(root, rel));
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; bin?: Record<string, string> };

const docs = ["README.md", "db/README.md", ...fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Source files outside node_modules and build output, where comments and error messages live. */
const THIS_FILE = "tests/unit/docs/references.test.ts";
function sourceFiles(dir = ""): string[] {
  const skip = new Set(["node_modules", ".next", ".git", "data", "test-results", "playwright-report"]);
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return skip.has(e.name) || e.name.startsWith(".next") ? [] : sourceFiles(rel);
    return /\.(m?[jt]sx?)$/.test(e.name) && rel !== THIS_FILE ? [rel] : [];
  });
}

/** `npm run X`, `npm start` and `npm test` in a text: the script names it expects. */
function npmScriptsNamed(text: string): string[] {
  const names = [...text.matchAll(/\bnpm run ([\w:.-]*\w)/g)].map((m) => m[1]);
  for (const m of text.matchAll(/\bnpm (start|test)\b/g)) names.push(m[1]);
  return names;
}

// Top-level folders and root files of this repository: a backticked path starting with one of
// them names a file or folder that must exist. (data/ is made at run time.)
const TOP = ["app", "bench", "components", "db", "deploy", "docs", "drizzle", "drizzle-pg", "lib", "public", "scripts", "tests", "themes", ".ci"];
const ROOT_FILES = /^(?:proxy|instrumentation|auth|next\.config|drizzle\.config|drizzle-pg\.config|playwright\.config|eslint\.config|vitest\.config)\.m?[jt]s$/;

/** Repository paths written in `code spans` of a markdown text (`db-*` is kept as the prefix `db-*`). */
function repoPathsNamed(markdown: string): string[] {
  const paths: string[] = [];
  const fenced = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  const inline = [...markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  for (const span of [...fenced, ...inline]) {
    for (const [token] of span.matchAll(/[^\s<>{}[\]()'",;:|`]+/g)) {
      const clean = token.replace(/[.…]+$/, "").replace(/\*.*$/, "*");
      const top = clean.split("/")[0];
      if ((TOP.includes(top) && clean.includes("/")) || ROOT_FILES.test(clean)) paths.push(clean);
    }
  }
  return paths;
}

/** A file or folder, a module named without its extension (`db/client`), or a prefix (`tests/unit/db-*`). */
function pathExists(rel: string): boolean {
  if (rel.endsWith("*")) {
    const dir = path.posix.dirname(rel);
    const prefix = path.posix.basename(rel).slice(0, -1);
    return exists(dir) && fs.readdirSync(path.join(root, dir)).some((f) => f.startsWith(prefix));
  }
  return ["", ".ts", ".tsx", ".mjs"].some((ext) => exists(rel + ext));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

describe("package.json's scripts", () => {
  it("name only files that exist", () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const [file] of command.matchAll(/[\w./-]+\.(?:mjs|cjs|js|ts|sh)\b/g)) if (!exists(file)) missing.push(`${name}: ${file}`);
      for (const other of npmScriptsNamed(command)) if (!(other in pkg.scripts)) missing.push(`${name}: npm run ${other}`);
    }
    for (const [name, file] of Object.entries(pkg.bin ?? {})) if (!exists(file)) missing.push(`bin ${name}: ${file}`);
    expect(missing).toEqual([]);
  });
});

describe("README.md and docs/", () => {
  it("README orients in under 200 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThan(200);
  });

  it("run only npm scripts that package.json has", () => {
    const missing = docs.flatMap((doc) => npmScriptsNamed(read(doc)).filter((s) => !(s in pkg.scripts)).map((s) => `${doc}: npm run ${s}`));
    expect(missing).toEqual([]);
  });

  it("name only files and folders that exist", () => {
    const missing = docs.flatMap((doc) => repoPathsNamed(read(doc)).filter((p) => !pathExists(p)).map((p) => `${doc}: ${p}`));
    expect(missing).toEqual([]);
  });

  it("link only to files and headings that exist", () => {
    const missing: string[] = [];
    for (const doc of docs) {
      for (const [, target] of read(doc).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, anchor] = target.split("#");
        const rel = file ? path.posix.normalize(path.posix.join(path.posix.dirname(doc), file)) : doc;
        if (!exists(rel)) {
          missing.push(`${doc}: ${target}`);
          continue;
        }
        if (!anchor || !rel.endsWith(".md")) continue;
        const anchors = [...read(rel).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1].replace(/`/g, "")));
        if (!anchors.includes(anchor)) missing.push(`${doc}: ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the code's comments and messages", () => {
  it("name only npm scripts that exist", () => {
    const missing = sourceFiles().flatMap((file) => npmScriptsNamed(read(file)).filter((s) => !(s in pkg.scripts)).map((s) => `${file}: npm run ${s}`));
    expect(missing).toEqual([]);
  });

  it("point only at README sections that exist", () => {
    const headings = [...read("README.md").matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim());
    const missing = sourceFiles().flatMap((file) =>
      [...read(file).matchAll(/README, "([^"]+)"/g)].map((m) => m[1]).filter((h) => !headings.includes(h)).map((h) => `${file}: "${h}"`),
    );
    expect(missing).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("find what they look for", () => {
    expect(npmScriptsNamed("run `npm run bench:soak` or npm test, not npmrun x")).toEqual(["bench:soak", "test"]);
    expect(repoPathsNamed("see `lib/site/cache.ts` and `app/admin/<screen>/` and `proxy.ts`, not `/admin/` or `data/x.db`")).toEqual([
      "lib/site/cache.ts", "app/admin/", "proxy.ts",
    ]);
    expect(repoPathsNamed("```sh\nnode scripts/e2e.mjs tests/e2e/<spec>.spec.ts\n```\nand `bench/run.mjs`")).toEqual([
      "scripts/e2e.mjs", "tests/e2e/", "bench/run.mjs",
    ]);
    expect(slug("Memory: `npm run bench:soak`".replace(/`/g, ""))).toBe("memory-npm-run-benchsoak");
    expect(repoPathsNamed("`lib/no-such-file.ts`, `db/client`, `tests/unit/nothing-*.test.ts`").filter((p) => !pathExists(p))).toEqual([
      "lib/no-such-file.ts", "tests/unit/nothing-*",
    ]);
  });
});
