import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// A feed must not be a way to probe the build machine's network: private,
// loopback and link-local addresses are reached only when the config names
// such a host itself, and never by a redirect to another host.

const nonPublic = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) nonPublic.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  // BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 ranges.
  return family !== 0 && nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A URL's host without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * The host a configured feed URL names explicitly as private (a private IP
 * literal, or `localhost`), which that feed may then reach; undefined for
 * every other URL.
 */
export function explicitPrivateHost(configured: URL): string | undefined {
  const host = bareHost(configured).toLowerCase();
  return isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost') ? host : undefined;
}

/**
 * A DNS lookup for http.request that refuses a host resolving to a private
 * address. The check happens on the addresses the connection will use, so a
 * name cannot resolve one way for the check and another for the connection.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      const done = callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void;
      if (err) return done(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return done(new PrivateAddressError(hostname, refused.address), '', 0);
      if (options.all) return done(null, addresses);
      done(null, addresses[0].address, addresses[0].family);
    });
  };
}

export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} is a private address (${address}), reached without being named in the config`);
    this.name = 'PrivateAddressError';
  }
}
