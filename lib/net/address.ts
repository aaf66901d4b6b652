// Which addresses an outbound fetch that a stranger can trigger may reach. Only global unicast:
// never loopback, private, link-local (incl. the 169.254.169.254 metadata service), CGNAT,
// unique-local v6, multicast, reserved, nor an IPv4 address wrapped in an IPv6 form.
import ipaddr from "ipaddr.js";

/** True when `ip` (v4 or v6 text) is a public unicast address. Anything unparsable is refused. */
export function isPublicAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return false;
  }
  if (addr.kind() === "ipv6") {
    const v6 = addr as ipaddr.IPv6;
    // ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96 (NAT64) and 6to4/Teredo carry a v4 address inside.
    if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
    const range = v6.range();
    if (range !== "unicast") return false;
    // Embedded-v4 forms ipaddr.js calls unicast: v4-compatible ::a.b.c.d and NAT64.
    const p = v6.parts;
    if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return false;
    if (p[0] === 0x64 && p[1] === 0xff9b) return false;
    return true;
  }
  return addr.range() === "unicast";
}

/** The allowlist: OUTBOUND_ALLOW_HOSTS (env) plus the `outbound_allow_hosts` option, lower-cased. */
export function parseAllowHosts(...lists: (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    for (const h of (list ?? "").split(/[\s,]+/)) {
      const host = h.trim().toLowerCase().replace(/^\[|\]$/g, "");
      if (host) out.add(host);
    }
  }
  return out;
}

/** The URL's host as an allowlist entry names it: lower case, IPv6 without brackets. */
export function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}
