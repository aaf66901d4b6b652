import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Two projects: every unit file on SQLite, and the files that touch the database once more on a
// real PostgreSQL server (tests/unit/global-postgres.ts starts a throwaway one unless
// TEST_DATABASE_URL_PG names a server). DATABASE_URL is set before any module loads because the
// engine is chosen once, at load (db/engine.ts); tests/unit/setup.ts gives each file its own database.
const shared = {
  environment: "node" as const,
  pool: "forks" as const,
  setupFiles: ["tests/unit/setup.ts"],
  testTimeout: 20_000,
};

// The files that run a second time on PostgreSQL: every file that touches the database.
const POSTGRES_SUITES = [
  "tests/unit/admin-permalinks-message.test.ts",
  "tests/unit/app-passwords.test.ts",
  "tests/unit/appearance-identity.test.ts",
  "tests/unit/comments-admin-actions.test.ts",
  "tests/unit/comments-admin.test.ts",
  "tests/unit/comments-submit.test.ts",
  "tests/unit/content-shortcodes.test.ts",
  "tests/unit/db-engine-contract.test.ts",
  "tests/unit/db-long-transaction.test.ts",
  "tests/unit/editor-link-search.test.ts",
  "tests/unit/editor-media.test.ts",
  "tests/unit/editor-preview.test.ts",
  "tests/unit/federation/follow.test.ts",
  "tests/unit/federation/store.test.ts",
  "tests/unit/federation/publish.test.ts",
  "tests/unit/federation/remote-follow.test.ts",
  "tests/unit/hardening-rate-limits.test.ts",
  "tests/unit/linkbacks-jobs.test.ts",
  "tests/unit/migration-import-jobs.test.ts",
  "tests/unit/scale-scheduled-once.test.ts",
  "tests/unit/linkbacks-receive.test.ts",
  "tests/unit/micropub-indieauth.test.ts",
  "tests/unit/migration-backup.test.ts",
  "tests/unit/migration-cli-site.test.ts",
  "tests/unit/migration-cli.test.ts",
  "tests/unit/migration-export.test.ts",
  "tests/unit/migration-import.test.ts",
  "tests/unit/migration-live-site.test.ts",
  "tests/unit/migration-media-download.test.ts",
  "tests/unit/migration-old-permalinks.test.ts",
  "tests/unit/migration-rest.test.ts",
  "tests/unit/nav-menus.test.ts",
  "tests/unit/oembed-discovery.test.ts",
  "tests/unit/oembed-proxy.test.ts",
  "tests/unit/oembed-thumbnails.test.ts",
  "tests/unit/new-user-notice.test.ts",
  "tests/unit/ops-observe.test.ts",
  "tests/unit/password-reset.test.ts",
  "tests/unit/reading-adjacent.test.ts",
  "tests/unit/reading-archives.test.ts",
  "tests/unit/reading-cache.test.ts",
  "tests/unit/reading-content-version.test.ts",
  "tests/unit/reading-feed-urls.test.ts",
  "tests/unit/reading-feeds.test.ts",
  "tests/unit/reading-permalinks.test.ts",
  "tests/unit/reading-recent-comments.test.ts",
  "tests/unit/reading-routing.test.ts",
  "tests/unit/reading-search.test.ts",
  "tests/unit/reading-share-image.test.ts",
  "tests/unit/rest-writes.test.ts",
  "tests/unit/session-revocation.test.ts",
  "tests/unit/settings-honoured-featured.test.ts",
  "tests/unit/settings-honoured-front.test.ts",
  "tests/unit/settings-honoured-register.test.ts",
  "tests/unit/sign-in.test.ts",
  "tests/unit/site/post-at-path.test.ts",
  "tests/unit/widgets-more.test.ts",
  "tests/unit/writing-concurrent-saves.test.ts",
  "tests/unit/writing-list.test.ts",
  "tests/unit/writing-roles.test.ts",
  "tests/unit/writing-save.test.ts",
  "tests/unit/writing-site-media.test.ts",
  "tests/unit/writing-site-roles.test.ts",
  "tests/unit/writing-site-settings.test.ts",
  "tests/unit/writing-site-users.test.ts",
  "tests/unit/xmlrpc-publishing.test.ts",
];

// The files that start processes (the command line through tsx, a server): minutes each on a busy
// machine. They go first, whatever their project, so that none of them is left running alone at
// the end (vitest otherwise runs all of one project's files before the other's).
const SLOW_FIRST = ["cli.test.ts", "cluster.test.ts", "cli-site.test.ts", "migration-cli.test.ts", "migration-cli-site.test.ts", "hardening-hostile.test.ts", "migration-live-site.test.ts"];
class SlowFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  // server-only's guard is for bundles; a unit test is the server.
  resolve: { alias: { "@": import.meta.dirname, "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js` } },
  test: {
    globalSetup: ["tests/unit/global-postgres.ts"],
    // Most files wait on a database, a child process or the disk more than on the CPU: four forks
    // on two cores finish the PostgreSQL project in 145 s instead of 202 s.
    maxWorkers: 4,
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { ...shared, name: "sqlite", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { ...shared, name: "postgres", include: POSTGRES_SUITES, env: { DATABASE_URL: "postgres://each-test-file-gets-its-own/database" } },
      },
    ],
  },
});
