// Who is asking: the client address that the per-IP limits count against. Behind a reverse
// proxy every request comes from the proxy, so with TRUST_PROXY = n (proxies in front) the
// address is read from X-Forwarded-For, n entries from its right end: each proxy appends the
// address it saw, so those entries were written by our own proxies and the ones further left
// are whatever the client chose to send. Without TRUST_PROXY the header is ignored entirely:
// anyone could otherwise pick a fresh address per request and never hit a limit.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The address as seen on the socket, or from X-Forwarded-For when `trustProxy` > 0. */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  return pickAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
}

/** clientAddress on its inputs: the socket's peer address and the X-Forwarded-For header. */
export function pickAddress(
  remote: string | undefined,
  forwarded: string | string[] | undefined,
  trustProxy: number,
): string {
  const peer = normalize(remote ?? '') ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const raw = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
  const hops = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // [client?, …, proxy n-1's peer, socket peer]: step trustProxy entries back from the socket.
  const chain = [...hops, peer];
  const picked = chain[Math.max(0, chain.length - 1 - trustProxy)] ?? peer;
  // A malformed entry can only come from a misconfigured proxy: count it as the proxy itself.
  return normalize(picked) ?? peer;
}

/**
 * The key a limit counts under: IPv4 as is, IPv6 by its /64 prefix (one subscriber usually
 * holds a whole /64, so per-address limits on IPv6 would be free to dodge).
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** A plain IP string (IPv4-mapped IPv6 unwrapped, port and brackets dropped), or undefined. */
function normalize(value: string): string | undefined {
  let v = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1] ?? v;
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.indexOf(':')); // "1.2.3.4:5678"
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (mapped) v = mapped[1] ?? v;
  return isIP(v) === 0 ? undefined : v.toLowerCase();
}

/** The eight 16-bit groups of an IPv6 address, as 4-digit lower-case hex. */
function expandIpv6(address: string): string[] | undefined {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text =
      text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, '0')) : undefined;
}
