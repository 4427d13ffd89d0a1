import { describe, expect, it } from 'vitest';
import { apiClient, ApiFailure, apiRoot } from './api-client';
import { problemOf } from './problems';

const reply = (status: number, body: unknown) => async () => new Response(body === undefined ? '' : JSON.stringify(body), { status });
const failureOf = async (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as ApiFailure);

describe('apiRoot', () => {
  it('accepts what people type for a server address', () => {
    expect(apiRoot('http://127.0.0.1:8420')).toBe('http://127.0.0.1:8420/api/v1');
    expect(apiRoot('alongside.corp.example/')).toBe('https://alongside.corp.example/api/v1');
    expect(apiRoot('https://corp.example/alongside/api/v1/')).toBe('https://corp.example/alongside/api/v1');
  });
});

describe('apiClient', () => {
  it('sends the bearer token and returns the JSON body', async () => {
    let seen: Request | undefined;
    const api = apiClient('https://a.example/api/v1', 'tok', async (input, init) => {
      seen = new Request(input, init);
      return new Response(JSON.stringify({ ok: true, version: '1' }));
    });
    expect(await api.health()).toEqual({ ok: true, version: '1' });
    expect(seen?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('asks for the context by page key, encoded', async () => {
    let url = '';
    const api = apiClient('https://a.example/api/v1', 'tok', async (input) => {
      url = String(input);
      return new Response('{}');
    });
    await api.context('https://crm.example/a?tab=1');
    expect(url).toBe('https://a.example/api/v1/context?url=https%3A%2F%2Fcrm.example%2Fa%3Ftab%3D1');
  });

  it('classifies failures by what the user can do about them', async () => {
    const kinds = async (fetchImpl: typeof fetch) => (await failureOf(apiClient('https://a.example/api/v1', 't', fetchImpl).me())).kind;
    expect(await kinds(reply(401, { code: 'invalid_token', message: 'no' }))).toBe('unauthorized');
    expect(await kinds(reply(503, undefined))).toBe('unreachable');
    expect(await kinds(async () => { throw new TypeError('Failed to fetch'); })).toBe('unreachable');
    expect(await kinds(reply(404, { code: 'site_not_registered', message: 'x' }))).toBe('not-registered');
    expect(await kinds(reply(400, { code: 'validation_failed', message: 'body: empty' }))).toBe('rejected');
    expect(await kinds(reply(200, undefined))).toBe('unreachable'); // not an Alongside server
  });
});

describe('problemOf', () => {
  it('maps failures to the states the panel shows', () => {
    expect(problemOf(new ApiFailure('unauthorized', 401, 'x', 'x'), true)).toBe('expired');
    expect(problemOf(new ApiFailure('unreachable', 0, 'x', 'x'), true)).toBe('unreachable');
    expect(problemOf(new ApiFailure('unreachable', 0, 'x', 'x'), false)).toBe('offline');
    expect(problemOf(new ApiFailure('rejected', 400, 'x', 'x'), true)).toBe('error');
    expect(problemOf(new Error('boom'), false)).toBe('offline');
  });
});
