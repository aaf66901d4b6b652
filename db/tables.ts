// The tables every query uses, of the engine this process runs (db/engine.ts). Queries import their
// tables from here, never from schema.ts or schema-pg.ts directly, so one query text serves both
// engines: drizzle builds SQLite or PostgreSQL SQL from the table it is given. The types are
// SQLite's (the two schemas are kept column for column, tests/unit/db/engines-schema.test.ts).
import * as lite from "./schema";
import * as pgs from "./schema-pg";
import { ENGINE } from "./engine";

export * from "./schema";

function pick<T>(sqlite: T, postgres: unknown): T {
  return ENGINE === "postgres" ? (postgres as T) : sqlite;
}

export const users = pick(lite.users, pgs.users);
export const posts = pick(lite.posts, pgs.posts);
export const postMeta = pick(lite.postMeta, pgs.postMeta);
export const terms = pick(lite.terms, pgs.terms);
export const postTerms = pick(lite.postTerms, pgs.postTerms);
export const comments = pick(lite.comments, pgs.comments);
export const commentMeta = pick(lite.commentMeta, pgs.commentMeta);
export const options = pick(lite.options, pgs.options);
export const revisions = pick(lite.revisions, pgs.revisions);
export const media = pick(lite.media, pgs.media);
export const pings = pick(lite.pings, pgs.pings);
export const jobs = pick(lite.jobs, pgs.jobs);
export const notifications = pick(lite.notifications, pgs.notifications);
export const rateLimits = pick(lite.rateLimits, pgs.rateLimits);
export const revokedSessions = pick(lite.revokedSessions, pgs.revokedSessions);
export const passwordResets = pick(lite.passwordResets, pgs.passwordResets);
export const contentVersion = pick(lite.contentVersion, pgs.contentVersion);
export const menus = pick(lite.menus, pgs.menus);
export const menuItems = pick(lite.menuItems, pgs.menuItems);
export const applicationPasswords = pick(lite.applicationPasswords, pgs.applicationPasswords);
export const importJobs = pick(lite.importJobs, pgs.importJobs);
export const importJobFiles = pick(lite.importJobFiles, pgs.importJobFiles);
export const oembedCache = pick(lite.oembedCache, pgs.oembedCache);
export const federationKv = pick(lite.federationKv, pgs.federationKv);
export const federationKeys = pick(lite.federationKeys, pgs.federationKeys);
export const federationFollowers = pick(lite.federationFollowers, pgs.federationFollowers);
export const federationReactions = pick(lite.federationReactions, pgs.federationReactions);
export const federationDeliveries = pick(lite.federationDeliveries, pgs.federationDeliveries);
export const federationFollowing = pick(lite.federationFollowing, pgs.federationFollowing);
export const federationReader = pick(lite.federationReader, pgs.federationReader);
