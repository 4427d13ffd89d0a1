import { describe, expect, it } from 'vitest';
import { identifiesByDefault, looksHashRouted, originOf, queryParams, readUrl, suggestName, suggestScreen } from './url-reading';

const url = (s: string) => readUrl(s)!;

describe('reading a pasted address of an app', () => {
  it('reads the address as a browser would, and derives the origin and a name', () => {
    expect(originOf(url('crm.corp.example/accounts/1'))).toBe('https://crm.corp.example');
    expect(originOf(url('http://127.0.0.1:8080/x'))).toBe('http://127.0.0.1:8080');
    expect(readUrl('   ')).toBeNull();
    expect(suggestName(url('https://crm.corp.example/'))).toBe('CRM');
    expect(suggestName(url('https://www.help-desk.corp.example/'))).toBe('Help Desk');
    expect(suggestName(url('http://127.0.0.1:8080/'))).toBe('127.0.0.1:8080');
  });

  it('lists query parameters of the address and of its hash route, never pre-checking secrets or tracking', () => {
    const params = queryParams(url('https://a.example/x?tab=notes&access_token=s&utm_source=mail#/deals/7?view=board&tab=2'));
    expect(params.map((p) => [p.name, p.secret, identifiesByDefault(p)])).toEqual([
      ['tab', false, true],
      ['access_token', true, false],
      ['utm_source', false, false],
      ['view', false, true],
    ]);
    for (const name of ['session', 'api_key', 'password', 'sig', 'code', 'state', 'jwt']) expect(queryParams(url(`https://a.example/?${name}=1`))[0]!.secret, name).toBe(true);
  });

  it('suggests a screen from the real path: identifiers become parameters, pattern syntax stays literal', () => {
    expect(suggestScreen(url('https://a.example/accounts/123'), false)).toEqual({ name: 'Account', pattern: '/accounts/:id' });
    expect(suggestScreen(url('https://a.example/accounts/123/contacts/9f1c2b3a-1111-4222-8333-444455556666'), false)).toEqual({ name: 'Contact', pattern: '/accounts/:accountId/contacts/:id' });
    expect(suggestScreen(url('https://a.example/reports/weekly'), false)).toEqual({ name: 'Weekly', pattern: '/reports/weekly' });
    expect(suggestScreen(url('https://a.example/app/#/deals/7?x=1'), true)).toEqual({ name: 'Deal', pattern: '#/deals/:id' });
    expect(suggestScreen(url('https://a.example/a(b)'), false)?.pattern).toBe('/a\\(b\\)');
    expect(suggestScreen(url('https://a.example/'), false)).toBeNull();
    expect(looksHashRouted(url('https://a.example/#/x'))).toBe(true);
    expect(looksHashRouted(url('https://a.example/#top'))).toBe(false);
  });
});
