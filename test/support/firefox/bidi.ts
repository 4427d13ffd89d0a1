// The WebDriver BiDi session with Firefox: commands, events and evaluation of functions in a context's
// realm (the page's own, or the driver's sandbox where the query engine lives). Values cross as JSON.
import type { Browser } from 'puppeteer-core';
import { engineSource } from './engine-source';

interface Connection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): unknown;
  off(event: string, handler: (params: never) => void): unknown;
}

/** The realm a function runs in: the page's own scripts' world, or the driver's isolated sandbox. */
export type Realm = 'page' | 'sandbox';
export const SANDBOX = 'alongside-driver';

/** A node passed to or returned from the page: BiDi's shared reference. */
export interface NodeRef {
  sharedId: string;
}

export class EvaluationError extends Error {}

export class Bidi {
  readonly #connection: Connection;

  constructor(browser: Browser) {
    // puppeteer's BiDi browser keeps its connection to itself; its `send` is what we need for what puppeteer
    // does not offer (chrome-scope contexts, frames of other origins, sandbox realms).
    this.#connection = (browser as unknown as { connection: Connection }).connection;
  }

  async send<T>(method: string, params: object): Promise<T> {
    return (await this.#connection.send(method, params)).result as T;
  }

  on<T>(event: string, handler: (params: T) => void): () => void {
    this.#connection.on(event, handler as (p: never) => void);
    return () => this.#connection.off(event, handler as (p: never) => void);
  }

  /**
   * Calls `fn` (its source) in `context` with JSON-able `args` after `nodes` (elements as shared references);
   * answers its result through JSON. In the sandbox, the query engine is there as `__alongsideDriver`.
   */
  async call<T>(context: string, realm: Realm, fn: string, args: unknown[] = [], nodes: NodeRef[] = []): Promise<T> {
    const wrapper = `async function (json, ...nodes) {
      ${realm === 'sandbox' ? 'const engine = globalThis.__alongsideDriver;' : ''}
      const result = await (${fn})(...nodes, ...JSON.parse(json));
      return JSON.stringify({ result });
    }`;
    const run = () => this.send<EvaluateResult>('script.callFunction', {
        functionDeclaration: wrapper,
        target: realm === 'sandbox' ? { context, sandbox: SANDBOX } : { context },
        arguments: [{ type: 'string', value: JSON.stringify(args) }, ...nodes.map((n) => ({ sharedId: n.sharedId }))],
        awaitPromise: true,
        resultOwnership: 'none',
      });
    await this.ensureEngine(context, realm);
    const answer = await run();
    if (answer.type === 'exception') throw new EvaluationError(answer.exceptionDetails.text);
    const json = answer.result.type === 'string' ? (answer.result.value as string) : '{}';
    return (JSON.parse(json) as { result: T }).result;
  }

  /** Runs a script's source (statements, as a <script> would) in the context's own realm; answers its last value. */
  async script(context: string, source: string): Promise<unknown> {
    const answer = await this.send<EvaluateResult>('script.evaluate', { expression: source, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (answer.type === 'exception') throw new EvaluationError(answer.exceptionDetails.text);
    return answer.result.value;
  }

  /** Elements (by the engine's query) and, for frames, the context id of their content window. */
  async callForNodes(context: string, fn: string, args: unknown[]): Promise<Array<{ node: NodeRef; frame?: string }>> {
    await this.ensureEngine(context, 'sandbox');
    const answer = await this.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: `function (json) { const engine = globalThis.__alongsideDriver; return (${fn})(...JSON.parse(json)); }`,
      target: { context, sandbox: SANDBOX },
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, maxObjectDepth: 2 },
    });
    if (answer.type === 'exception') throw new EvaluationError(answer.exceptionDetails.text);
    const list = (answer.result.value as RemoteValue[] | undefined) ?? [];
    return list.map((item) => {
      const [node, win] = item.value as RemoteValue[];
      return { node: { sharedId: node!.sharedId! }, ...(win?.type === 'window' ? { frame: (win.value as { context: string }).context } : {}) };
    });
  }

  async ensureEngine(context: string, realm: Realm): Promise<void> {
    if (realm !== 'sandbox') return;
    const has = await this.send<EvaluateResult>('script.evaluate', {
      expression: 'typeof globalThis.__alongsideDriver',
      target: { context, sandbox: SANDBOX },
      awaitPromise: false,
    });
    if (has.type === 'success' && has.result.value === 'undefined') await this.injectEngine(context);
    if (has.type === 'exception') throw new EvaluationError(has.exceptionDetails.text);
  }

  async injectEngine(context: string): Promise<void> {
    const answer = await this.send<EvaluateResult>('script.evaluate', {
      expression: engineSource(),
      target: { context, sandbox: SANDBOX },
      awaitPromise: false,
    });
    if (answer.type === 'exception') throw new EvaluationError(`injecting the query engine: ${answer.exceptionDetails.text}`);
  }
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };
