// Settings → Discussion → Fediverse blocks: servers (domains, with their subdomains) and actors
// (handles or addresses) whose activities the inbox refuses with 403 before any other work, by the
// host of the signing key and by the activity's actor; and again in the listeners by handle, once
// Fedify knows the actor (a handle names no address before it is looked up).
import { getOptions } from "@/db/queries/options";

export interface Blocklist {
  domains: string[];
  actors: Set<string>;
  handles: Set<string>;
}

const lines = (v: string) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** "@bob@example.com" and "bob@example.com" alike, lower-cased. */
export const normalizeHandle = (h: string) => h.trim().replace(/^@/, "").toLowerCase();

export function parseBlocklist(domains: string, actors: string): Blocklist {
  const list: Blocklist = { domains: lines(domains).map((d) => d.toLowerCase().replace(/^\*\./, "").replace(/\.$/, "")), actors: new Set(), handles: new Set() };
  for (const a of lines(actors)) {
    if (/^https?:\/\//i.test(a)) list.actors.add(a);
    else list.handles.add(normalizeHandle(a));
  }
  return list;
}

export async function blocklist(): Promise<Blocklist> {
  const o = await getOptions();
  return parseBlocklist(o.activitypub_site_blocked_domains, o.activitypub_site_blocked_actors);
}

/** The host (without port) is a blocked domain or under one. */
export function hostBlocked(list: Blocklist, host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/:\d+$/, "");
  return list.domains.some((d) => h === d || h.endsWith(`.${d}`));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function actorBlocked(list: Blocklist, actorId: string | undefined, handle?: string): boolean {
  if (actorId && (list.actors.has(actorId) || hostBlocked(list, hostOf(actorId)))) return true;
  return !!handle && list.handles.has(normalizeHandle(handle));
}

export async function isBlockedActor(actorId: string, handle?: string): Promise<boolean> {
  return actorBlocked(await blocklist(), actorId, handle);
}

/** The actor an incoming activity names (a URL, or an object with an id). */
export function activityActor(activity: Record<string, unknown>): string | undefined {
  const a = activity.actor;
  if (typeof a === "string") return a;
  if (a && typeof a === "object" && !Array.isArray(a) && typeof (a as { id?: unknown }).id === "string") return (a as { id: string }).id;
  return undefined;
}

/** Whether the inbox refuses this POST: its signer's host or its actor is blocked. */
export async function inboxRefuses(signingHost: string | undefined, activity: Record<string, unknown>): Promise<boolean> {
  const list = await blocklist();
  if (!list.domains.length && !list.actors.size && !list.handles.size) return false;
  return hostBlocked(list, signingHost) || actorBlocked(list, activityActor(activity));
}
