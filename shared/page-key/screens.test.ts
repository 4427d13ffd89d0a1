import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@shared/contract/sites';
import { PatternError } from '@shared/urlpattern';
import { pageKey } from './page-key';
import { PageKeyError } from './page-url';
import { compileTemplates, screenName } from './screens';

const rules = (over: Partial<SiteRules> = {}): SiteRules => ({ keepQuery: [], hashRouting: false, templates: [], ...over });

describe('screenName', () => {
  const origin = 'https://crm.example.com';
  const site = rules({
    templates: [
      { name: 'Account notes', pattern: '/accounts/:id/notes' },
      { name: 'Account', pattern: '/accounts/:id' },
      { name: 'Ticket', pattern: '/tickets/:id' },
    ],
  });

  it('names the first matching template, resolved against the origin', () => {
    expect(screenName(pageKey('https://crm.example.com/accounts/7', site), site, origin)).toBe('Account');
    expect(screenName('https://crm.example.com/accounts/7/notes', site, origin)).toBe('Account notes');
    expect(screenName('https://crm.example.com/tickets/1?x=1', site, origin)).toBe('Ticket');
    expect(screenName('https://crm.example.com/accounts/7/other', site, origin)).toBeNull();
    expect(screenName('https://other.example.com/accounts/7', site, origin)).toBeNull();
  });

  it('matches hash-route templates on the route path with pathname rules', () => {
    const hashSite = rules({
      hashRouting: true,
      templates: [
        { name: 'Account', pattern: '#/accounts/:id' },
        { name: 'Admin account', pattern: '/admin/#/accounts/:id' },
        { name: 'Anything under reports', pattern: '#/reports/*' },
      ],
    });
    const name = (url: string) => screenName(pageKey(url, hashSite), hashSite, origin);
    expect(name('https://crm.example.com/#/accounts/7')).toBe('Account');
    expect(name('https://crm.example.com/app/#/accounts/7?tab=2')).toBe('Account');
    // :id stops at "/" (in a plain URLPattern hash component it would not)
    expect(name('https://crm.example.com/#/accounts/7/edit')).toBeNull();
    expect(name('https://crm.example.com/#/reports/2024/q1')).toBe('Anything under reports');
    expect(name('https://crm.example.com/#/reports')).toBeNull();
    const adminFirst = rules({ hashRouting: true, templates: [...hashSite.templates].reverse() });
    expect(screenName(pageKey('https://crm.example.com/admin/#/accounts/7', adminFirst), adminFirst, origin)).toBe('Admin account');
    expect(screenName(pageKey('https://crm.example.com/#/accounts/7', adminFirst), adminFirst, origin)).toBe('Account');
  });

  it('skips invalid templates, which compileTemplates reports', () => {
    const broken = rules({
      templates: [
        { name: 'Broken', pattern: '/accounts/:id(\\d+)' },
        { name: 'Account', pattern: '/accounts/:id' },
      ],
    });
    expect(screenName('https://crm.example.com/accounts/7', broken, origin)).toBe('Account');
    expect(() => compileTemplates(broken, origin)).toThrow(PatternError);
  });

  it('sees template changes (no stale cache)', () => {
    const a = rules({ templates: [{ name: 'A', pattern: '/x' }] });
    expect(screenName('https://crm.example.com/x', a, origin)).toBe('A');
    a.templates[0] = { name: 'B', pattern: '/x' };
    expect(screenName('https://crm.example.com/x', a, origin)).toBe('B');
  });

  it('throws PageKeyError for a key that is not a URL', () => {
    expect(() => screenName('nope', site, origin)).toThrow(PageKeyError);
  });
});
