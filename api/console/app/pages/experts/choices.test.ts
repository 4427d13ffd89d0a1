import { describe, expect, it } from 'vitest';
import type { Site, SitePreview } from '@shared/contract';
import { parsePattern, testPattern } from '@shared/urlpattern';
import { patternChoices } from './choices';

const site: Site = { id: 's', origin: 'https://crm.example', name: 'CRM', rules: { keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'Account', pattern: '/accounts/:id' }] } };
const preview = (pageKey: string, screen: string | null): SitePreview => ({
  origin: site.origin, site: { id: 's', name: 'CRM' }, pageKey, screen, scopes: [], notes: [], questions: [], counts: { notes: 0, tips: 0, questions: 0, openQuestions: 0 },
});

describe('patternChoices', () => {
  it('offers the screen, the exact page and everything under its path, as patterns', () => {
    expect(patternChoices(preview('https://crm.example/accounts/42?tab=orders', 'Account'), site)).toEqual([
      { id: 'screen', label: 'This screen: Account', pattern: 'https://crm.example/accounts/:id' },
      { id: 'page', label: 'This exact page', pattern: 'https://crm.example/accounts/42?tab=orders' },
      { id: 'path', label: 'Everything under /accounts/42', pattern: 'https://crm.example/accounts/42/*?' },
    ]);
  });

  it('has no screen choice off the screens, escapes pattern syntax, and "under" covers the page and below only', () => {
    const [page, under] = patternChoices(preview('https://crm.example/a:b/', null), site);
    expect(page!.pattern).toBe('https://crm.example/a\\:b/');
    const compiled = parsePattern(under!.pattern);
    expect(['https://crm.example/a:b', 'https://crm.example/a:b/c/d'].every((u) => testPattern(compiled, u))).toBe(true);
    expect(testPattern(compiled, 'https://crm.example/a:bc')).toBe(false);
  });
});
