// The walls between layers (STYLE.md, "Where things live") are eslint.config.mjs's rules, so that
// `npm run lint` fails on an import across one. This runs the project's own config through ESLint's
// Node API: a forbidden import is an error naming the wall, an allowed one is none, and the tree as
// it stands has no import across a wall.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const RULE = "no-restricted-imports";
// Only the walls' rule, without type information: parsing alone, so the whole tree lints in seconds.
const eslint = new ESLint({
  cwd: import.meta.dirname + "/../../..",
  ruleFilter: ({ ruleId }) => ruleId === RULE,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function wallErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE || m.fatal).map((m) => m.message);
}

describe("the walls between layers", () => {
  it.each([
    ["components/site/probe.tsx", 'import { listPingsForPost } from "@/db/queries/pings";', "get their data as props"],
    ["components/site/probe.tsx", 'import { getDb } from "@/db";', "get their data as props"],
    ["components/admin/editor/probe.tsx", 'import { listRevisions } from "../../../db/queries/revisions";', "get their data as props"],
    ["components/admin/editor/probe.tsx", 'import { savePostAction } from "@/app/admin/posts/actions";', "pass the server action down as a prop"],
    ["components/comments/probe.tsx", 'import type { PostCard } from "@/db/queries/posts";', "get their data as props"],
    ["themes/classic/probe.tsx", 'import { unlockPostAction } from "@/app/(site)/actions";', "pass the server action down as a prop"],
    ["themes/modern/probe.tsx", 'import { listThreadComments } from "@/db/queries/comments";', "get their data as props"],
    ["lib/site/probe.ts", 'import { THEMES } from "@/themes/registry";', "lib/ does not know the themes"],
    ["lib/content/probe.ts", 'import type { Theme } from "../../themes/types";', "lib/ does not know the themes"],
    ["lib/site/probe.ts", 'import { getRenderTheme } from "@/app/(site)/theme";', "Only app/ imports app/"],
    ["lib/comments/probe.ts", 'import { CommentForm } from "@/components/comments/comment-form";', "lib/ renders nothing"],
    ["db/queries/probe.ts", 'import type { Theme } from "@/themes/types";', "lib/ does not know the themes"],
  ])("%s: %s is refused", async (filePath, code, says) => {
    const errors = await wallErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(says);
  });

  it.each([
    ["components/site/probe.tsx", 'import { escapeHtml } from "@/lib/content/escape";'],
    ["components/admin/editor/probe.tsx", 'import type { EditorActions } from "@/lib/posts/editor-results";'],
    ["components/site/probe.tsx", 'import { RawHtml } from "./raw-html";'],
    ["themes/classic/probe.tsx", 'import type { PostView } from "@/lib/content/views";'],
    ["themes/classic/probe.tsx", 'import { RawHtml } from "@/components/site/raw-html";'],
    ["lib/site/probe.ts", 'import { listPingsForPost } from "@/db/queries/pings";'],
    ["db/queries/probe.ts", 'import type { PickerMedia } from "@/lib/media/view";'],
    ["app/(site)/_components/probe.tsx", 'import { THEMES } from "@/themes/registry";\nimport { listThreadComments } from "@/db/queries/comments";\nimport { unlockPostAction } from "../actions";'],
  ])("%s: %s is allowed", async (filePath, code) => {
    expect(await wallErrors(filePath, code)).toEqual([]);
  });

  it("the rule that keeps drizzle behind db/ still holds beside the walls", async () => {
    const errors = await wallErrors("components/site/probe.tsx", 'import { eq } from "drizzle-orm";');
    expect(errors).toEqual([expect.stringContaining("Query through db/queries")]);
  });

  it("no file of components/, themes/, lib/ or db/ imports across a wall today", async () => {
    const results = await eslint.lintFiles(["components", "themes", "lib", "db"]);
    const crossings = results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(results.length).toBeGreaterThan(100);
    expect(crossings).toEqual([]);
  }, 120_000);
});
