// Authors as fediverse actors, as WordPress's ActivityPub plugin has them: a user who may publish
// posts turns on "Enable fediverse profile" on their Profile and is then @nicename@host, an actor
// of their own (id /wp-json/activitypub/1.0/actors/<user id>, keys of its own, followers of its
// own), whose posts go out attributedTo them. Settings → Discussion → Fediverse profiles (the
// plugin's Actor mode) says whether the blog, the authors, or both are actors. Apart from
// federation.ts so that pages (Profile, Followers) can ask without loading Fedify.
import { getFediverseUser, getPostFederatedActor, getPostFederatedId } from "@/db/queries/federation";
import { getOption } from "@/db/queries/options";
import { roleCan } from "@/lib/auth/capabilities";
import type { Role } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";

export const BLOG_ACTOR = "blog";

export type ActorMode = "blog" | "actor" | "actor_blog";

export async function actorMode(): Promise<ActorMode> {
  const mode = await getOption("activitypub_actor_mode");
  return mode === "blog" || mode === "actor" ? mode : "actor_blog";
}

export const blogIsActor = (mode: ActorMode) => mode !== "actor";
export const authorsAreActors = (mode: ActorMode) => mode !== "blog";

/** Whether a user of this role may have a fediverse profile (the plugin gives it to those who can publish posts). */
export const mayHaveFediverseProfile = (role: Role) => roleCan(role, "publish_posts");

export type FediverseAuthor = NonNullable<Awaited<ReturnType<typeof getFediverseUser>>>;

/** An actor identifier that names a user: their id, digits only. */
export function userIdOfActor(identifier: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(identifier)) return null;
  const id = Number(identifier);
  return Number.isSafeInteger(id) ? id : null;
}

/** The author behind an actor identifier, if they are an actor now (opted in, may publish, the actor mode has authors). */
export async function activeAuthor(by: { id: number } | { nicename: string }, mode?: ActorMode): Promise<FediverseAuthor | undefined> {
  if (!authorsAreActors(mode ?? (await actorMode()))) return undefined;
  const user = await getFediverseUser(by);
  return user && user.fediverse && mayHaveFediverseProfile(user.role) ? user : undefined;
}

/** Whether this local actor identifier is an actor now: the blog (unless authors only) or an active author. */
export async function isLocalActor(identifier: string): Promise<boolean> {
  const mode = await actorMode();
  if (identifier === BLOG_ACTOR) return blogIsActor(mode);
  const id = userIdOfActor(identifier);
  return id !== null && !!(await activeAuthor({ id }, mode));
}

/**
 * Who sends a post's Create: its author when they are an actor, else the blog (unless the site
 * has authors only, when the post does not federate: null), as the plugin decides.
 */
export async function postSender(authorId: number): Promise<string | null> {
  const mode = await actorMode();
  if (await activeAuthor({ id: authorId }, mode)) return String(authorId);
  return blogIsActor(mode) ? BLOG_ACTOR : null;
}

/** An author's fediverse address: nicename@host (the site's host, with its port if any). */
export async function authorAccount(nicename: string): Promise<string> {
  return `${nicename}@${new URL(await siteUrl()).host}`;
}

/** The actor a post is attributed to when served (its permalink as JSON, an outbox): whoever sent it, else whoever would send it now. */
export async function postAttribution(p: { id: number; authorId: number }): Promise<string> {
  if (await getPostFederatedId(p.id)) return await getPostFederatedActor(p.id);
  return (await postSender(p.authorId)) ?? BLOG_ACTOR;
}
