// Each delivery's result, and a pause for a host that keeps failing. Fedify hands the job queue
// one "outbox" message per inbox (after fanning out to the followers); the job runs it through
// deliverOutbox, which records the result per activity and inbox (the post's delivery results in
// the admin) and counts a host's consecutive failures: after PAUSE_AFTER of them the host is
// skipped for PAUSE_MS, its messages wait (recorded as "paused") and go out when the pause ends.
// Retries of a failed delivery are the job queue's own (Fedify's nativeRetrial: 30 s, 2 min,
// 8 min, 32 min, ~2 h, then failed). Fedify's own circuit breaker is off (federation.ts): it holds
// messages inside its handler, out of sight of the results shown here.
import { getKvValue, kvKeyText, recordDelivery, setKvValue } from "@/db/queries/federation";
import { enqueueJob } from "@/lib/jobs/queue";
import { logEvent } from "@/lib/log";
import { postIdOfActivity } from "./objects";

export const PAUSE_AFTER = 5;
export const PAUSE_MS = 3600_000;
/** A message still waiting on a paused host this long after it was first sent is dropped. */
export const GIVE_UP_MS = 3 * 24 * 3600_000;

export interface OutboxMessageLike {
  type: "outbox";
  baseUrl: string;
  activityId?: string;
  activityType: string;
  inbox: string;
  started: string;
}

export const isOutboxMessage = (m: unknown): m is OutboxMessageLike =>
  !!m && typeof m === "object" && (m as { type?: unknown }).type === "outbox" && typeof (m as { inbox?: unknown }).inbox === "string";

interface HostHealth {
  failures: number;
  pausedUntil: number;
}

const healthKey = (host: string) => kvKeyText(["inkwell", "host-health", host.toLowerCase()]);

export async function hostHealth(host: string, now = Date.now()): Promise<HostHealth> {
  const raw = await getKvValue(healthKey(host), now);
  if (!raw) return { failures: 0, pausedUntil: 0 };
  try {
    return JSON.parse(raw) as HostHealth;
  } catch {
    return { failures: 0, pausedUntil: 0 };
  }
}

async function setHostHealth(host: string, h: HostHealth) {
  // Forgotten a day after the last failure: a host that failed long ago starts afresh.
  await setKvValue(healthKey(host), JSON.stringify(h), Date.now() + 24 * 3600_000);
}

// Fedify reports a failure it will not rethrow (a 404/410, or a 429 it retries itself after
// Retry-After) through onOutboxError only: kept here for the message being run.
const errors = new Map<string, Error>();
const slot = (activityId: string | undefined, inbox: string) => `${activityId ?? ""} ${inbox}`;

export function noteOutboxError(error: Error, activityId: string | undefined, inbox: string | undefined) {
  if (inbox) errors.set(slot(activityId, inbox), error);
}

/** Runs one outbox message through Fedify's handler, recording the result and the host's health. */
export async function deliverOutbox(message: OutboxMessageLike, handler: (m: unknown) => Promise<void> | void, now = Date.now()): Promise<void> {
  const host = new URL(message.inbox).host;
  const record = { postId: postIdOfActivity(message.activityId, message.baseUrl), activityId: message.activityId ?? `urn:uuid:${crypto.randomUUID()}`, activityType: message.activityType.replace(/^.*[#/]/, ""), inbox: message.inbox, host };
  const health = await hostHealth(host, now);
  if (health.pausedUntil > now) {
    const started = Date.parse(message.started);
    if (Number.isFinite(started) && now - started > GIVE_UP_MS) {
      await recordDelivery({ ...record, status: "failed", error: `Gave up: ${host} kept failing for three days.` });
      return;
    }
    await recordDelivery({ ...record, status: "paused", error: `${host} failed ${health.failures} times in a row; paused until ${new Date(health.pausedUntil).toISOString()}.` });
    await enqueueJob("federation", message, health.pausedUntil - now + 1000);
    return;
  }
  const key = slot(message.activityId, message.inbox);
  errors.delete(key);
  let failure: Error | undefined;
  let thrown = false;
  try {
    await handler(message);
    failure = errors.get(key);
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
    thrown = true;
  } finally {
    errors.delete(key);
  }
  if (!failure) {
    await recordDelivery({ ...record, status: "delivered", attempt: true });
    if (health.failures) await setHostHealth(host, { failures: 0, pausedUntil: 0 });
    return;
  }
  const failures = health.failures + 1;
  const pausedUntil = failures >= PAUSE_AFTER ? Date.now() + PAUSE_MS : 0;
  await setHostHealth(host, { failures, pausedUntil });
  if (pausedUntil) logEvent("federation.host_paused", { host, failures, until: new Date(pausedUntil).toISOString() }, "warn");
  await recordDelivery({ ...record, status: "failed", error: describeError(failure), attempt: true });
  // A failure Fedify handled itself (gone for good, or retried after Retry-After) is not retried here.
  if (thrown) throw failure;
}

function describeError(e: Error): string {
  // SendActivityError's message carries the status and the start of the remote's answer.
  return e.message.replace(/\s+/g, " ").trim().slice(0, 300) || "The delivery failed.";
}
