// The launcher: a small button with the page's counts (notes, tips, open questions) that opens the
// panel. Plain DOM: this runs on every page of a granted site and must stay tiny.
import type { Counts, TabPage } from '../../messaging';
import { createElement, ownMarkup } from '../../host-page/document';
import { coversHostControl, DEFAULT_DOCK, dockAt, loadDock, saveDock, type DockPosition } from './dock';
import { describeCounts } from '@shared/text/page-counts';

const ICONS = {
  mark: '<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 19.2V16h0A2.5 2.5 0 0 1 4 14z"/>',
  note: '<path d="M6 4h9l4 4v12H6z M15 4v4h4"/>',
  tip: '<path d="M12 21s-6-5.3-6-10a6 6 0 0 1 12 0c0 4.7-6 10-6 10z"/><circle cx="12" cy="11" r="2"/>',
  question: '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17h0"/>',
} as const;

const svg = (name: keyof typeof ICONS) =>
  `<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${ICONS[name]}</svg>`;

/** What a screen reader hears, and the tooltip. */
function launcherLabel(counts: Counts | null, problem: TabPage['problem']): string {
  if (problem) return 'Alongside: needs your attention. Open the panel (Alt+Shift+A)';
  if (!counts) return 'Alongside: loading. Open the panel (Alt+Shift+A)';
  return `Alongside: ${describeCounts(counts)}. Open the panel (Alt+Shift+A)`;
}

interface Launcher {
  element: HTMLButtonElement;
  show(page: TabPage): void;
  setOpen(open: boolean): void;
  /** The side the panel opens on: the launcher's. */
  side(): DockPosition['side'];
  /** Once mounted: moves to the saved position, or off the host's controls. */
  settle(): Promise<void>;
}

export function createLauncher(onActivate: () => void): Launcher {
  const button = createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.dataset.testid = 'alongside-launcher';
  button.setAttribute('aria-expanded', 'false');
  button.append(
    ...ownMarkup(
      `<span class="mark">${svg('mark')}</span>` +
        `<span class="count" data-kind="notes">${svg('note')}<b></b></span>` +
        `<span class="count" data-kind="tips">${svg('tip')}<b></b></span>` +
        `<span class="count" data-kind="openQuestions">${svg('question')}<b></b></span>` +
        `<span class="alert" hidden>!</span>`,
    ),
  );

  let dock: DockPosition = DEFAULT_DOCK;
  const place = () => {
    button.dataset.side = dock.side;
    button.style.bottom = `${dock.bottom}px`;
  };
  place();
  // Where the user put it wins; the default place moves up, step by step, off the host page's own
  // controls (floating chat buttons, toolbars).
  const settle = () => loadDock().then((saved) => {
    if (saved) {
      dock = saved;
      place();
      return;
    }
    const host = button.getRootNode() instanceof ShadowRoot ? (button.getRootNode() as ShadowRoot).host : button;
    for (let step = 0; step < 8 && coversHostControl(button.getBoundingClientRect(), host); step++) {
      dock = { ...dock, bottom: dock.bottom + 48 };
      place();
    }
  });

  // Drag to move; on release it docks to the nearer edge. A press that did not move is a click.
  let drag: { startX: number; startY: number; moved: boolean } | null = null;
  button.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { startX: e.clientX, startY: e.clientY, moved: false };
    button.setPointerCapture(e.pointerId);
  });
  button.addEventListener('pointermove', (e) => {
    if (!drag) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < 5) return;
    drag.moved = true;
    button.classList.add('dragging');
    button.style.left = `${e.clientX - button.offsetWidth / 2}px`;
    button.style.right = 'auto';
    button.style.bottom = `${window.innerHeight - e.clientY - button.offsetHeight / 2}px`;
  });
  button.addEventListener('pointerup', (e) => {
    const wasDrag = drag?.moved;
    drag = null;
    if (!wasDrag) return;
    button.classList.remove('dragging');
    button.style.left = '';
    button.style.right = '';
    dock = dockAt(e.clientX, e.clientY, { width: window.innerWidth, height: window.innerHeight }, button.offsetHeight);
    place();
    void saveDock(dock);
    button.dataset.justDragged = '1';
  });
  button.addEventListener('click', () => {
    if (button.dataset.justDragged) {
      delete button.dataset.justDragged;
      return;
    }
    onActivate();
  });
  // Keyboard docking: Alt+Left / Alt+Right moves it to that edge.
  button.addEventListener('keydown', (e) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    dock = { ...dock, side: e.key === 'ArrowLeft' ? 'left' : 'right' };
    place();
    void saveDock(dock);
  });

  return {
    element: button,
    show(page) {
      const counts = page.counts;
      for (const el of button.querySelectorAll<HTMLElement>('.count')) {
        const n = counts ? counts[el.dataset.kind as keyof Counts] : 0;
        el.hidden = !n;
        el.querySelector('b')!.textContent = String(n);
      }
      button.querySelector<HTMLElement>('.alert')!.hidden = !page.problem;
      button.dataset.state = page.problem ? 'problem' : counts ? 'ready' : 'loading';
      const label = launcherLabel(counts, page.problem);
      button.setAttribute('aria-label', label);
      button.title = label;
    },
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
    },
    side: () => dock.side,
    settle,
  };
}
