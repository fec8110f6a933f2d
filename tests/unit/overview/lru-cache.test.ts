import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../server/overview/lru-cache.js';

describe('LruCache', () => {
  it('never holds more than its bound and forgets the least recently used entry first', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recent; b the oldest
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    for (let i = 0; i < 100; i += 1) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect([cache.get('k97'), cache.get('k98'), cache.get('k99'), cache.get('a')]).toEqual([
      97,
      98,
      99,
      undefined,
    ]);
  });

  it('replaces a value under the same key without growing, and keeps falsy values', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 0);
    cache.set('a', 5);
    cache.set('b', 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(5);
    expect(cache.get('b')).toBe(0);
  });

  it('refuses a bound below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
