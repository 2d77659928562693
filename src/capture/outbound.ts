import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Which addresses the server may reach on a user's behalf (calendar addresses, address books,
 * mailboxes). On a server with open sign-up a stranger's account must not make it probe the
 * private network it sits on (SSRF); a one-person server may reach the owner's own NAS.
 */
export interface OutboundPolicy {
  privateNetworks: boolean;
}

/** A user-given address that this server refuses to reach; the message says why and what lifts it. */
export class OutboundRefused extends Error {}

const V4_PRIVATE: [number, number][] = [
  [0x00000000, 8], // this network
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata (169.254.169.254)
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // benchmarking
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Loopback, private, link-local, CGNAT, multicast and reserved addresses, IPv4 and IPv6. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = v4Number(ip);
    return V4_PRIVATE.some(
      ([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
    );
  }
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped?.[1]) return isPrivateAddress(mapped[1]);
  return (
    v6 === '::' ||
    v6 === '::1' ||
    /^f[cd]/.test(v6) || // unique local fc00::/7
    /^fe[89ab]/.test(v6) || // link-local fe80::/10
    /^ff/.test(v6) || // multicast
    v6.startsWith('64:ff9b:') // NAT64 of an IPv4 address
  );
}

/** Refuses a host that is, or resolves to, a private address when the policy says public only. */
export async function assertReachable(host: string, policy: OutboundPolicy): Promise<void> {
  if (policy.privateNetworks) return;
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare)
      ? [bare]
      : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return; // a name that does not resolve fails in the request itself, with its own message
  }
  const found = addresses.find(isPrivateAddress);
  if (found)
    throw new OutboundRefused(
      `${host} is a private address (${found}); this server reaches only public addresses for its users (TEND_PRIVATE_FETCH=allow lifts that, docs/self-hosting.md)`,
    );
}

const MAX_REDIRECTS = 5;

/**
 * fetch, with every hop checked against the policy: redirects are followed by hand, so a public
 * address cannot send the server on to a private one. Authorization is dropped when a redirect
 * leaves the origin, as browsers do.
 */
export async function guardedFetch(
  url: string | URL,
  init: RequestInit,
  policy: OutboundPolicy,
): Promise<Response> {
  let current = new URL(url);
  let request = init;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await assertReachable(current.hostname, policy);
    const res = await fetch(current, { ...request, redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return res;
    await res.body?.cancel().catch(() => {});
    const next = new URL(location, current);
    const headers = new Headers(request.headers);
    if (next.origin !== current.origin) headers.delete('authorization');
    request =
      res.status === 303 ? { ...request, method: 'GET', body: undefined, headers } : { ...request, headers };
    current = next;
  }
  throw new OutboundRefused(`${new URL(url).host}: more than ${MAX_REDIRECTS} redirects`);
}
