import { describe, expect, it } from 'vitest';
import { globToRegExp } from './network';

describe("the Firefox driver's route globs (Playwright's)", () => {
  it('matches a prefix glob, an exact URL and ** across slashes, and takes ? and . literally', () => {
    expect(globToRegExp('http://127.0.0.1:4000/clobbered*').test('http://127.0.0.1:4000/clobbered?x=1')).toBe(true);
    expect(globToRegExp('http://127.0.0.1:4000/clobbered*').test('http://127.0.0.1:4000/clobbered/deeper')).toBe(false);
    expect(globToRegExp('http://127.0.0.1:4000/app.js').test('http://127.0.0.1:4000/app.js')).toBe(true);
    expect(globToRegExp('http://127.0.0.1:4000/app.js').test('http://127.0.0.1:4000/appXjs')).toBe(false);
    expect(globToRegExp('**/api/v1/**').test('http://h:1/api/v1/auth/signin')).toBe(true);
    expect(globToRegExp('http://h/a?b').test('http://h/aXb')).toBe(false);
  });
});
