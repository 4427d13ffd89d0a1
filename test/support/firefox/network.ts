// Playwright's request routing and request waiting for a Firefox tab, over WebDriver BiDi's network
// module: `page.route` blocks matching requests with network.addIntercept (phase beforeRequestSent) and
// answers them with network.provideResponse or lets them go on (network.continueRequest);
// `page.waitForRequest` reads a request's body and its response's through a data collector
// (network.addDataCollector, network.getData).
import type { Route, SentRequest as WaitedRequest } from '../driver';
import type { Bidi } from './bidi';

interface BidiRequest {
  request: string;
  url: string;
  method: string;
  headers: Array<{ name: string; value: { type: string; value: string } }>;
}
interface RequestEvent {
  context: string | null;
  isBlocked: boolean;
  intercepts?: string[];
  request: BidiRequest;
}
interface ResponseEvent extends RequestEvent {
  response: { status: number; headers: BidiRequest['headers'] };
}

/** Playwright's URL glob: `**` any characters, `*` any but `/`; the rest (`?` and `.` too) literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') (source += '.*'), i++;
    else if (ch === '*') source += '[^/]*';
    else source += /[.+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${source}$`);
}

const bytes = (text: string) => ({ type: 'base64', value: Buffer.from(text).toString('base64') });
const decode = (value: { type: string; value: string }) => (value.type === 'base64' ? Buffer.from(value.value, 'base64').toString() : value.value);

/** Routes the tab's (and its frames') requests whose URL matches `glob` to `handler`. */
export async function route(bidi: Bidi, context: string, inTab: (context: string | null) => boolean, glob: string, handler: (route: Route) => unknown): Promise<() => Promise<void>> {
  const pattern = globToRegExp(glob);
  const { intercept } = await bidi.send<{ intercept: string }>('network.addIntercept', { phases: ['beforeRequestSent'], contexts: [context] });
  const off = bidi.on<RequestEvent>('network.beforeRequestSent', (e) => {
    if (!e.isBlocked || !e.intercepts?.includes(intercept)) return;
    const id = e.request.request;
    if (!inTab(e.context) || !pattern.test(e.request.url)) {
      void bidi.send('network.continueRequest', { request: id }).catch(() => undefined);
      return;
    }
    void Promise.resolve(handler(routeOf(bidi, e.request))).catch((error: unknown) => {
      console.error(`Firefox driver: route(${glob}) handler failed:`, error);
      return bidi.send('network.failRequest', { request: id }).catch(() => undefined);
    });
  });
  return async () => {
    off();
    await bidi.send('network.removeIntercept', { intercept }).catch(() => undefined);
  };
}

function routeOf(bidi: Bidi, request: BidiRequest): Route {
  return {
    request: () => ({ url: () => request.url, method: () => request.method }),
    // Playwright fetches through the browser's network; a test's servers answer the same to Node's fetch.
    async fetch() {
      const headers = Object.fromEntries(request.headers.map((h) => [h.name, decode(h.value)]));
      const response = await fetch(request.url, { method: request.method, headers });
      const body = await response.text();
      const answered: Record<string, string> = {};
      response.headers.forEach((value, name) => (answered[name] = value));
      return { status: () => response.status, headers: () => answered, text: async () => body };
    },
    async fulfill(options) {
      const headers = options.contentType ? [{ name: 'content-type', value: { type: 'string', value: options.contentType } }] : [];
      await bidi.send('network.provideResponse', { request: request.request, statusCode: options.status ?? 200, headers, body: bytes(options.body ?? '') });
    },
    continue: () => bidi.send('network.continueRequest', { request: request.request }).then(() => undefined),
  };
}

/** The next request of the tab (or its frames) that passes `predicate`, with its body and its response's. */
export async function waitForRequest(bidi: Bidi, context: string, inTab: (context: string | null) => boolean, predicate: (request: WaitedRequest) => boolean, timeout = 30_000): Promise<WaitedRequest> {
  const { collector } = await bidi.send<{ collector: string }>('network.addDataCollector', { dataTypes: ['request', 'response'], maxEncodedDataSize: 10_000_000, contexts: [context] });
  const data = (id: string, dataType: 'request' | 'response') =>
    bidi.send<{ bytes: { type: string; value: string } }>('network.getData', { request: id, dataType, collector }).then((r) => decode(r.bytes), () => null);
  const responses = new Map<string, (e: ResponseEvent | null) => void>();
  const offResponse = bidi.on<ResponseEvent>('network.responseCompleted', (e) => responses.get(e.request.request)?.(e));
  const offFailed = bidi.on<RequestEvent>('network.fetchError', (e) => responses.get(e.request.request)?.(null));
  return new Promise<WaitedRequest>((resolve, reject) => {
    const stop = () => (clearTimeout(timer), off());
    const timer = setTimeout(() => (stop(), offResponse(), offFailed(), reject(new Error(`Firefox driver: waitForRequest: none in ${timeout} ms`))), timeout);
    const off = bidi.on<RequestEvent>('network.beforeRequestSent', (e) => {
      if (!inTab(e.context)) return;
      const id = e.request.request;
      // Its response is listened for at once: it may complete while the body is read.
      const completed = new Promise<ResponseEvent | null>((done) => responses.set(id, done));
      void data(id, 'request').then((body) => {
        const request: WaitedRequest = {
          url: () => e.request.url,
          method: () => e.request.method,
          postData: () => body,
          postDataJSON: () => (body === null ? null : JSON.parse(body)),
          async response() {
            const r = await completed;
            if (!r) return null;
            const text = (await data(id, 'response')) ?? '';
            return { status: () => r.response.status, text: async () => text, json: async () => JSON.parse(text) };
          },
        };
        if (!predicate(request)) return void responses.delete(id);
        stop();
        resolve(request);
        // Done listening once this one's response is in.
        void completed.then(() => (offResponse(), offFailed()));
      });
    });
  });
}
