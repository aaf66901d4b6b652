import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The engine-specific internals of db/: only db/ itself (and db/'s own tests) may import them.
const DB_INTERNALS = [
  { group: ["better-sqlite3", "pg", "pg-*", "postgres"], message: "Only db/ talks to a database driver: use db/queries or db/index.ts." },
  { group: ["drizzle-orm/*", "!drizzle-orm/sql"], message: "Dialect modules stay in db/: use db/queries or db/index.ts." },
  { group: ["@/db/client", "@/db/statements", "@/db/wal-sync", "**/db/client", "**/db/statements", "**/db/wal-sync"], message: "db/ internals: import getDb, withTransaction, closeDb, openDatabase… from @/db (db/index.ts)." },
];

const BEHIND_DB = [...DB_INTERNALS, { group: ["drizzle-orm"], message: "Query through db/queries." }];

// An import of a layer by its alias (@/db/…) or by a relative path (../../db/…).
const layer = (dir) => `^(@/|(\\.\\./)+)${dir}(/|$)`;
const WALL = {
  db: { regex: layer("db"), message: "Components and themes get their data as props: load it in the screen under app/ (_components/)." },
  app: { regex: layer("app"), message: "Only app/ imports app/: pass the server action down as a prop (or, in lib/, move what is shared into lib/)." },
  components: { regex: layer("components"), message: "lib/ renders nothing: the component belongs to its screen, or what it needs to lib/." },
  themes: { regex: layer("themes"), message: "lib/ does not know the themes: shared view types are in lib/content/views.ts; the site layer (app/(site)/) picks the theme." },
};

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
    ignores: ["db/**", "tests/unit/db/**", "tests/unit/support/postgres-harness.ts", "tests/unit/support/global-postgres.ts", "tests/unit/support/setup.ts", "tests/e2e/server/pg-outage.spec.ts", "tests/e2e/server/scale-out.spec.ts", "drizzle.config.ts", "drizzle-pg.config.ts", "bench/*.mjs"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_INTERNALS }] },
  },
  {
    // All SQL stays behind db/: pages, actions and lib never import drizzle at all.
    files: ["app/**", "components/**", "lib/**", "themes/**"],
    rules: { "no-restricted-imports": ["error", { patterns: BEHIND_DB }] },
  },
  // The walls between layers (STYLE.md, "Where things live"). A rule's options replace those of an
  // earlier block for the same files, so each wall repeats BEHIND_DB.
  {
    // Components and themes are props in, markup out: a screen that loads data or calls actions
    // lives under its route in app/ (`_components/`) and passes them down.
    files: ["components/**", "themes/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...BEHIND_DB, WALL.db, WALL.app] }] },
  },
  {
    // lib/ holds the rules of each domain: it may call db/, never a page, a component or a theme.
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...BEHIND_DB, WALL.app, WALL.components, WALL.themes] }] },
  },
  {
    // db/ knows the engine and nothing above it (it may use lib/'s validation and view types).
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [WALL.app, WALL.components, WALL.themes] }] },
  },
];
export default config;
