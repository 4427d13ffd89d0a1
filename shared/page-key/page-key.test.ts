import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@shared/contract/sites';
import { pageKey, PageKeyError } from './page-key';

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

  it('keeps the fragment route with hashRouting, filtering its query', () => {
    const r = rules({ keepQuery: ['tab'], hashRouting: true });
    expect(pageKey('https://h.example/#/accounts/7', r)).toBe('https://h.example/#/accounts/7');
    expect(pageKey('https://h.example/app/?tab=1#/accounts/7?tab=2&secret=x', r)).toBe(
      'https://h.example/app/?tab=1#/accounts/7?tab=2',
    );
    expect(pageKey('https://h.example/#/accounts/7?secret=x', r)).toBe('https://h.example/#/accounts/7');
    expect(pageKey('https://h.example/#/accounts/7', rules({ hashRouting: false }))).toBe('https://h.example/');
  });

  it('never keeps parameters in a fragment (e.g. OAuth tokens) unless they are in keepQuery', () => {
    const r = rules({ keepQuery: ['tab'], hashRouting: true });
    expect(pageKey('https://h.example/cb#access_token=abc&state=1', r)).toBe('https://h.example/cb');
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
