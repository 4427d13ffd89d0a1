import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('forgets the least recently used entry first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('deletes by predicate', () => {
    const cache = new LruCache<string, { user: string }>(10);
    cache.set('t1', { user: 'u1' });
    cache.set('t2', { user: 'u2' });
    cache.set('t3', { user: 'u1' });
    cache.deleteWhere((v) => v.user === 'u1');
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')]).toEqual([undefined, { user: 'u2' }, undefined]);
  });
});
