// The browser-neutral part of Playwright's API that the browser suites use: Playwright's own objects
// (Chromium) satisfy it structurally, the Firefox driver (test/support/firefox) implements it over
// WebDriver BiDi. A suite typed against these runs in both; what only one browser can do is named so.
import type { Frame as PlaywrightFrame, Locator as PlaywrightLocator, Page as PlaywrightPage } from 'playwright-core';
import type { FirefoxPage } from './firefox/page';

export type BrowserName = 'chromium' | 'firefox';

type Match = string | RegExp;
type ByRole = { name?: Match; exact?: boolean; level?: number; includeHidden?: boolean };
type Filter = { hasText?: Match; hasNotText?: Match };
type Box = { x: number; y: number; width: number; height: number };

export interface Scope {
  locator(css: string, options?: Filter): Locator;
  getByRole(role: Parameters<PlaywrightPage['getByRole']>[0], options?: ByRole): Locator;
  getByText(text: Match, options?: { exact?: boolean }): Locator;
  getByLabel(text: Match, options?: { exact?: boolean }): Locator;
  getByTestId(id: string): Locator;
  frameLocator(css: string): FrameLocator;
}

export type FrameLocator = Omit<Scope, 'frameLocator'>;

export interface Locator extends Omit<Scope, 'frameLocator'> {
  filter(options: Filter): Locator;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  count(): Promise<number>;
  all(): Promise<Locator[]>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(options?: { timeout?: number; button?: 'left' | 'right' | 'middle' }): Promise<void>;
  dblclick(): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string): Promise<void>;
  hover(): Promise<void>;
  focus(): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(choice: string | { value?: string; label?: string }): Promise<string[]>;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  isChecked(): Promise<boolean>;
  isVisible(): Promise<boolean>;
  isHidden(): Promise<boolean>;
  isDisabled(): Promise<boolean>;
  allTextContents(): Promise<string[]>;
  boundingBox(): Promise<Box | null>;
  scrollIntoViewIfNeeded(): Promise<void>;
  screenshot(options?: { path?: string }): Promise<Buffer>;
  evaluate: PlaywrightLocator['evaluate'];
}

export interface Frame {
  url(): string;
  /** A function (called with `arg`) or a script's source, in the frame's own realm. */
  evaluate: PlaywrightFrame['evaluate'];
}

export interface Page extends Scope {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  url(): string;
  frames(): Frame[];
  close(): Promise<void>;
  evaluate: PlaywrightPage['evaluate'];
  waitForURL(url: string | RegExp | ((url: URL) => boolean), options?: { timeout?: number }): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  emulateMedia(options: { colorScheme: 'light' | 'dark' }): Promise<void>;
  screenshot(options?: { path?: string; fullPage?: boolean; clip?: Box }): Promise<Buffer>;
  goBack(): Promise<unknown>;
  goForward(): Promise<unknown>;
  /** Time, not a state: only for proving that something does not happen within it. */
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'dialog', handler: (dialog: Dialog) => void): unknown;
  on(event: 'request', handler: (request: Request) => void): unknown;
  on(event: 'console', handler: (message: { text(): string }) => void): unknown;
  once(event: 'dialog', handler: (dialog: Dialog) => void): unknown;
  /** The page's requests whose URL matches the glob (`**` anything, `*` but `/`) go to `handler`. */
  route(url: string, handler: (route: Route) => unknown): Promise<unknown>;
  /** The next request that passes `predicate`, with its body and (later) its response. */
  waitForRequest(predicate: (request: SentRequest) => boolean, options?: { timeout?: number }): Promise<SentRequest>;
  keyboard: { press(key: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
}

/** A request of the page or one of its frames. */
export interface Request {
  url(): string;
  /** Its frame (throws for a worker's request, as Playwright's). */
  frame(): { url(): string };
}

/** A routed request: answered with `fulfill` (a body of the test's, or the real one from `fetch` changed), or let go on. */
export interface Route {
  request(): { url(): string; method(): string };
  fetch(): Promise<FetchedResponse>;
  fulfill(options: { status?: number; contentType?: string; body?: string }): Promise<void>;
  continue(): Promise<void>;
}

export interface FetchedResponse {
  status(): number;
  headers(): Record<string, string>;
  text(): Promise<string>;
}

/** A request as sent, with its body, and its response once it is in (null where it failed). */
export interface SentRequest {
  url(): string;
  method(): string;
  postData(): string | null;
  postDataJSON(): unknown;
  response(): Promise<{ status(): number; json(): Promise<unknown>; text(): Promise<string> } | null>;
}

export interface Dialog {
  message(): string;
  accept(): Promise<void>;
  dismiss(): Promise<void>;
}

/** A cookie as the browser keeps it (what the console's suites check of the session's). */
export interface Cookie {
  name: string;
  value: string;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

/**
 * The browser session a page of the web console's suites runs in, its own (its own cookies): Playwright's
 * browser context in Chromium, a browser of its own in Firefox.
 */
export interface PageSession {
  cookies(): Promise<Cookie[]>;
  /** Only what both browsers can grant: reading and writing the clipboard. */
  grantPermissions(permissions: Array<'clipboard-read' | 'clipboard-write'>, options?: { origin?: string }): Promise<void>;
  close(): Promise<void>;
}

/** A page with its own session (launchBrowser's newSession). */
export interface SessionPage extends Page {
  context(): PageSession;
}

/** A browser profile's tabs. */
export interface Context {
  newPage(): Promise<Page>;
  pages(): Page[];
  /** The next tab that opens (and passes `predicate`), once it has its first document. */
  waitForEvent(event: 'page', predicate?: (page: Page) => boolean | Promise<boolean>): Promise<Page>;
  /** Cuts the whole browser off the network (Playwright: the context's; one context per browser here). */
  setOffline(offline: boolean): Promise<void>;
}

// Both implementations keep to the subset (a compile-time check, no code at run time).
type Satisfies<T extends SessionPage> = T;
export type CheckedPages = [Satisfies<PlaywrightPage>, Satisfies<FirefoxPage>];
