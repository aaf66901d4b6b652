// After a server action has written, the browser forgets the pages its router kept (Next's client
// router cache), so that every admin and reader screen it shows next has the change. The server's
// own caches need nothing from a write path: they follow the content version, which the database
// moves on every write readers can see (lib/site/cache.ts), in every process.
import { revalidatePath } from "next/cache";

export function refreshAfterWrite() {
  revalidatePath("/", "layout");
}
