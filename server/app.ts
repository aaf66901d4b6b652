// The app's half of the server's interface (server/wing.ts), registered once at start by
// instrumentation.ts, before the server around Next takes its first request.
import { closeDb, databaseState } from "@/db";
import { stopJobPoller } from "@/lib/jobs/queue";
import { POST as postCommentForm } from "@/app/wp-comments-post.php/route";
import { bodyLimit } from "./body-limit";
import { commentFastPath } from "./comment-fast-path";
import { keepPage } from "./page-cache";
import { route } from "./routing";
import { wing, type AppSide } from "./wing";

export function registerApp() {
  const app: AppSide = {
    bodyLimit,
    postComment: commentFastPath(postCommentForm),
    route,
    keepPage,
    database: databaseState,
    stopJobs: stopJobPoller,
    closeDatabase: closeDb,
  };
  wing().app = app;
}
