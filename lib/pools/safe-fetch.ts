import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Fetches a document named by someone we do not trust (a pool's on-chain metadataURI) from the server, so that
 * it cannot reach anything the public cannot (server-side request forgery):
 *
 * - https only; http only to 127.0.0.1, localhost or [::1] when `allowLocalHttp` (the local chain);
 * - the host's addresses, resolved at connection time (so a second answer from DNS cannot differ from the one
 *   checked), must all be public: no private, loopback, link-local, CGNAT, multicast, reserved or
 *   documentation range, no IPv6 unique-local, link-local or site-local, nothing but IPv6 global unicast;
 * - redirects followed by hand, at most `maxRedirects`, each target checked like the first URL;
 * - at most `maxBytes`, read as a stream and cut off beyond, and `timeoutMs` for the whole exchange.
 */
export type SafeFetchOptions = {
  allowLocalHttp?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** The resolver (tests stand one in); node's dns.lookup, which reads /etc/hosts as connections do, by default. */
  resolve?: (hostname: string) => Promise<string[]>;
};

export type SafeFetchResult = { ok: true; bytes: Uint8Array; url: string } | { ok: false; error: string };

export const SAFE_FETCH_DEFAULTS = { maxBytes: 256 * 1024, timeoutMs: 5_000, maxRedirects: 3 } as const;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an address is not one to fetch from, or null when it is public. */
export function nonPublicReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED_V4.check(address, 'ipv4') ? 'not public' : null;
  if (family === 6) {
    // IPv4 written as IPv6 (::ffff:a.b.c.d, NAT64's 64:ff9b::a.b.c.d): the IPv4 address decides.
    const embedded = embeddedIpv4(address);
    if (embedded) return nonPublicReason(embedded);
    if (!GLOBAL_UNICAST_V6.check(address, 'ipv6')) return 'not global unicast';
    return BLOCKED_V6.check(address, 'ipv6') ? 'not public' : null;
  }
  return 'not an IP address';
}

function blockList(type: 'ipv4' | 'ipv6', subnets: string[]) {
  const list = new net.BlockList();
  for (const subnet of subnets) {
    const [network, prefix] = subnet.split('/');
    list.addSubnet(network!, Number(prefix), type);
  }
  return list;
}

// IANA's special-purpose registries: everything not routable on the public internet.
const BLOCKED_V4 = blockList('ipv4', [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local (cloud metadata services live here)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
]);
const GLOBAL_UNICAST_V6 = blockList('ipv6', ['2000::/3']);
const BLOCKED_V6 = blockList('ipv6', [
  '2001::/23', // IETF protocol assignments (Teredo, benchmarking, ORCHID...)
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4: an IPv4 address inside, unchecked
  '3fff::/20', // documentation
]);
// Outside 2000::/3, and so refused: ::, ::1, fc00::/7 (unique local), fe80::/10 (link-local), fec0::/10, ff00::/8.

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return null;
  return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part allowed), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const fill = 8 - left.length - right.length;
  if (tail === undefined ? fill !== 0 : fill < 0) return null;
  const groups = [...left, ...Array<number>(fill).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

class Refused extends Error {}

/** Whether `url` may be requested at all, before any connection; throws Refused saying why not. */
function checkUrl(url: URL, allowLocalHttp: boolean): { local: boolean } {
  const local =
    allowLocalHttp && (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname);
  if (local) return { local };
  if (url.protocol !== 'https:') throw new Refused('only https addresses are fetched');
  if (url.username || url.password) throw new Refused('addresses with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && nonPublicReason(host)) throw new Refused(`${url.hostname} is not a public address`);
  return { local };
}

const defaultResolve = async (hostname: string) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** A lookup for the socket that resolves the name and refuses it unless every address is public. */
function checkedLookup(resolve: (hostname: string) => Promise<string[]>, local: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => nonPublicReason(a) && !(local && isLoopback(a)));
        if (addresses.length === 0 || refused) {
          const error = new Refused(`${hostname} resolves to ${refused ?? 'no address'}, which is not public`);
          return callback(error as NodeJS.ErrnoException, '', 4);
        }
        const all = addresses.map((address) => ({ address, family: net.isIP(address) }));
        if ((options as dns.LookupAllOptions).all) return (callback as LookupAllCallback)(null, all);
        callback(null, all[0]!.address, all[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
type LookupAllCallback = (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void;

const isLoopback = (address: string) => address === '::1' || (net.isIPv4(address) && address.startsWith('127.'));

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One GET, no redirect followed: the response, or the address it redirects to. */
function get(
  url: URL,
  opts: Required<Omit<SafeFetchOptions, 'allowLocalHttp'>> & { local: boolean; signal: AbortSignal },
): Promise<{ redirect: string } | { bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(
      url,
      {
        lookup: checkedLookup(opts.resolve, opts.local),
        signal: opts.signal,
        headers: { accept: 'application/json', 'user-agent': 'machine-yield-metadata' },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
          res.destroy();
          const location = res.headers.location;
          return location ? resolve({ redirect: location }) : reject(new Refused(`a ${status} without a Location`));
        }
        if (status < 200 || status > 299) {
          res.destroy();
          return reject(new Refused(`the server answered ${status}`));
        }
        const declared = Number(res.headers['content-length']);
        if (declared > opts.maxBytes) {
          res.destroy();
          return reject(new Refused(`the document is larger than ${opts.maxBytes / 1024} kB`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            res.destroy();
            reject(new Refused(`the document is larger than ${opts.maxBytes / 1024} kB`));
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve({ bytes: new Uint8Array(Buffer.concat(chunks)) }));
        res.on('error', reject);
        // Cut off (the deadline passed mid-body, the server hung up): never a partial document.
        res.on('close', () => {
          if (!res.complete) reject(new Error('the document was cut off'));
        });
      },
    );
    request.on('error', reject);
  });
}

export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const opts = {
    maxBytes: options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes,
    timeoutMs: options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs,
    maxRedirects: options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects,
    resolve: options.resolve ?? defaultResolve,
  };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'not a valid address' };
  }
  try {
    for (let redirects = 0; ; redirects++) {
      const { local } = checkUrl(url, options.allowLocalHttp ?? false);
      const answer = await get(url, { ...opts, local, signal });
      if ('bytes' in answer) return { ok: true, bytes: answer.bytes, url: url.href };
      if (redirects >= opts.maxRedirects) throw new Refused(`more than ${opts.maxRedirects} redirects`);
      url = new URL(answer.redirect, url);
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    if (signal.aborted) return { ok: false, error: `no answer within ${opts.timeoutMs / 1000} s` };
    return { ok: false, error: 'the server could not be reached' };
  }
}
