// `npm run import -- export.xml [...]`: the same as `inkwell import` (scripts/cli/commands/content.ts).
import { main } from "./cli/main";

void main(["import", ...process.argv.slice(2)]).then((code) => (process.exitCode = code));
