// For tests only: an API client that answers each route ("METHOD /path", as shared/contract defines it)
// with the test's handler, typed like the real client's call. A route without a handler fails the test.
import type { ApiClient, Input, Output, Route } from '@shared/client';

export type Handler<R extends Route> = (input: Input<R>) => Promise<Output<R>>;

export function fakeApi(handlers: { [R in Route]?: Handler<R> }): ApiClient {
  const call = async (route: Route, input?: unknown) => {
    const handler = handlers[route] as ((input: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`The test has no answer for ${route}.`);
    return handler(input ?? {});
  };
  const url = (route: Route, input?: unknown) => `fake:${route} ${JSON.stringify(input ?? {})}`;
  return { call, url } as ApiClient;
}
