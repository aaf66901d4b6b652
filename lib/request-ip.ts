// The client's address as server/main.mjs computed it from the socket and TRUSTED_PROXIES.
// Any header of that name sent by a client is overwritten there, so it cannot be spoofed.
export const CLIENT_IP_HEADER = "x-inkwell-client-ip";

export function clientIpFrom(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) || "unknown";
}
