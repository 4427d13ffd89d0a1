// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPinMode, type PinMode } from './pin-mode';

function setUp() {
  document.body.innerHTML = `
    <main>
      <div class="row"><p>Your session will expire soon, save your work.</p><button type="button">Dismiss</button></div>
      <div class="row"><p>Your session will expire soon, save your work.</p><button type="button">Dismiss</button></div>
      <div class="row"><p>Your session will expire soon, save your work.</p><button type="button">Dismiss</button></div>
      <p>Your session will expire soon, save your work.</p>
      <button type="button" data-testid="merge"><svg><path d="M0 0"/></svg> Merge account</button>
    </main>`;
  const host = document.createElement('alongside-overlay');
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.append(root);
  document.body.append(host);
  const pageClicks: EventTarget[] = [];
  document.addEventListener('click', (e) => pageClicks.push(e.target!));
  const onPick = vi.fn();
  const onCancel = vi.fn();
  const mode = startPinMode({ root, host, blocked: () => false, granted: [], hint: true, onPick, onCancel });
  return { root, mode, onPick, onCancel, pageClicks };
}

const hover = (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
const key = (k: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('pin mode', () => {
  let mode: PinMode | undefined;
  afterEach(() => mode?.stop());

  it('outlines and labels what a click would pick (a part of a button is the button), picks it, and the page never sees the click', () => {
    const t = setUp();
    mode = t.mode;
    const merge = document.querySelector('[data-testid="merge"]')!;
    hover(merge.querySelector('path')!);
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('button “Merge account”');
    expect(t.root.querySelector<HTMLElement>('.pin-outline')!.hidden).toBe(false);
    click(merge.querySelector('path')!);
    expect(t.onPick).toHaveBeenCalledWith(merge, undefined);
    expect(t.pageClicks).toEqual([]);
    expect(t.root.querySelector('.pin-hint')).toBeNull(); // pin mode ended
  });

  it('refuses an element with an indistinguishable twin, saying why, and stays in pin mode', () => {
    const t = setUp();
    mode = t.mode;
    const twin = document.querySelectorAll('.row button')[1]!;
    hover(twin);
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('button “Dismiss”: has look-alikes');
    click(twin);
    expect(t.onPick).not.toHaveBeenCalled();
    expect(t.root.querySelector('[role="status"]')!.textContent).toMatch(/^Cannot pin here: 2 other elements look the same/);
    // ArrowUp takes the enclosing element (itself one of three look-alike rows).
    key('ArrowUp');
    expect(t.root.querySelector('.pin-label')!.textContent).toMatch(/^element “Your session will expire soon.*”: has look-alikes$/);
  });

  it('checks look-alikes against the page as it is now: a change after hovering counts', async () => {
    const t = setUp();
    mode = t.mode;
    const [first, ...others] = [...document.querySelectorAll('.row')];
    const dismiss = first!.querySelector('button')!;
    hover(dismiss);
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('button “Dismiss”: has look-alikes');
    hover(document.querySelector('main > p')!);
    // The app rewrites the other rows' messages: the first row's button is told apart by its text now.
    others.forEach((row, i) => ((row.querySelector('p')!.firstChild as Text).data = `Message ${i}`));
    await new Promise((resolve) => setTimeout(resolve)); // mutation records arrive before the next event
    hover(dismiss);
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('button “Dismiss”');
    click(dismiss);
    expect(t.onPick).toHaveBeenCalledWith(dismiss, undefined);
  });

  it('enters open shadow roots: the button inside a component, not its host; ArrowUp climbs out to the host', () => {
    const t = setUp();
    mode = t.mode;
    const card = document.createElement('x-card');
    card.attachShadow({ mode: 'open' }).innerHTML = '<h2>INV-1042</h2><div class="actions"><button type="button">Approve</button></div>';
    document.querySelector('main')!.append(card);
    const approve = card.shadowRoot!.querySelector('button')!;
    hover(approve);
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('button “Approve”');
    key('ArrowUp');
    key('ArrowUp');
    expect(t.root.querySelector('.pin-label')!.textContent).toBe('element “INV-1042 Approve”');
    click(approve);
    expect(t.onPick).toHaveBeenCalledWith(approve, undefined);
    expect(t.pageClicks).toEqual([]);
  });

  it('Escape leaves: the page gets its clicks back', () => {
    const t = setUp();
    key('Escape');
    expect(t.onCancel).toHaveBeenCalledOnce();
    expect(t.root.children).toHaveLength(0);
    click(document.querySelector('[data-testid="merge"]')!);
    expect(t.pageClicks).toHaveLength(1);
  });
});
