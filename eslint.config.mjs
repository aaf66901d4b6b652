import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The engine-specific internals of db/: only db/ itself (and db/'s own tests) may import them.
const DB_INTERNALS = [
  { group: ["better-sqlite3", "pg", "pg-*", "postgres"], message: "Only db/ talks to a database driver: use db/queries or db/index.ts." },
  { group: ["drizzle-orm/*", "!drizzle-orm/sql"], message: "Dialect modules stay in db/: use db/queries or db/index.ts." },
  { group: ["@/db/client", "@/db/statements", "@/db/wal-sync", "**/db/client", "**/db/statements", "**/db/wal-sync"], message: "db/ internals: import getDb, withTransaction, closeDb, openDatabase… from @/db (db/index.ts)." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  // Feeds, trackback URLs and downloads are not pages: a plain <a> is right for them.
  { rules: { "@next/next/no-html-link-for-pages": "off" } },
  {
    // A forgotten await is an error, not a Promise that is always truthy: every db/ function is async.
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // One data layer: outside db/, nothing knows which engine runs.
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.mjs", "**/*.js"],
    // db/'s own tests check the engines themselves; the plain-node benches and the outage test look
    // at the database they made (SQLite file or throwaway PostgreSQL) from outside the app, as an
    // operator would. The harness that makes a PostgreSQL database per test file is driver-level by nature.
    ignores: ["db/**", "tests/unit/db-*.test.ts", "tests/unit/db-pg-harness.ts", "tests/unit/global-postgres.ts", "tests/unit/setup.ts", "tests/e2e/hardening-pg-outage.spec.ts", "tests/e2e/scale-out.spec.ts", "drizzle.config.ts", "drizzle-pg.config.ts", "bench/*.mjs"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_INTERNALS }] },
  },
  {
    // All SQL stays behind db/: pages, actions and lib never import drizzle at all.
    files: ["app/**", "components/**", "lib/**", "themes/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        ...DB_INTERNALS,
        { group: ["drizzle-orm"], message: "Query through db/queries." },
      ] }],
    },
  },
];
export default config;
