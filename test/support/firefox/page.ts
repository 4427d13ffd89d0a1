// A Firefox tab (a top-level BiDi browsing context) with the part of Playwright's Page the suites use,
// and its frames (child contexts, moz-extension:// panels inside web pages included).
import { writeFileSync } from 'node:fs';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Bidi } from './bidi';
import type { Dialog, PageSession, Request, Route, SentRequest } from '../driver';
import { keys, pointer, pressActions } from './input';
import { route, waitForRequest } from './network';
import { retry, Scope } from './locator';
import type { Step } from './selector';

interface TreeNode {
  context: string;
  url: string;
  children: TreeNode[] | null;
}

/** What a page needs of its browser: the session, and the chrome-scope ways in (launch.ts). */
export interface FirefoxBrowserParts extends PageSession {
  readonly bidi: Bidi;
  openTab(url: string): Promise<string>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
}

const NAVIGATION_EVENTS = ['browsingContext.navigationCommitted', 'browsingContext.fragmentNavigated', 'browsingContext.historyUpdated', 'browsingContext.load'];

export class FirefoxFrame {
  constructor(
    private readonly bidi: Bidi,
    readonly context: string,
    private readonly href: string,
  ) {}
  url(): string {
    return this.href;
  }
  /** Playwright's evaluate: `fn(arg)` (or a script's source) in the frame's own realm; the answer crosses as JSON. */
  evaluate: PlaywrightPage['evaluate'] = async (fn: unknown, arg?: unknown) =>
    typeof fn === 'string' ? this.bidi.script(this.context, fn) : this.bidi.call(this.context, 'page', String(fn), [arg]);
}

export class FirefoxPage extends Scope {
  protected readonly frameParts: Step[][] = [];
  protected readonly steps: Step[] = [];
  protected get page(): FirefoxPage {
    return this;
  }
  readonly bidi: Bidi;
  readonly keyboard = { press: (key: string) => keys(this.bidi, this.tab, pressActions(key)) };
  #pointerAt = { x: 0, y: 0 };
  readonly mouse = {
    /** In `steps` moves from where the pointer is (Playwright's default: one). */
    move: (x: number, y: number, options: { steps?: number } = {}) => {
      const from = this.#pointerAt;
      const steps = Math.max(1, options.steps ?? 1);
      this.#pointerAt = { x, y };
      const moves = Array.from({ length: steps }, (_, i) => ({
        type: 'pointerMove' as const,
        x: from.x + ((x - from.x) * (i + 1)) / steps,
        y: from.y + ((y - from.y) * (i + 1)) / steps,
      }));
      return pointer(this.bidi, this.tab, moves);
    },
    down: () => pointer(this.bidi, this.tab, [{ type: 'pointerDown', button: 0 }]),
    up: () => pointer(this.bidi, this.tab, [{ type: 'pointerUp', button: 0 }]),
  };

  #url: string;
  readonly #dialogHandlers: Array<{ handler: (dialog: Dialog) => void; once: boolean }> = [];
  /** The tab's frames as BiDi reports them: context id to its parent and address. */
  readonly #frames = new Map<string, { parent: string; url: string }>();
  readonly #offs: Array<() => void> = [];

  constructor(
    private readonly browser: FirefoxBrowserParts,
    /** Its BiDi browsing context. */
    readonly tab: string,
    url = 'about:blank',
  ) {
    super();
    this.bidi = browser.bidi;
    this.#url = url;
    // Playwright's url() answers at once: follow the tab's navigations as BiDi reports them.
    const follow = (e: { context: string; url: string }) => {
      if (e.context === tab && e.url) this.#url = e.url;
      const frame = this.#frames.get(e.context);
      if (frame && e.url) frame.url = e.url;
    };
    const created = (e: { context: string; parent?: string | null; url: string }) => {
      if (e.parent && (e.parent === tab || this.#frames.has(e.parent))) this.#frames.set(e.context, { parent: e.parent, url: e.url });
    };
    const destroyed = (e: { context: string }) => {
      this.#frames.delete(e.context);
      for (const [id, f] of this.#frames) if (f.parent === e.context) this.#frames.delete(id);
    };
    // A dialog nobody handles stays open, as a user's would: Playwright dismisses it; we leave it to the test.
    const prompt = (e: { context: string; message: string }) => {
      if (e.context !== tab && !this.#frames.has(e.context)) return;
      const answer = (accept: boolean) => this.bidi.send('browsingContext.handleUserPrompt', { context: e.context, accept }).then(() => undefined);
      const dialog: Dialog = { message: () => e.message, accept: () => answer(true), dismiss: () => answer(false) };
      const handlers = [...this.#dialogHandlers];
      for (const h of handlers) {
        if (h.once) this.#dialogHandlers.splice(this.#dialogHandlers.indexOf(h), 1);
        h.handler(dialog);
      }
    };
    const off = [
      this.bidi.on('browsingContext.userPromptOpened', prompt),
      ...NAVIGATION_EVENTS.map((event) => this.bidi.on(event, follow)),
      this.bidi.on('browsingContext.contextCreated', created),
      this.bidi.on('browsingContext.contextDestroyed', destroyed),
    ];
    this.#offs.push(...off);
  }

  private async tree(): Promise<TreeNode> {
    const { contexts } = await this.bidi.send<{ contexts: TreeNode[] }>('browsingContext.getTree', { root: this.tab });
    return contexts[0]!;
  }

  async goto(url: string): Promise<void> {
    if (url.startsWith('moz-extension://')) {
      throw new Error('Firefox driver: BiDi cannot navigate a tab to moz-extension:// (open extension pages with openExtensionPage)');
    }
    await this.bidi.send('browsingContext.navigate', { context: this.tab, url, wait: 'complete' });
  }

  async goBack(): Promise<void> {
    await this.traverse(-1);
  }
  async goForward(): Promise<void> {
    await this.traverse(1);
  }
  private async traverse(delta: number): Promise<void> {
    const from = this.#url;
    await this.bidi.send('browsingContext.traverseHistory', { context: this.tab, delta });
    await retry(`going ${delta < 0 ? 'back' : 'forward'} from ${from}`, async () => {
      const state = await this.bidi.call<string>(this.tab, 'sandbox', '() => document.readyState');
      return state === 'complete' && this.#url !== from ? true : { wait: `${state} at ${this.#url}` };
    });
  }

  async waitForTimeout(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  on(event: 'dialog', handler: (dialog: Dialog) => void): this;
  on(event: 'request', handler: (request: Request) => void): this;
  on(event: 'console', handler: (message: { text(): string }) => void): this;
  on(event: 'dialog' | 'request' | 'console', handler: (value: never) => void): this {
    if (event === 'dialog') this.#dialogHandlers.push({ handler: handler as (d: Dialog) => void, once: false });
    else if (event === 'request') {
      this.#offs.push(
        this.bidi.on<{ context: string | null; request: { url: string } }>('network.beforeRequestSent', (e) => {
          const frame = e.context === this.tab ? this.#url : e.context ? this.#frames.get(e.context)?.url : undefined;
          if (frame === undefined && e.context !== this.tab) return;
          (handler as (r: Request) => void)({ url: () => e.request.url, frame: () => ({ url: () => frame ?? '' }) });
        }),
      );
    } else {
      this.#offs.push(
        this.bidi.on<{ source: { context?: string }; text: string | null }>('log.entryAdded', (e) => {
          const from = e.source.context;
          if (from === this.tab || (from && this.#frames.has(from))) (handler as (m: { text(): string }) => void)({ text: () => e.text ?? '' });
        }),
      );
    }
    return this;
  }
  /** Playwright's page.route for a URL glob: the tab's matching requests go to `handler` (./network.ts). */
  async route(glob: string, handler: (route: Route) => unknown): Promise<void> {
    const unroute = await route(this.bidi, this.tab, (c) => this.inTab(c), glob, handler);
    this.#offs.push(() => void unroute());
  }

  waitForRequest(predicate: (request: SentRequest) => boolean, options: { timeout?: number } = {}): Promise<SentRequest> {
    return waitForRequest(this.bidi, this.tab, (c) => this.inTab(c), predicate, options.timeout);
  }

  private inTab(context: string | null): boolean {
    return context === this.tab || (context !== null && this.#frames.has(context));
  }

  once(event: 'dialog', handler: (dialog: Dialog) => void): this {
    this.#dialogHandlers.push({ handler, once: true });
    return this;
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.tab, wait: 'complete' });
  }

  url(): string {
    return this.#url;
  }

  async waitForURL(match: string | RegExp | ((url: URL) => boolean), options: { timeout?: number } = {}): Promise<void> {
    const test = (u: string) => (typeof match === 'string' ? u === match : match instanceof RegExp ? match.test(u) : match(new URL(u)));
    await retry(`waitForURL(${String(match)})`, async () => {
      const u = await this.bidi.call<string>(this.tab, 'sandbox', '() => (document.readyState === "loading" ? "" : location.href)');
      return u && test(u) ? true : { wait: `at ${u || '(loading)'}` };
    }, options.timeout);
  }

  async close(): Promise<void> {
    this.#offs.forEach((off) => off());
    await this.bidi.send('browsingContext.close', { context: this.tab });
  }

  /** Every frame of the tab, the top document first (as Playwright's, known from BiDi's events). */
  frames(): FirefoxFrame[] {
    return [this.mainFrame(), ...[...this.#frames].map(([id, f]) => new FirefoxFrame(this.bidi, id, f.url))];
  }

  mainFrame(): FirefoxFrame {
    return new FirefoxFrame(this.bidi, this.tab, this.#url);
  }

  evaluate: PlaywrightPage['evaluate'] = (fn: unknown, arg?: unknown) => this.mainFrame().evaluate(fn as string, arg);

  /** The page's browser: one profile, its cookies and permissions (Playwright: the page's context). */
  context(): PageSession {
    return this.browser;
  }

  async setViewportSize(size: { width: number; height: number }): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context: this.tab, viewport: size });
  }

  /** prefers-color-scheme for this browser's pages (Firefox sets it per browser, not per tab). */
  async emulateMedia(options: { colorScheme: 'light' | 'dark' }): Promise<void> {
    await this.browser.setColorScheme(options.colorScheme);
  }

  async screenshot(options: { path?: string; fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}): Promise<Buffer> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
      context: this.tab,
      origin: options.fullPage ? 'document' : 'viewport',
      ...(options.clip ? { clip: { type: 'box', ...options.clip } } : {}),
    });
    const png = Buffer.from(data, 'base64');
    if (options.path) writeFileSync(options.path, png);
    return png;
  }

  /** Where a child context's viewport sits in this tab's viewport: the iframes' boxes and borders added up. */
  async frameOffset(context: string): Promise<{ x: number; y: number }> {
    const parents = new Map<string, string>();
    const walk = (n: TreeNode) => n.children?.forEach((c) => (parents.set(c.context, n.context), walk(c)));
    walk(await this.tree());
    let x = 0;
    let y = 0;
    for (let child = context, parent = parents.get(child); parent; child = parent, parent = parents.get(child)) {
      const frames = await this.bidi.callForNodes(parent, '() => engine.query([{ kind: "css", css: "iframe, frame" }]).map((el) => [el, el.contentWindow])', []);
      const own = frames.find((f) => f.frame === child);
      if (!own) throw new Error('Firefox driver: lost the iframe of a frame while measuring it');
      const at = await this.bidi.call<{ x: number; y: number }>(
        parent,
        'sandbox',
        '(el) => { const r = el.getBoundingClientRect(); return { x: r.x + el.clientLeft, y: r.y + el.clientTop }; }',
        [],
        [own.node],
      );
      x += at.x;
      y += at.y;
    }
    return { x, y };
  }
}

