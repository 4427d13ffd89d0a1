import { describe, expect, it } from 'vitest';
import { patternForPageKey } from './page-pattern';
import { pageLink } from './page-link';

describe('pageLink', () => {
  it('opens the page itself when the pattern is one page (escaped as patternForPageKey makes it)', () => {
    const key = 'https://crm.example/accounts/42:a?tab=orders#/reports/7';
    expect(pageLink(patternForPageKey(key))).toEqual({ url: key, exact: true });
    expect(pageLink('https://crm.example/accounts')).toEqual({ url: 'https://crm.example/accounts', exact: true });
  });

  it('opens the fixed start of the path, cut to whole segments, for a pattern of several pages', () => {
    expect(pageLink('https://crm.example/accounts/:id')).toEqual({ url: 'https://crm.example/accounts', exact: false });
    expect(pageLink('https://crm.example/accounts/*')).toEqual({ url: 'https://crm.example/accounts', exact: false });
    expect(pageLink('https://crm.example/acc*')).toEqual({ url: 'https://crm.example/', exact: false });
    expect(pageLink('https://crm.example/legacy/#/reports/:id')).toEqual({ url: 'https://crm.example/legacy/', exact: false });
    expect(pageLink('https://crm.example/:section/list')).toEqual({ url: 'https://crm.example/', exact: false });
  });

  it('has no page for a pattern that spans sites or does not parse', () => {
    expect(pageLink('https://*.example/a')).toBeNull();
    expect(pageLink('https://crm.example/(\\d+)')).toBeNull();
  });
});
