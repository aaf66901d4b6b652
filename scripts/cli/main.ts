// `npx inkwell <command>` (or `npm run inkwell -- <command>`): the site's command line, in the
// spirit of WP-CLI. Exit 0 done, 1 it could not (one line says why, nothing was written),
// 2 the arguments were wrong (the usage follows).
import fs from "node:fs";
import { closeDb, databaseEngine, prepareDb, resolveDatabasePath, StartupError } from "@/db";
import { UsageError } from "./args";
import { CliError, type Command } from "./command";
import { userCreate, userDelete, userList, userResetPassword, userSetRole } from "./commands/user";
import { exportCommand, importCommand } from "./commands/content";
import { dbCopy } from "./commands/db-copy";
import { fediverseMove } from "./commands/fediverse";
import { backup, cacheClear, dbMigrate, optionGet, optionSet, restore, searchReplaceCommand } from "./commands/site";

const COMMANDS: Record<string, Command> = {
  "user list": userList,
  "user create": userCreate,
  "user set-role": userSetRole,
  "user reset-password": userResetPassword,
  "user delete": userDelete,
  import: importCommand,
  export: exportCommand,
  backup,
  restore,
  "db migrate": dbMigrate,
  "db copy": dbCopy,
  "option get": optionGet,
  "option set": optionSet,
  "cache clear": cacheClear,
  "search-replace": searchReplaceCommand,
  "fediverse move": fediverseMove,
};

// These make or replace the database themselves; every other command needs one that exists,
// so that a mistyped DATABASE_URL is reported instead of silently creating an empty site.
const OWN_DATABASE = new Set(["db migrate", "db copy", "restore", "backup"]);

function overview(): string {
  const w = Math.max(...Object.values(COMMANDS).map((c) => c.usage.split(" <")[0]!.split(" [")[0]!.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(w)}  ${c.summary}`);
  return `usage: inkwell <command> [arguments]   (npm run inkwell -- <command>; --help on any command)\n\n${lines.join("\n")}`;
}

function help(c: Command): string {
  return `usage: inkwell ${c.usage}\n${c.summary}${c.help ? `\n${c.help}` : ""}`;
}

function find(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  for (const take of [2, 1]) {
    const name = argv.slice(0, take).join(" ");
    if (COMMANDS[name]) return { name, command: COMMANDS[name], rest: argv.slice(take) };
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    (argv.length ? console.log : console.error)(overview());
    return argv.length ? 0 : 2;
  }
  const found = find(argv);
  if (!found) {
    const group = Object.keys(COMMANDS).filter((n) => n.startsWith(`${argv[0]} `));
    console.error(`inkwell: unknown command "${argv.slice(0, group.length ? 2 : 1).join(" ")}"\n${group.length ? group.map((n) => `usage: inkwell ${COMMANDS[n]!.usage}`).join("\n") : overview()}`);
    return 2;
  }
  const { name, command, rest } = found;
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(help(command));
    return 0;
  }
  try {
    if (!OWN_DATABASE.has(name)) {
      if (databaseEngine() === "sqlite") {
        const file = resolveDatabasePath();
        if (file !== ":memory:" && !fs.existsSync(file)) throw new CliError(`No database at ${file}: run \`npm start\` or \`inkwell db migrate\` first, or set DATABASE_URL.`);
      }
      await prepareDb();
    }
    await command.run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`inkwell ${name}: ${e.message}\nusage: inkwell ${command.usage}`);
      return 2;
    }
    if (e instanceof CliError) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof StartupError) {
      console.error(`Inkwell: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await closeDb();
  }
}

// `inkwell export | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

if (process.argv[1] && /scripts[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`inkwell: ${(e as Error).message ?? e}`);
      process.exitCode = 1;
    },
  );
}
