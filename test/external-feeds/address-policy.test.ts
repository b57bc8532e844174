import { describe, expect, it } from 'vitest';
import { explicitPrivateHost, isPrivateAddress } from '../../src/external-feeds/address-policy.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['2606:4700::1111', false],
    ['news.example.org', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('explicitPrivateHost', () => {
  it('names the host when the config URL itself is a private address or localhost', () => {
    expect(explicitPrivateHost(new URL('http://127.0.0.1:8080/feed.xml'))).toBe('127.0.0.1');
    expect(explicitPrivateHost(new URL('http://[::1]/feed.xml'))).toBe('::1');
    expect(explicitPrivateHost(new URL('http://LOCALHOST/feed.xml'))).toBe('localhost');
    expect(explicitPrivateHost(new URL('http://intranet.localhost/feed.xml'))).toBe('intranet.localhost');
  });

  it('names none for a public address or any host name, even one that resolves to a private address', () => {
    expect(explicitPrivateHost(new URL('https://news.example.org/rss'))).toBeUndefined();
    expect(explicitPrivateHost(new URL('https://93.184.216.34/rss'))).toBeUndefined();
  });
});
