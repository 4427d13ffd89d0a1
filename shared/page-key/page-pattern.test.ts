import { URLPattern } from 'urlpattern-polyfill';
import { describe, expect, it } from 'vitest';
import { patternForPageKey } from './page-pattern';

describe('patternForPageKey', () => {
  const matches = (pattern: string, url: string) => new URLPattern(pattern).test(url);

  it('matches its own page key, escaping pattern syntax in path, query and route', () => {
    for (const key of [
      'http://127.0.0.1:5555/accounts/7',
      'https://crm.example.com/a:b/(x)*?tab=a+b',
      'https://crm.example.com/legacy/#/tickets/9',
    ]) {
      expect(matches(patternForPageKey(key), key), key).toBe(true);
    }
  });

  it('does not match other pages', () => {
    const pattern = patternForPageKey('https://crm.example.com/accounts/7');
    expect(matches(pattern, 'https://crm.example.com/accounts/8')).toBe(false);
    expect(matches(pattern, 'https://crm.example.com/accounts/7/orders')).toBe(false);
  });
});
