// wrk's text report (run with --latency): requests/s, p50 and p99 in ms, errors (socket errors and
// non-2xx/3xx answers), requests, and KB read per request. Shared by the benches that drive wrk.
export function wrkReport(stdout) {
  const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000 }[unit] ?? NaN);
  const pct = (p) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, "m").exec(stdout);
    return m ? Math.round(ms(m[1], m[2]) * 10) / 10 : NaN;
  };
  const total = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
  const read = /requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/.exec(stdout);
  const bytes = read ? Number(read[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[read[2]] : NaN;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN), p50: pct(50), p99: pct(99), errors: socketErrors + non2xx, total, kb: bytes / 1024 / Math.max(1, total) };
}
