import { describe, expect, it } from 'vitest';
import { ipThrottleKey } from './throttle.js';

describe('throttle keys', () => {
  it('counts IPv4 per address, also when written as IPv4-mapped IPv6', () => {
    expect(ipThrottleKey('203.0.113.9')).toBe('ip:203.0.113.9');
    expect(ipThrottleKey('::ffff:203.0.113.9')).toBe('ip:203.0.113.9');
    expect(ipThrottleKey('203.0.113.10')).not.toBe(ipThrottleKey('203.0.113.9'));
  });

  it('counts IPv6 per /64, however the address is written', () => {
    const a = ipThrottleKey('2001:db8:1:2::1');
    expect(a).toBe('ip6:2001:0db8:0001:0002::/64');
    expect(ipThrottleKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe(a);
    expect(ipThrottleKey('2001:db8:1:2:0:0:0:1')).toBe(a);
    expect(ipThrottleKey('2001:db8:1:3::1')).not.toBe(a);
    expect(ipThrottleKey('::1')).toBe('ip6:0000:0000:0000:0000::/64');
  });
});
