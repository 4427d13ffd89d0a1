// The console link: the server's root, whatever form of its address was typed.
import { describe, expect, it } from 'vitest';
import { consoleUrl } from './account';

describe('consoleUrl', () => {
  it('is the root beside the API, under a path prefix if the server has one', () => {
    expect(consoleUrl('https://alongside.corp.example')).toBe('https://alongside.corp.example/');
    expect(consoleUrl('https://alongside.corp.example/api/v1/')).toBe('https://alongside.corp.example/');
    expect(consoleUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
    expect(consoleUrl('https://tools.corp.example/alongside/')).toBe('https://tools.corp.example/alongside/');
    expect(consoleUrl('alongside.corp.example')).toBe('https://alongside.corp.example/');
  });
});
