// Playwright's Locator and FrameLocator over BiDi: a chain of frame parts (selector.ts), resolved afresh
// on every use by the engine in each frame's sandbox, with Playwright's auto-waiting (retry until the
// state holds or the timeout) and strictness (an action on a locator matching 2+ elements throws).
import type { Locator as PlaywrightLocator } from 'playwright-core';
import { EvaluationError, type NodeRef } from './bidi';
import { click, keys, pointer, pressActions, typeActions, type MouseButton } from './input';
import type { FirefoxPage } from './page';
import { describeSteps, textMatch, type Step } from './selector';

export const DEFAULT_TIMEOUT = 30_000;
const BACKOFF = [0, 20, 50, 100, 100, 250];

type Wait = { wait: string };
const isWait = (v: unknown): v is Wait => typeof v === 'object' && v !== null && 'wait' in v;

/** Retries `attempt` until it answers something other than a reason to wait, or throws after `timeout`. */
export async function retry<T>(what: string, attempt: () => Promise<T | Wait>, timeout = DEFAULT_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = 'no answer yet';
  for (let i = 0; ; i++) {
    try {
      const answer = await attempt();
      if (!isWait(answer)) return answer;
      last = answer.wait;
    } catch (error) {
      // A frame navigating away or a document being replaced is a state to wait out, as in Playwright.
      if (!(error instanceof EvaluationError) && !/no such (frame|node)|discarded|DiscardedBrowsingContext|stale/i.test(String(error))) throw error;
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`Firefox driver: ${what}: timed out after ${timeout} ms (${last})`);
    await new Promise((r) => setTimeout(r, BACKOFF[Math.min(i, BACKOFF.length - 1)]));
  }
}

type ByRoleOptions = { name?: string | RegExp; exact?: boolean; level?: number; includeHidden?: boolean };
type FilterOptions = { hasText?: string | RegExp; hasNotText?: string | RegExp; has?: FirefoxLocator; visible?: boolean };

/** What both a page and a FrameLocator offer to start a locator with. */
export abstract class Scope {
  protected abstract readonly page: FirefoxPage;
  protected abstract readonly frameParts: Step[][];
  protected abstract readonly steps: Step[];

  protected with(step: Step[]): FirefoxLocator {
    return new FirefoxLocator(this.page, this.frameParts, [...this.steps, ...step]);
  }

  locator(css: string, options: FilterOptions = {}): FirefoxLocator {
    return this.with([{ kind: 'css', css }, ...filterSteps(options)]);
  }
  getByRole(role: string, options: ByRoleOptions = {}): FirefoxLocator {
    const { name, exact, level, includeHidden } = options;
    return this.with([{ kind: 'role', role, ...(name !== undefined ? { name: textMatch(name, exact) } : {}), level, includeHidden }]);
  }
  getByText(text: string | RegExp, options: { exact?: boolean } = {}): FirefoxLocator {
    return this.with([{ kind: 'text', match: textMatch(text, options.exact) }]);
  }
  getByLabel(text: string | RegExp, options: { exact?: boolean } = {}): FirefoxLocator {
    return this.with([{ kind: 'label', match: textMatch(text, options.exact) }]);
  }
  getByTestId(id: string): FirefoxLocator {
    return this.with([{ kind: 'testid', id }]);
  }
  frameLocator(css: string): FirefoxFrameLocator {
    return new FirefoxFrameLocator(this.page, [...this.frameParts, [...this.steps, { kind: 'css', css }]]);
  }
}

function filterSteps(options: FilterOptions): Step[] {
  const steps: Step[] = [];
  if (options.hasText !== undefined) steps.push({ kind: 'hasText', match: textMatch(options.hasText) });
  if (options.hasNotText !== undefined) steps.push({ kind: 'hasNotText', match: textMatch(options.hasNotText) });
  if (options.has) {
    if (options.has.frameParts.length) throw new Error('Firefox driver: filter({ has }) with a locator inside a frame is not supported');
    steps.push({ kind: 'has', steps: options.has.steps });
  }
  if (options.visible !== undefined) steps.push({ kind: 'visible', visible: options.visible });
  return steps;
}

export class FirefoxFrameLocator extends Scope {
  protected readonly steps: Step[] = [];
  constructor(
    protected readonly page: FirefoxPage,
    protected readonly frameParts: Step[][],
  ) {
    super();
  }
}

interface Resolved {
  context: string;
  nodes: Array<{ node: NodeRef; frame?: string }>;
}

export class FirefoxLocator extends Scope {
  constructor(
    protected readonly page: FirefoxPage,
    readonly frameParts: Step[][],
    override readonly steps: Step[],
  ) {
    super();
  }

  override toString(): string {
    return [...this.frameParts.map((f) => `${describeSteps(f)}.contentFrame()`), describeSteps(this.steps)].join('.');
  }

  filter(options: FilterOptions): FirefoxLocator {
    return this.with(filterSteps(options));
  }
  nth(index: number): FirefoxLocator {
    return this.with([{ kind: 'nth', index }]);
  }
  first(): FirefoxLocator {
    return this.nth(0);
  }
  last(): FirefoxLocator {
    return this.nth(-1);
  }
  contentFrame(): FirefoxFrameLocator {
    return new FirefoxFrameLocator(this.page, [...this.frameParts, this.steps]);
  }

  /** The frame this locator's elements live in: each frame part must match exactly one iframe. */
  private async context(): Promise<string | Wait> {
    let context = this.page.tab;
    for (const part of this.frameParts) {
      const found = await this.page.bidi.callForNodes(context, QUERY, [part]);
      if (found.length !== 1) return { wait: `frame ${describeSteps(part)} matched ${found.length} elements` };
      if (!found[0]!.frame) return { wait: `frame ${describeSteps(part)} has no content window yet` };
      context = found[0]!.frame;
    }
    return context;
  }

  private async resolve(): Promise<Resolved | Wait> {
    const context = await this.context();
    if (isWait(context)) return context;
    return { context, nodes: await this.page.bidi.callForNodes(context, QUERY, [this.steps]) };
  }

  /** Exactly one element (waits while there is none; throws when there are several, as Playwright's strictness). */
  private async one(): Promise<{ context: string; node: NodeRef } | Wait> {
    const r = await this.resolve();
    if (isWait(r)) return r;
    if (r.nodes.length === 0) return { wait: 'no element matches yet' };
    if (r.nodes.length > 1) {
      const seen = await this.page.bidi.call<string[]>(r.context, 'sandbox', '(...els) => els.map((el) => engine.describe(el))', [], r.nodes.slice(0, 5).map((n) => n.node));
      throw new Error(`Firefox driver: strict mode violation: ${this} resolved to ${r.nodes.length} elements: ${seen.join(', ')}`);
    }
    return { context: r.context, node: r.nodes[0]!.node };
  }

  /** Runs `fn(element, ...args)` on the one element once it is there, in the sandbox or the page's realm. */
  private async onElement<T>(what: string, fn: string, args: unknown[] = [], realm: 'sandbox' | 'page' = 'sandbox', timeout?: number): Promise<T> {
    return retry(
      `${this}.${what}`,
      async () => {
        const el = await this.one();
        if (isWait(el)) return el;
        return { value: await this.page.bidi.call<T>(el.context, realm, fn, args, [el.node]) };
      },
      timeout,
    ).then((r) => r.value);
  }

  /** A locator for each element matched now (by its index, as Playwright's). */
  async all(): Promise<FirefoxLocator[]> {
    return Array.from({ length: await this.count() }, (_, i) => this.nth(i));
  }

  async count(): Promise<number> {
    const r = await retry(`${this}.count()`, () => this.resolve());
    return r.nodes.length;
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    await retry(
      `${this}.waitFor({ state: '${state}' })`,
      async () => {
        const r = await this.resolve();
        if (isWait(r)) return state === 'detached' || state === 'hidden' ? true : r;
        if (r.nodes.length > 1 && state !== 'detached') throw new Error(`Firefox driver: strict mode violation: ${this} resolved to ${r.nodes.length} elements`);
        const node = r.nodes[0];
        if (state === 'attached') return node ? true : { wait: 'not attached' };
        if (state === 'detached') return node ? { wait: 'still attached' } : true;
        const visible = node ? await this.page.bidi.call<boolean>(r.context, 'sandbox', '(el) => engine.isVisible(el)', [], [node.node]) : false;
        return visible === (state === 'visible') ? true : { wait: visible ? 'still visible' : 'not visible' };
      },
      options.timeout,
    );
  }

  async textContent(): Promise<string | null> {
    return this.onElement('textContent()', '(el) => el.textContent');
  }
  async innerText(): Promise<string> {
    return this.onElement('innerText()', '(el) => el.innerText');
  }
  async getAttribute(name: string): Promise<string | null> {
    return this.onElement(`getAttribute(${JSON.stringify(name)})`, '(el, name) => el.getAttribute(name)', [name]);
  }
  async inputValue(): Promise<string> {
    return this.onElement('inputValue()', '(el) => el.value');
  }
  async isChecked(): Promise<boolean> {
    return this.onElement('isChecked()', '(el) => el.checked ?? el.getAttribute("aria-checked") === "true"');
  }
  async isHidden(): Promise<boolean> {
    return !(await this.isVisible());
  }
  async isDisabled(): Promise<boolean> {
    return this.onElement('isDisabled()', '(el) => !engine.isEnabled(el)');
  }
  async isVisible(): Promise<boolean> {
    const r = await retry(`${this}.isVisible()`, () => this.resolve());
    if (r.nodes.length > 1) throw new Error(`Firefox driver: strict mode violation: ${this} resolved to ${r.nodes.length} elements`);
    return r.nodes[0] ? this.page.bidi.call<boolean>(r.context, 'sandbox', '(el) => engine.isVisible(el)', [], [r.nodes[0].node]) : false;
  }
  async allTextContents(): Promise<string[]> {
    const r = await retry(`${this}.allTextContents()`, () => this.resolve());
    return this.page.bidi.call<string[]>(r.context, 'sandbox', '(...els) => els.map((el) => el.textContent ?? "")', [], r.nodes.map((n) => n.node));
  }
  /** The element's box in the top page's viewport (frames' offsets added), as Playwright answers it. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const { context, box } = await retry(`${this}.boundingBox()`, async () => {
      const el = await this.one();
      if (isWait(el)) return el;
      return { context: el.context, box: await this.page.bidi.call<Box | null>(el.context, 'sandbox', BOX, [], [el.node]) };
    });
    if (!box) return null;
    const offset = await this.page.frameOffset(context);
    return { ...box, x: box.x + offset.x, y: box.y + offset.y };
  }

  /** Playwright's evaluate: `fn(element, arg)` in the page's own realm. */
  evaluate: PlaywrightLocator['evaluate'] = (fn: unknown, arg?: unknown) => this.onElement('evaluate()', String(fn), [arg], 'page');

  async scrollIntoViewIfNeeded(): Promise<void> {
    await this.onElement('scrollIntoViewIfNeeded()', '(el) => el.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" })');
  }

  async focus(): Promise<void> {
    await this.onElement('focus()', '(el) => el.focus()');
  }

  /** Waits for the element to be actionable, then gives its centre in its frame's viewport. */
  private async target(what: string, options: { enabled?: boolean; intercept?: boolean; timeout?: number } = {}): Promise<{ context: string; x: number; y: number; node: NodeRef }> {
    return retry(
      `${this}.${what}`,
      async () => {
        const el = await this.one();
        if (isWait(el)) return el;
        const at = await this.page.bidi.call<{ x: number; y: number } | Wait>(el.context, 'sandbox', '(el, o) => engine.pointerTarget(el, o)', [{ enabled: options.enabled ?? true, intercept: options.intercept }], [el.node]);
        return isWait(at) ? at : { context: el.context, node: el.node, ...at };
      },
      options.timeout,
    );
  }

  /** As Playwright's: a click that would land on another element (this one moved meanwhile) is stopped and made again. */
  async click(options: { timeout?: number; clickCount?: number; button?: MouseButton } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const t = await this.target('click()', { ...options, intercept: true, timeout: Math.max(0, deadline - Date.now()) });
      await pointer(this.page.bidi, t.context, click(t.x, t.y, options.clickCount, options.button));
      // A click that replaced the document (or its frame) was not stopped: nothing to ask then.
      const missed = await this.page.bidi.call<string | null>(t.context, 'sandbox', '() => engine.intercepted()').catch(() => null);
      if (!missed) return;
      if (Date.now() > deadline) throw new Error(`Firefox driver: ${this}.click(): timed out after ${options.timeout ?? DEFAULT_TIMEOUT} ms (${missed})`);
    }
  }
  async dblclick(): Promise<void> {
    await this.click({ clickCount: 2 });
  }
  async hover(): Promise<void> {
    const t = await this.target('hover()', { enabled: false });
    await pointer(this.page.bidi, t.context, [{ type: 'pointerMove', x: t.x, y: t.y }]);
  }

  /** Checks a checkbox or radio by clicking it (once, if it is not checked yet). */
  async check(): Promise<void> {
    if (await this.isChecked()) return;
    await this.click();
    if (!(await this.isChecked())) throw new Error(`Firefox driver: ${this}.check(): clicking did not check it`);
  }

  async uncheck(): Promise<void> {
    if (!(await this.isChecked())) return;
    await this.click();
    if (await this.isChecked()) throw new Error(`Firefox driver: ${this}.uncheck(): clicking did not uncheck it`);
  }

  /** Focuses the field, selects what it holds and types `value` over it with real keys. */
  async fill(value: string, options: { timeout?: number } = {}): Promise<void> {
    const context = await retry(
      `${this}.fill()`,
      async () => {
        const el = await this.one();
        if (isWait(el)) return el;
        const ready = await this.page.bidi.call<true | Wait>(el.context, 'sandbox', FOCUS_AND_SELECT, [], [el.node]);
        return isWait(ready) ? ready : el.context;
      },
      options.timeout,
    );
    await keys(this.page.bidi, context, value ? typeActions(value) : pressActions('Backspace'));
  }

  async press(key: string): Promise<void> {
    const context = await retry(`${this}.press(${JSON.stringify(key)})`, async () => {
      const el = await this.one();
      if (isWait(el)) return el;
      await this.page.bidi.call(el.context, 'sandbox', '(el) => el.focus()', [], [el.node]);
      return el.context;
    });
    await keys(this.page.bidi, context, pressActions(key));
  }

  /** Chooses the option of a <select> by value or label, as a user's choice (input and change events). */
  async selectOption(choice: string | { value?: string; label?: string }): Promise<string[]> {
    const { value, label } = typeof choice === 'string' ? { value: choice, label: choice } : choice;
    return this.onElement(`selectOption(${JSON.stringify(choice)})`, SELECT_OPTION, [value ?? null, label ?? null], 'page');
  }

  async screenshot(options: { path?: string } = {}): Promise<Buffer> {
    await this.scrollIntoViewIfNeeded(); // BiDi's clip is in the viewport
    const box = await this.boundingBox();
    if (!box) throw new Error(`Firefox driver: ${this}.screenshot(): the element has no box`);
    return this.page.screenshot({ ...options, clip: box });
  }
}

type Box = { x: number; y: number; width: number; height: number };
const BOX = '(el) => { const r = el.getBoundingClientRect(); return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; }';

/** The engine's query in the sandbox: each element with its content window (for iframes). */
const QUERY = '(steps) => engine.query(steps).map((el) => [el, el.contentWindow ?? null])';

const FOCUS_AND_SELECT = `(el) => {
  if (!engine.isVisible(el)) return { wait: 'element is not visible' };
  if (!engine.isEditable(el)) return { wait: 'element is not editable' };
  el.focus();
  if (el.select) el.select();
  else { const range = el.ownerDocument.createRange(); range.selectNodeContents(el); const s = el.ownerDocument.getSelection(); s.removeAllRanges(); s.addRange(range); }
  return true;
}`;

const SELECT_OPTION = `(el, value, label) => {
  if (!(el instanceof HTMLSelectElement)) throw new Error('selectOption: not a <select>');
  const option = [...el.options].find((o) => o.value === value || o.label === label);
  if (!option) throw new Error('selectOption: no option ' + (value ?? label));
  el.value = option.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return [option.value];
}`;
