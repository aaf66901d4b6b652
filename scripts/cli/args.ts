import path from "node:path";
// The command line's one argument parser: positionals, `--flag value`, `--flag=value` and
// boolean switches; anything not declared is a usage error, never silently ignored.
export class UsageError extends Error {}

export interface Parsed {
  positionals: string[];
  flags: Record<string, string>;
  switches: Set<string>;
  help: boolean;
}

export function parseArgs(argv: string[], spec: { flags?: string[]; switches?: string[]; positionals: [min: number, max: number] }): Parsed {
  const out: Parsed = { positionals: [], flags: {}, switches: new Set(), help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-h" || a === "--help") {
      out.help = true;
      continue;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq > 0 ? eq : undefined);
      if (spec.switches?.includes(name) && eq < 0) out.switches.add(name);
      else if (spec.flags?.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
        out.flags[name] = value;
      } else throw new UsageError(`unknown option "${a}"`);
      continue;
    }
    out.positionals.push(a);
  }
  if (out.help) return out;
  const [min, max] = spec.positionals;
  if (out.positionals.length < min) throw new UsageError(min === 1 ? "an argument is missing" : "arguments are missing");
  if (out.positionals.length > max) throw new UsageError(`unexpected argument "${out.positionals[max]}"`);
  return out;
}

/** A path the user typed, from the folder they typed it in (scripts/inkwell.mjs runs us from the project). */
export function userPath(p: string): string {
  return path.resolve(process.env.INKWELL_CALLER_CWD || process.cwd(), p);
}
