import { describe, expect, it } from 'vitest';
import { apiClient, ApiFailure, apiRoot } from './index';

const ROOT = 'https://a.example/api/v1';
const reply = (status: number, body: unknown) => async () => new Response(body === undefined ? '' : JSON.stringify(body), { status });
const failureOf = async (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as ApiFailure);

/** A client whose requests the test sees, answering `{}`. */
function recording(token?: string) {
  const seen: Request[] = [];
  const api = apiClient(ROOT, {
    token,
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      return new Response('{}');
    },
  });
  return { api, seen };
}

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
    const api = apiClient(ROOT, {
      token: 'tok',
      fetch: async (input, init) => {
        seen = new Request(input, init);
        return new Response(JSON.stringify({ ok: true, version: '1' }));
      },
    });
    expect(await api.call('GET /health')).toEqual({ ok: true, version: '1' });
    expect(seen?.method).toBe('GET');
    expect(seen?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('fills path parameters and the query, encoded', async () => {
    const { api, seen } = recording('tok');
    await api.call('GET /context', { query: { url: 'https://crm.example/a?tab=1' } });
    await api.call('PUT /{kind}/{id}/vote', { params: { kind: 'notes', id: 'a/b' } });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://a.example/api/v1/context?url=https%3A%2F%2Fcrm.example%2Fa%3Ftab%3D1',
      'PUT https://a.example/api/v1/notes/a%2Fb/vote',
    ]);
  });

  it('sends the JSON body and the headers a route takes', async () => {
    const { api, seen } = recording('tok');
    await api.call('POST /notes/{id}/replies', { params: { id: 'n1' }, headers: { 'idempotency-key': 'k'.repeat(16) }, json: { body: 'Thanks' } });
    const [sent] = seen;
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.headers.get('idempotency-key')).toBe('k'.repeat(16));
    expect(await sent?.json()).toEqual({ body: 'Thanks' });
  });

  it('makes the URL of a GET route, for EventSource', () => {
    const { api } = recording();
    expect(api.url('GET /events', { query: { url: 'https://crm.example/a', ticket: 't 1', lastEventId: undefined } })).toBe(
      'https://a.example/api/v1/events?url=https%3A%2F%2Fcrm.example%2Fa&ticket=t+1',
    );
  });

  it('classifies failures by what the user can do about them', async () => {
    const kinds = async (fetchImpl: typeof fetch) => (await failureOf(apiClient(ROOT, { token: 't', fetch: fetchImpl }).call('GET /auth/me'))).kind;
    expect(await kinds(reply(401, { code: 'invalid_token', message: 'no' }))).toBe('unauthorized');
    expect(await kinds(reply(503, undefined))).toBe('unreachable');
    expect(await kinds(reply(429, { code: 'rate_limited', message: 'wait' }))).toBe('unreachable');
    expect(await kinds(async () => { throw new TypeError('Failed to fetch'); })).toBe('unreachable');
    const cutOff = new ReadableStream({ pull: (c) => c.error(new TypeError('network error')) });
    expect(await kinds(async () => new Response(cutOff))).toBe('unreachable'); // dropped while the body arrived
    expect(await kinds(reply(404, { code: 'site_not_registered', message: 'x' }))).toBe('not-registered');
    expect(await kinds(reply(400, { code: 'validation_failed', message: 'body: empty' }))).toBe('rejected');
    expect(await kinds(reply(200, undefined))).toBe('unreachable'); // not an Alongside server
  });

  it("keeps the server's code and message", async () => {
    const failure = await failureOf(apiClient(ROOT, { fetch: reply(400, { code: 'validation_failed', message: 'body: empty' }) }).call('GET /health'));
    expect(failure).toMatchObject({ status: 400, code: 'validation_failed', message: 'body: empty' });
  });
});
