// `inkwell fediverse move <new actor URL>`: tells every follower the blog's profile has moved.
import { parseArgs } from "../args";
import { CliError, type Command } from "../command";

export const fediverseMove: Command = {
  usage: "fediverse move <new actor URL>",
  summary: "move the blog's fediverse followers to another profile (sends Move, shows movedTo)",
  help: "  The new profile must list this blog's actor among its earlier addresses (alsoKnownAs) first:\n  on a new Inkwell site, Settings → Discussion → Also known as. Followers' servers then follow\n  the new profile by themselves. The deliveries go out from the job queue of the running site.",
  async run(argv) {
    const a = parseArgs(argv, { positionals: [1, 1] });
    await import("@/lib/jobs");
    const { moveBlogTo, MoveError } = await import("@/lib/federation/move");
    try {
      const { from, to } = await moveBlogTo(a.positionals[0]!);
      console.log(`Moved: ${from} → ${to}. Followers are told from the job queue.`);
    } catch (e) {
      if (e instanceof MoveError) throw new CliError(`Not moved: ${e.message}`);
      throw e;
    }
  },
};
