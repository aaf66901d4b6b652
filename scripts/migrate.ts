// `npm run migrate`: the same as `inkwell db migrate` (scripts/cli/commands/site.ts).
import { main } from "./cli/main";

void main(["db", "migrate", ...process.argv.slice(2)]).then((code) => (process.exitCode = code));
