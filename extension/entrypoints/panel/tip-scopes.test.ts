import { describe, expect, it } from 'vitest';
import { parsePattern, testPattern } from '@shared/urlpattern';
import { DEMO_SITE_RULES } from '../../../demo/site-rules';
import { scopeChoices } from './tip-scopes';

const matches = (pattern: string, url: string) => testPattern(parsePattern(pattern), url);

/** The demo app's rules, with a template every page matches. */
const site = {
  origin: 'https://crm.example',
  rules: { ...DEMO_SITE_RULES, templates: [...DEMO_SITE_RULES.templates, { name: 'Any page', pattern: '/*' }] },
};

describe('scopeChoices', () => {
  it('offers this page, then each screen the page is one of; every choice matches the page', () => {
    const key = 'https://crm.example/accounts/1002?tab=orders';
    const choices = scopeChoices(key, site);
    expect(choices.map((c) => c.label)).toEqual(['This page only', 'Every “Account” page', 'Every “Any page” page']);
    expect(choices[1]!.pattern).toBe('https://crm.example/accounts/:id');
    for (const c of choices) expect(matches(c.pattern, key)).toBe(true);
    expect(matches(choices[1]!.pattern, 'https://crm.example/accounts/7')).toBe(true);
    expect(matches(choices[0]!.pattern, 'https://crm.example/accounts/7')).toBe(false);
  });

  it('offers hash-routed screens', () => {
    const key = 'https://crm.example/legacy/#/reports/7';
    const report = scopeChoices(key, site).find((c) => c.label === 'Every “Report” page')!;
    expect(matches(report.pattern, key)).toBe(true);
  });

  it('offers this page alone without the site', () => {
    expect(scopeChoices('https://crm.example/x', null)).toHaveLength(1);
  });
});
