import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Two projects: every unit file on SQLite, and the files that touch the database once more on a
// real PostgreSQL server (tests/unit/support/global-postgres.ts starts a throwaway one unless
// TEST_DATABASE_URL_PG names a server). DATABASE_URL is set before any module loads because the
// engine is chosen once, at load (db/engine.ts); tests/unit/support/setup.ts gives each file its own database.
const shared = {
  environment: "node" as const,
  pool: "forks" as const,
  setupFiles: ["tests/unit/support/setup.ts"],
  testTimeout: 20_000,
};

// The files that run a second time on PostgreSQL: every file that touches the database.
const POSTGRES_SUITES = [
  "tests/unit/federation/follow.test.ts",
  "tests/unit/federation/inbound.test.ts",
  "tests/unit/federation/recorded.test.ts",
  "tests/unit/federation/store.test.ts",
  "tests/unit/federation/publish.test.ts",
  "tests/unit/federation/authors.test.ts",
  "tests/unit/federation/author-actions.test.ts",
  "tests/unit/federation/remote-follow.test.ts",
  "tests/unit/federation/conversation.test.ts",
  "tests/unit/federation/following.test.ts",
  "tests/unit/admin/post-in-reply-to.test.ts",
  "tests/unit/admin/permalinks-message.test.ts",
  "tests/unit/auth/app-passwords.test.ts",
  "tests/unit/themes/site-identity.test.ts",
  "tests/unit/comments/admin-actions.test.ts",
  "tests/unit/comments/admin-queries.test.ts",
  "tests/unit/comments/submit.test.ts",
  "tests/unit/content/shortcodes.test.ts",
  "tests/unit/db/engine-contract.test.ts",
  "tests/unit/db/long-transaction.test.ts",
  "tests/unit/editor/link-search.test.ts",
  "tests/unit/editor/media-dialog.test.ts",
  "tests/unit/editor/preview.test.ts",
  "tests/unit/security/rate-limits.test.ts",
  "tests/unit/linkbacks/send-jobs.test.ts",
  "tests/unit/import/import-jobs.test.ts",
  "tests/unit/import/import-thread.test.ts",
  "tests/unit/posts/scheduled-once.test.ts",
  "tests/unit/linkbacks/receive.test.ts",
  "tests/unit/micropub/micropub-indieauth.test.ts",
  "tests/unit/db/backup.test.ts",
  "tests/unit/cli/npm-import-from-site.test.ts",
  "tests/unit/cli/npm-import-migrate.test.ts",
  "tests/unit/import/wxr-export.test.ts",
  "tests/unit/import/wxr-import.test.ts",
  "tests/unit/import/live-site.test.ts",
  "tests/unit/import/media-download.test.ts",
  "tests/unit/import/old-permalinks.test.ts",
  "tests/unit/wp-rest/reads.test.ts",
  "tests/unit/menus/nav-menus.test.ts",
  "tests/unit/oembed/discovery.test.ts",
  "tests/unit/oembed/proxy.test.ts",
  "tests/unit/oembed/thumbnails.test.ts",
  "tests/unit/auth/new-user-notice.test.ts",
  "tests/unit/server/observe.test.ts",
  "tests/unit/auth/password-reset.test.ts",
  "tests/unit/site/adjacent.test.ts",
  "tests/unit/site/archives.test.ts",
  "tests/unit/server/read-and-page-cache.test.ts",
  "tests/unit/site/content-version.test.ts",
  "tests/unit/site/feed-urls.test.ts",
  "tests/unit/site/feeds.test.ts",
  "tests/unit/site/permalinks.test.ts",
  "tests/unit/site/post-pages.test.ts",
  "tests/unit/comments/recent-comments.test.ts",
  "tests/unit/server/routing.test.ts",
  "tests/unit/site/search.test.ts",
  "tests/unit/site/share-image.test.ts",
  "tests/unit/wp-rest/writes.test.ts",
  "tests/unit/auth/session-revocation.test.ts",
  "tests/unit/site/featured-image.test.ts",
  "tests/unit/site/front-page.test.ts",
  "tests/unit/auth/registration.test.ts",
  "tests/unit/auth/sign-in.test.ts",
  "tests/unit/site/post-at-path.test.ts",
  "tests/unit/themes/widgets.test.ts",
  "tests/unit/themes/widget-markup.test.ts",
  "tests/unit/posts/concurrent-saves.test.ts",
  "tests/unit/admin/post-list.test.ts",
  "tests/unit/admin/delivery-tables.test.ts",
  "tests/unit/admin/post-actions-roles.test.ts",
  "tests/unit/admin/post-actions.test.ts",
  "tests/unit/media/process.test.ts",
  "tests/unit/admin/settings-users-roles.test.ts",
  "tests/unit/admin/settings.test.ts",
  "tests/unit/admin/users.test.ts",
  "tests/unit/xmlrpc/publishing.test.ts",
];

// The files that start processes (the command line through tsx, a server): minutes each on a busy
// machine. They go first, whatever their project, so that none of them is left running alone at
// the end (vitest otherwise runs all of one project's files before the other's).
const SLOW_FIRST = [
  "cli/inkwell.test.ts", "server/cluster.test.ts", "cli/import-export-options.test.ts", "cli/npm-import-migrate.test.ts",
  "cli/npm-import-from-site.test.ts", "security/hostile-input.test.ts", "import/live-site.test.ts",
];
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
    globalSetup: ["tests/unit/support/global-postgres.ts"],
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
