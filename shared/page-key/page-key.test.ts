import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@shared/contract/sites';
import { pageKey } from './page-key';
import { PageKeyError } from './page-url';

const rules = (over: Partial<SiteRules> = {}): SiteRules => ({ keepQuery: [], hashRouting: false, templates: [], ...over });

describe('pageKey', () => {
  it('drops credentials, lowercases the host, drops the default port, the query and the fragment', () => {
    expect(pageKey('https://Bob:secret@CRM.Example.COM:443/accounts/7?token=abc#top', rules())).toBe(
      'https://crm.example.com/accounts/7',
    );
  });

  it('keeps a non-default port and IDNA-encodes the host', () => {
    expect(pageKey('http://crm.example.com:8080/a', rules())).toBe('http://crm.example.com:8080/a');
    expect(pageKey('http://crm.example.com:80/a', rules())).toBe('http://crm.example.com/a');
    expect(pageKey('https://café.example/a', rules())).toBe('https://xn--caf-dma.example/a');
  });

  it('normalizes the path as the URL parser does and keeps a trailing slash', () => {
    expect(pageKey('https://h.example/a/./b/../c d', rules())).toBe('https://h.example/a/c%20d');
    expect(pageKey('https://h.example/a/', rules())).toBe('https://h.example/a/');
    expect(pageKey('https://h.example', rules())).toBe('https://h.example/');
  });

  it('keeps only keepQuery parameters, sorted by name, repeated values in their order', () => {
    const r = rules({ keepQuery: ['tab', 'id'] });
    expect(pageKey('https://h.example/x?utm=1&tab=b&id=7&tab=a&other=2', r)).toBe('https://h.example/x?id=7&tab=b&tab=a');
    expect(pageKey('https://h.example/x?tab=a&id=7&tab=b', r)).toBe('https://h.example/x?id=7&tab=a&tab=b');
  });

  it('encodes kept parameters canonically', () => {
    const r = rules({ keepQuery: ['q'] });
    const key = 'https://h.example/x?q=a+b';
    expect(pageKey('https://h.example/x?q=a b', r)).toBe(key);
    expect(pageKey('https://h.example/x?q=a%20b', r)).toBe(key);
    expect(pageKey('https://h.example/x?q=a+b', r)).toBe(key);
    expect(pageKey('https://h.example/x?q', r)).toBe('https://h.example/x?q=');
  });

  it('drops a lone "?" or "#" and a query with nothing kept', () => {
    const r = rules({ keepQuery: ['tab'], hashRouting: true });
    expect(pageKey('https://h.example/x?', r)).toBe('https://h.example/x');
    expect(pageKey('https://h.example/x#', r)).toBe('https://h.example/x');
    expect(pageKey('https://h.example/x?#', r)).toBe('https://h.example/x');
    expect(pageKey('https://h.example/x?other=1', r)).toBe('https://h.example/x');
  });

  it('keeps a fragment route that a route template names, filtering its query', () => {
    const r = rules({ keepQuery: ['tab'], hashRouting: true, templates: [{ name: 'Account', pattern: '#/accounts/:id' }] });
    expect(pageKey('https://h.example/#/accounts/7', r)).toBe('https://h.example/#/accounts/7');
    expect(pageKey('https://h.example/app/?tab=1#/accounts/7?tab=2&secret=x', r)).toBe('https://h.example/app/?tab=1#/accounts/7?tab=2');
    expect(pageKey('https://h.example/#/accounts/7?secret=x', r)).toBe('https://h.example/#/accounts/7');
    expect(pageKey('https://h.example/#/accounts/7', rules({ hashRouting: false }))).toBe('https://h.example/');
    const scoped = rules({ hashRouting: true, templates: [{ name: 'Admin account', pattern: '/admin/#/accounts/:id' }] });
    expect(pageKey('https://h.example/admin/#/accounts/7', scoped)).toBe('https://h.example/admin/#/accounts/7');
    expect(pageKey('https://h.example/other/#/accounts/7', scoped)).toBe('https://h.example/other/#/accounts'); // not that template's page
  });

  it('keeps only the leading plain words of any other route', () => {
    const r = rules({ hashRouting: true });
    expect(pageKey('https://h.example/#/audit', r)).toBe('https://h.example/#/audit');
    expect(pageKey('https://h.example/#/reports/weekly-summary', r)).toBe('https://h.example/#/reports/weekly-summary');
    expect(pageKey('https://h.example/#/accounts/7/edit', r)).toBe('https://h.example/#/accounts');
    expect(pageKey('https://h.example/#/7', r)).toBe('https://h.example/');
    expect(pageKey('https://h.example/#audit', r)).toBe('https://h.example/#audit');
  });

  // What real sign-in, magic-link and reset-link URLs put in a fragment: none of the secret may survive.
  const secretShapes: Array<[string, string]> = [
    // OAuth 2.0 implicit flow and OpenID Connect (Okta, Entra ID, Auth0, Google) return tokens in the fragment.
    ['https://h.example/callback#access_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln&token_type=Bearer&expires_in=3600&state=af0ifjsldkj', 'https://h.example/callback'],
    ['https://h.example/callback#id_token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln&state=xyz&session_state=abc.def', 'https://h.example/callback'],
    ['https://h.example/callback#code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'https://h.example/callback'],
    ['https://h.example/cb#state=xyz&access_token=abc', 'https://h.example/cb'],
    // The same, escaped: an encoded "=" must not turn parameters into a route.
    ['https://h.example/cb#access_token%3DSECRET123%26state%3D1', 'https://h.example/cb'],
    ['https://h.example/cb#/access_token%3DSECRET123', 'https://h.example/cb'],
    ['https://h.example/#/callback?code=SECRETCODE&state=1', 'https://h.example/#/callback'],
    ['https://h.example/#!/callback/access_token=SECRET', 'https://h.example/'],
    // Reset and magic links with the token as a route segment (Supabase, Firebase, home-grown SPAs).
    ['https://h.example/#/reset-password/3f9a2c1e8b7d4a6f9e0c2b1a5d8e7f6c', 'https://h.example/#/reset-password'],
    ['https://h.example/#/reset-password/3f9a2c1e8b7d4a6f9e0c2b1a5d8e7f6c/confirm', 'https://h.example/#/reset-password'],
    ['https://h.example/#/auth/magic/eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.sig', 'https://h.example/#/auth/magic'],
    ['https://h.example/#/invite/550e8400-e29b-41d4-a716-446655440000', 'https://h.example/#/invite'],
    ['https://h.example/#/verify-email?token=SECRET&email=a%40b.c', 'https://h.example/#/verify-email'],
    ['https://h.example/#/login/SECRETTOKEN', 'https://h.example/#/login'],
    ['https://h.example/#type=recovery&access_token=SECRET&refresh_token=SECRET2', 'https://h.example/'],
    // A broken escape: nothing of the route is trusted.
    ['https://h.example/#/reset/%E0%A4%A', 'https://h.example/'],
  ];

  it('never lets a secret in a fragment leave: OAuth, OpenID Connect, magic and reset links', () => {
    const r = rules({ keepQuery: ['tab'], hashRouting: true, templates: [{ name: 'Account', pattern: '#/accounts/:id' }] });
    for (const [url, key] of secretShapes) {
      expect(pageKey(url, r), url).toBe(key);
      expect(pageKey(url, r)).not.toMatch(/SECRET|eyJ|3f9a2c|550e8400|Splxl/);
    }
    expect(pageKey('https://h.example/cb#tab=2&access_token=abc', r)).toBe('https://h.example/cb#?tab=2');
  });

  it('throws PageKeyError for unparsable and non-http URLs', () => {
    for (const [url, code] of [
      ['not a url', 'bad_url'],
      ['/relative/path', 'bad_url'],
      ['https://exa mple.com/', 'bad_url'],
      ['mailto:someone@example.com', 'unsupported_scheme'],
      ['file:///etc/passwd', 'unsupported_scheme'],
    ] as const) {
      let error: unknown;
      try {
        pageKey(url, rules());
      } catch (err) {
        error = err;
      }
      expect(error, url).toBeInstanceOf(PageKeyError);
      expect((error as PageKeyError).code, url).toBe(code);
    }
  });
});
