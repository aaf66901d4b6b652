// `npm run backup [-- --to <folder>]`: the same as `inkwell backup` (scripts/cli/commands/site.ts).
import { main } from "./cli/main";

void main(["backup", ...process.argv.slice(2)]).then((code) => (process.exitCode = code));
