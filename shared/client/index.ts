// The clients' side of the contract: `api.call('POST /notes/{id}/replies', { params, json })` sends one
// request, typed from the endpoint that shared/contract defines for exactly that method and path: its
// parameters, query, body and response. A route that does not exist, or a wrong input, does not compile.
// Types only come from the contract (`import type`), so zod never reaches a browser bundle.
import type { z, ZodType } from 'zod';
import type * as contract from '@shared/contract';

type Contract = typeof contract;
type Group = { [K in keyof Contract]: K extends `${string}Endpoints` ? Contract[K] : never }[keyof Contract];
type AnyEndpoint = Group extends infer G ? (G extends object ? G[keyof G] : never) : never;
type RouteOf<E> = E extends { method: infer M extends string; path: infer P extends string } ? `${Uppercase<M>} ${P}` : never;

/** Every endpoint of the API by its route, "METHOD /path" (OpenAPI path syntax). */
export type Endpoints = { [E in AnyEndpoint as RouteOf<E>]: E };
export type Route = keyof Endpoints;

type JsonSchema<X> = X extends { content: { 'application/json': { schema: infer S extends ZodType } } } ? S : never;
type RequestOf<E> = E extends { request: infer R } ? R : object;
type SuccessStatus = 200 | 201 | 202;

/** What a route takes: `params` for its path, `query`, `headers`, `json` for its body, each only where it has one. */
export type Input<R extends Route> = (RequestOf<Endpoints[R]> extends { params: infer P extends ZodType } ? { params: z.input<P> } : object) &
  (RequestOf<Endpoints[R]> extends { query: infer Q extends ZodType } ? { query?: z.input<Q> } : object) &
  (RequestOf<Endpoints[R]> extends { headers: infer H extends ZodType } ? { headers?: z.input<H> } : object) &
  (RequestOf<Endpoints[R]> extends { body: infer B } ? { json: z.input<JsonSchema<B>> } : object);

/** What a route answers on success. */
export type Output<R extends Route> = z.output<JsonSchema<Endpoints[R]['responses'][Extract<keyof Endpoints[R]['responses'], SuccessStatus>]>>;

type Args<R extends Route> = object extends Input<R> ? [input?: Input<R>] : [input: Input<R>];

export type FailureKind = 'unauthorized' | 'unreachable' | 'not-registered' | 'rejected';

/** A failed call, classified by what the user can do about it. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
    /** For invalid input: the server's message for each field it named (a form shows it beside the field). */
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

function classify(status: number, code: string): FailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 404 && code === 'site_not_registered') return 'not-registered';
  if (status >= 500 || status === 429 || status === 408) return 'unreachable';
  return 'rejected';
}

/** The API root for a server URL a person typed: "alongside.corp.example:8420/" → "https://…/api/v1". */
export function apiRoot(serverUrl: string): string {
  const withScheme = /^https?:\/\//i.test(serverUrl) ? serverUrl : `https://${serverUrl}`;
  const url = new URL(withScheme);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${url.origin}${path}/api/v1`;
}

type Loose = { params?: Record<string, string>; query?: Record<string, string | undefined>; headers?: Record<string, string | undefined>; json?: unknown };

/** A route's URL under the API root, with its path parameters filled in and its query appended. */
function urlOf(root: string, path: string, input: Loose): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ''));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) if (value !== undefined) query.set(name, value);
  const search = query.toString();
  return `${root}${filled}${search ? `?${search}` : ''}`;
}

interface ClientOptions {
  /** The session's bearer token, if signed in. */
  token?: string;
  fetch?: typeof fetch;
}

export function apiClient(root: string, options: ClientOptions = {}) {
  const fetchImpl = options.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function call<R extends Route>(route: R, ...[input]: Args<R>): Promise<Output<R>> {
    const [method, path] = route.split(' ') as [string, string];
    const given = (input ?? {}) as Loose;
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(given.headers ?? {})) if (value !== undefined) headers[name] = value;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (given.json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(urlOf(root, path, given), {
        method,
        headers,
        body: given.json === undefined ? undefined : JSON.stringify(given.json),
      });
      // Inside the try: a connection that drops while the body arrives is the server not answering too.
      text = await res.text();
    } catch {
      throw new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.');
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const err = (parsed ?? {}) as { code?: string; message?: string; issues?: Array<{ path: string; message: string }> };
      const code = err.code ?? `http_${res.status}`;
      throw new ApiFailure(classify(res.status, code), res.status, code, err.message ?? `The server answered ${res.status}.`, err.issues ?? []);
    }
    if (parsed === undefined) throw new ApiFailure('unreachable', res.status, 'not_json', 'This address does not answer like an Alongside server.');
    return parsed as Output<R>;
  }

  /** A GET route's URL, for what takes a URL rather than a fetch (EventSource). */
  const url = <R extends Route & `GET ${string}`>(route: R, ...[input]: Args<R>): string =>
    urlOf(root, route.slice('GET '.length), (input ?? {}) as Loose);

  return { call, url };
}

export type ApiClient = ReturnType<typeof apiClient>;
