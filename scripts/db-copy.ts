// `npm run db:copy -- --to <url>`: the same as `inkwell db copy` (scripts/cli/commands/db-copy.ts).
import { main } from "./cli/main";

void main(["db", "copy", ...process.argv.slice(2)]).then((code) => (process.exitCode = code));
