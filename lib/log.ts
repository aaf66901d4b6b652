// Structured logs: one JSON line per event. Callers pass facts, never secrets; keys that look
// secret are dropped here as a second line of defence.
const SECRET_KEY = /pass|secret|token|cookie|authorization|hash/i;

export function logEvent(event: string, fields: Record<string, unknown> = {}) {
  if (process.env.INKWELL_LOG === "off") return;
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!SECRET_KEY.test(k)) safe[k] = v;
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...safe }) + "\n");
}
