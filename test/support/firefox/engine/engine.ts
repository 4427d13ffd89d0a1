// The query engine injected into a page's driver sandbox (BiDi `sandbox` realm: it sees the DOM through
// Firefox's xrays, untouched by what the host page's scripts did to prototypes). It resolves the
// Playwright-style selector steps of one frame (locator.ts builds them) and answers the actionability
// checks. Roles and accessible names come from dom-accessibility-api, as in Testing Library. Open shadow
// roots are pierced, as Playwright does.
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';
import type { Step, TextMatch } from '../selector';

type Root = Document | Element;

// In the sandbox, the window's functions must be called on the window (a bare call has no `this`).
const computedStyle = (el: Element, pseudo?: string | null) => el.ownerDocument.defaultView!.getComputedStyle(el, pseudo);
const a11y = { getComputedStyle: computedStyle };

/** Every element under `root`, open shadow roots included, in document order. */
function allElements(root: Root): Element[] {
  const out: Element[] = [];
  const walk = (node: Document | Element | ShadowRoot) => {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

function deepQueryAll(root: Root, css: string): Element[] {
  // `:scope` is the locator it is chained on (Playwright's `:scope > div`), which `matches` cannot know: the
  // root's own querySelectorAll can (in its tree; a selector relative to it does not go into shadow roots).
  if (css.includes(':scope')) return [...root.querySelectorAll(css)];
  return allElements(root).filter((el) => el.matches(css));
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function matches(m: TextMatch, value: string): boolean {
  if (m.regex) return new RegExp(m.regex.source, m.regex.flags).test(value);
  const v = normalize(value);
  const t = normalize(m.text!);
  return m.exact ? v === t : v.toLowerCase().includes(t.toLowerCase());
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** An element's text as Playwright reads it: its light DOM and open shadow content. */
function elementText(el: Element): string {
  if (SKIP_TEXT.has(el.tagName)) return '';
  let text = '';
  const nodes = el.shadowRoot ? [...el.shadowRoot.childNodes, ...el.childNodes] : [...el.childNodes];
  for (const n of nodes) {
    if (n.nodeType === Node.TEXT_NODE) text += n.nodeValue ?? '';
    else if (n.nodeType === Node.ELEMENT_NODE) text += elementText(n as Element);
  }
  return text;
}

function inputText(el: Element): string | null {
  if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value;
  return null;
}

/** getByText: the elements whose text matches where no child element's own text does (the innermost). */
function byText(candidates: Element[], m: TextMatch): Element[] {
  return candidates.filter((el) => {
    const own = inputText(el) ?? elementText(el);
    if (!own || !matches(m, own)) return false;
    const kids = el.shadowRoot ? [...el.shadowRoot.children, ...el.children] : [...el.children];
    return !kids.some((k) => matches(m, inputText(k) ?? elementText(k)));
  });
}

function labelTexts(el: Element): string[] {
  const out: string[] = [];
  const aria = el.getAttribute('aria-label');
  if (aria) out.push(aria);
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const doc = el.getRootNode() as Document | ShadowRoot;
    out.push(ids.split(/\s+/).map((id) => (doc.getElementById?.(id) ?? el.ownerDocument.getElementById(id))?.textContent ?? '').join(' '));
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const l of labels) out.push(elementText(l));
  return out;
}

/** dom-accessibility-api's role, but a <th scope="row"> is a row header (HTML-AAM, as Playwright and browsers have it). */
function roleOf(el: Element): string | null {
  const role = getRole(el);
  const scope = el.localName === 'th' && !el.hasAttribute('role') ? el.getAttribute('scope')?.toLowerCase() : undefined;
  return scope === 'row' || scope === 'rowgroup' ? 'rowheader' : role;
}

function byRole(candidates: Element[], step: Extract<Step, { kind: 'role' }>): Element[] {
  return candidates.filter((el) => {
    if (roleOf(el) !== step.role) return false;
    if (!step.includeHidden && isInaccessible(el, a11y)) return false;
    if (step.level !== undefined && headingLevel(el) !== step.level) return false;
    if (step.name && !matches(step.name, computeAccessibleName(el, a11y))) return false;
    return true;
  });
}

function headingLevel(el: Element): number | undefined {
  const aria = el.getAttribute('aria-level');
  if (aria) return Number(aria);
  const m = /^H([1-6])$/.exec(el.tagName);
  return m ? Number(m[1]) : undefined;
}

/** Resolves the steps against `root`: the elements matched, in document order. */
export function query(steps: Step[], root: Root = document): Element[] {
  let current: Element[] | null = null; // null: the root itself (nothing chosen yet)
  for (const step of steps) {
    const scopes: Root[] = current ?? [root];
    const below = (pick: (scope: Root) => Element[]): Element[] => unique(scopes.flatMap((s) => pick(s)));
    const chosen: Element[] = current ?? [];
    switch (step.kind) {
      case 'css':
        current = below((s) => deepQueryAll(s, step.css));
        break;
      case 'role':
        current = below((s) => byRole(allElements(s), step));
        break;
      case 'text':
        current = below((s) => byText(allElements(s), step.match));
        break;
      case 'label':
        current = below((s) => allElements(s).filter((el) => labelTexts(el).some((t) => matches(step.match, t))));
        break;
      case 'testid':
        current = below((s) => deepQueryAll(s, `[data-testid=${JSON.stringify(step.id)}]`));
        break;
      case 'hasText':
        current = chosen.filter((el) => matches(step.match, elementText(el)));
        break;
      case 'hasNotText':
        current = chosen.filter((el) => !matches(step.match, elementText(el)));
        break;
      case 'has':
        current = chosen.filter((el) => query(step.steps, el).length > 0);
        break;
      case 'nth': {
        const el = step.index < 0 ? chosen[chosen.length + step.index] : chosen[step.index];
        current = el ? [el] : [];
        break;
      }
      case 'visible':
        current = chosen.filter((el) => isVisible(el) === step.visible);
        break;
    }
  }
  return current ?? [];
}

function unique(list: Element[]): Element[] {
  const set = new Set(list);
  return allElements(document).filter((el) => set.has(el)).concat(list.filter((el) => !el.isConnected));
}

export function isVisible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0 && computedStyle(el).display !== 'contents') return false;
  return el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}

export function isEnabled(el: Element): boolean {
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest('fieldset:disabled')) return false;
  return el.closest('[aria-disabled="true"]') === null;
}

export function isEditable(el: Element): boolean {
  if (!isEnabled(el)) return false;
  if ((el as HTMLInputElement).readOnly) return false;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable;
}

const frame = () => new Promise<void>((r) => window.requestAnimationFrame(() => r()));

/** Deep elementFromPoint: through open shadow roots down to the innermost hit. */
function hitAt(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

function containsDeep(el: Element, node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === el) return true;
  return false;
}

/**
 * Playwright's actionability before a pointer action: visible, enabled, stable over two frames, scrolled
 * into view and receiving events at its centre. Answers the centre (viewport coordinates) or why not.
 */
export async function pointerTarget(el: Element, options: { enabled: boolean; intercept?: boolean }): Promise<{ x: number; y: number } | { wait: string }> {
  if (!el.isConnected) return { wait: 'element is not attached' };
  if (!isVisible(el)) return { wait: 'element is not visible' };
  if (options.enabled && !isEnabled(el)) return { wait: 'element is not enabled' };
  el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const a = el.getBoundingClientRect();
  await frame();
  await frame();
  const b = el.getBoundingClientRect();
  if (a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height) return { wait: 'element is not stable' };
  // The centre of its first box, as Playwright clicks: a link wrapped onto two lines has the paragraph at
  // the centre of its bounding box.
  const first = [...el.getClientRects()].find((r) => r.width * r.height >= 1) ?? b;
  const x = first.x + first.width / 2;
  const y = first.y + first.height / 2;
  const hit = hitAt(x, y);
  if (!containsDeep(el, hit)) return { wait: `<${hit?.tagName.toLowerCase() ?? 'nothing'}> would receive the click instead` };
  if (options.intercept) intercepting = { el };
  return { x, y };
}

/**
 * Playwright's hit-target interception: the element can still move between the check above and the input
 * (a page re-placing it on a timer). Where the click's first event lands is checked again; if not on the
 * element, its events are stopped here, so the page never gets a click nobody aimed there, and the
 * driver clicks again (`intercepted`). `missed` stays undefined until an event came.
 */
let intercepting: { el: Element; missed?: string | null } | null = null;
for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu']) {
  window.addEventListener(
    type,
    (e) => {
      if (!intercepting || !e.isTrusted) return;
      if (intercepting.missed === undefined) {
        const hit = hitAt((e as MouseEvent).clientX, (e as MouseEvent).clientY);
        intercepting.missed = containsDeep(intercepting.el, hit) ? null : `<${hit?.tagName.toLowerCase() ?? 'nothing'}> received the click instead`;
      }
      if (intercepting.missed) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    { capture: true },
  );
}

/** After a pointer action armed by `pointerTarget`: why its events were stopped, or null (none were, or none came). */
export function intercepted(): string | null {
  const missed = intercepting?.missed ?? null;
  intercepting = null;
  return missed;
}

export function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  return `<${el.tagName.toLowerCase()}${id}${cls}> "${normalize(elementText(el)).slice(0, 60)}"`;
}

export { elementText };
