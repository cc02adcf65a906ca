import { describe, expect, it } from 'vitest';
import { limitKey, pickAddress } from './client-ip';

describe('pickAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(pickAddress('10.0.0.1', '203.0.113.9', 0)).toBe('10.0.0.1');
  });

  it('takes the entry the nearest trusted proxy wrote, not what the client claims', () => {
    // The client sent "1.1.1.1"; nginx appended the address it saw (198.51.100.7).
    expect(pickAddress('10.0.0.1', '1.1.1.1, 198.51.100.7', 1)).toBe('198.51.100.7');
    // Two proxies: CDN (wrote 198.51.100.7) → nginx (wrote the CDN's 192.0.2.5) → us.
    expect(pickAddress('10.0.0.1', '1.1.1.1, 198.51.100.7, 192.0.2.5', 2)).toBe('198.51.100.7');
    // Repeated headers count as one list.
    expect(pickAddress('10.0.0.1', ['1.1.1.1', '198.51.100.7'], 1)).toBe('198.51.100.7');
  });

  it('falls back sensibly on short or malformed headers', () => {
    expect(pickAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(pickAddress('10.0.0.1', '198.51.100.7', 3)).toBe('198.51.100.7');
    expect(pickAddress('10.0.0.1', 'not-an-ip', 1)).toBe('10.0.0.1');
    expect(pickAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('normalizes ports, brackets and IPv4-mapped IPv6', () => {
    expect(pickAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
    expect(pickAddress('10.0.0.1', '198.51.100.7:4711', 1)).toBe('198.51.100.7');
    expect(pickAddress('10.0.0.1', '[2001:DB8::1]:443', 1)).toBe('2001:db8::1');
  });
});

describe('limitKey', () => {
  it('keeps IPv4 and groups IPv6 by /64', () => {
    expect(limitKey('198.51.100.7')).toBe('198.51.100.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(limitKey('2001:db8:1:3::1')).not.toBe(limitKey('2001:db8:1:2::1'));
    expect(limitKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(limitKey('64:ff9b::192.0.2.33')).toBe('0064:ff9b:0000:0000::/64');
    expect(limitKey('unknown')).toBe('unknown');
  });
});
