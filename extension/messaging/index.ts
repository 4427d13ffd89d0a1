import { browser, type Browser } from 'wxt/browser';
import type { BackgroundRequests, TabMessages } from './types';

export type * from './types';
export { PANEL_PORT } from './types';

type Request<K extends keyof BackgroundRequests> = BackgroundRequests[K]['request'];
type Response<K extends keyof BackgroundRequests> = BackgroundRequests[K]['response'];
type Sender = Browser.runtime.MessageSender;

/** The envelope on the wire: `{ type, data }`, so one listener can tell our messages from anything else. */
interface Envelope<T = string, D = unknown> {
  type: T;
  data: D;
}

type BackgroundHandlers = {
  [K in keyof BackgroundRequests]: (data: Request<K>, sender: Sender) => Promise<Response<K>> | Response<K>;
};
type TabHandlers = { [K in keyof TabMessages]: (data: TabMessages[K]) => void };

function isEnvelope<M extends object>(message: unknown, handlers: M): message is Envelope<keyof M & string> {
  return (
    typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string' &&
    Object.hasOwn(handlers, (message as Envelope).type)
  );
}

/**
 * A runtime.onMessage listener that answers the requests it has a handler for and ignores the rest
 * (returning undefined lets another listener answer). Answers are promises (webextension-polyfill).
 */
export function backgroundListener(handlers: BackgroundHandlers) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isEnvelope(message, handlers)) return undefined;
    const handle = handlers[message.type] as (data: unknown, sender: Sender) => unknown;
    return Promise.resolve().then(() => handle(message.data, sender));
  };
}

/** The handlers of the messages a listener answers (the top frame's content script: all; a frame script: its own). */
export function tabListener<K extends keyof TabMessages>(handlers: Pick<TabHandlers, K>) {
  return (message: unknown): undefined => {
    if (!isEnvelope(message, handlers)) return undefined;
    (handlers[message.type] as (data: unknown) => void)(message.data);
    return undefined;
  };
}

export function askBackground<K extends keyof BackgroundRequests>(type: K, data: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage({ type, data } satisfies Envelope) as Promise<Response<K>>;
}

/** Tells a tab's top-frame content script (or the script of frame `frameId`); a tab without one (not a granted site) is not an error. */
export async function tellTab<K extends keyof TabMessages>(tabId: number, type: K, data: TabMessages[K], frameId = 0): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, { type, data } satisfies Envelope, { frameId });
  } catch {
    // no content script in that tab
  }
}
