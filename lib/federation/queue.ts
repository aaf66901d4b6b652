// Fedify's message queue on Inkwell's job queue (lib/jobs/queue.ts): every outgoing delivery and
// every inbox activity Fedify defers is a row in `jobs`, claimed once across processes, delayed
// by run_at, and retried with the queue's own backoff (nativeRetrial: Fedify rethrows a failed
// delivery instead of queueing a second retry of its own).
import type { MessageQueue, MessageQueueEnqueueOptions, MessageQueueListenOptions } from "@fedify/fedify";
import { enqueueJob, kickJobs } from "@/lib/jobs/queue";

export const JOB_FEDERATION = "federation";

type Handler = (message: unknown) => Promise<void> | void;
const g = globalThis as unknown as { __inkwellFederationHandler?: Handler };

export class JobMessageQueue implements MessageQueue {
  readonly nativeRetrial = true;

  async enqueue(message: unknown, options?: MessageQueueEnqueueOptions): Promise<void> {
    const delay = options?.delay ? Math.max(0, options.delay.total("millisecond")) : 0;
    await enqueueJob(JOB_FEDERATION, message, delay);
    // The kick below runs in this module graph (a server action's, in Next): its job handlers must
    // be registered there, or the job is claimed and failed as having none (lib/jobs/index.ts).
    await import("@/lib/jobs");
    // Due now: run it right after this request instead of at the poller's next tick.
    if (!delay) setImmediate(() => void kickJobs());
  }

  async enqueueMany(messages: readonly unknown[], options?: MessageQueueEnqueueOptions): Promise<void> {
    for (const m of messages) await this.enqueue(m, options);
  }

  /** Fedify hands its handler over once per process; the job runner calls it for each job. */
  listen(handler: Handler, options?: MessageQueueListenOptions): Promise<void> {
    g.__inkwellFederationHandler = handler;
    return new Promise((resolve) => {
      if (!options?.signal) return;
      options.signal.addEventListener("abort", () => {
        if (g.__inkwellFederationHandler === handler) g.__inkwellFederationHandler = undefined;
        resolve();
      }, { once: true });
    });
  }
}

/** The job handler: a federation message, run by whichever process claimed it. */
export async function runFederationJob(message: unknown): Promise<void> {
  if (!g.__inkwellFederationHandler) {
    const { startFederationQueue } = await import("./federation");
    await startFederationQueue();
  }
  const handler = g.__inkwellFederationHandler;
  if (!handler) throw new Error("the federation queue did not start");
  const { deliverOutbox, isOutboxMessage } = await import("./delivery");
  if (isOutboxMessage(message)) await deliverOutbox(message, handler);
  else await handler(message);
}
