// The sidebar's "Follow me on the fediverse" widget: the blog's handle and the follow form.
import type { Options } from "@/lib/options/defaults";
import { blogAccount } from "@/lib/federation/handle";
import { FediverseFollow } from "@/components/site/fediverse-follow";
import { Widget } from "@/themes/shared/widgets/sections";
import { WIDGETS } from "@/lib/site/widgets";

export async function FediverseFollowWidget({ opts }: { opts: Options }) {
  // Settings → Discussion → Fediverse profiles "Authors only": the blog has no handle to follow.
  if (opts.activitypub_actor_mode === "actor") return null;
  return (
    <Widget id="fediverse-follow" title={WIDGETS["fediverse-follow"]}>
      <FediverseFollow name={opts.blogname} account={await blogAccount()} />
    </Widget>
  );
}
