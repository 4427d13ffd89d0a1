// The launcher: a small pill with the page's counts (notes, tips, open questions) that opens the panel.
// It sits on the left or right edge where nothing of the page is under it or right beside it
// (placement.ts), moves when the page changes there (layout-watch.ts), can be dragged or moved with
// Alt+arrows, and its "⋯" menu hides it on this page or this site (launcher/hidden.ts).
// Plain DOM: this runs on every page of a granted site and must stay tiny.
import type { Counts, TabPage } from '../../messaging';
import { askBackground } from '../../messaging';
import { createElement, ownMarkup, pageRoot } from '../../host-page/document';
import { hideLauncher, hiddenLaunchers, hiding, onHiddenChange, showLauncher, type HiddenLauncher } from '../../launcher/hidden';
import { defaultDock, dockAt, loadDock, saveDock, type DockPosition } from './dock';
import { createLauncherMenu } from './launcher-menu';
import { watchLayout, type LayoutWatch } from './layout-watch';
import { boxAt, coverCost, EDGE_MARGIN, findPlace, pointClassifier, type Box } from './placement';
import { describeCounts } from '@shared/text/page-counts';

const ICONS = {
  mark: '<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 19.2V16h0A2.5 2.5 0 0 1 4 14z"/>',
  note: '<path d="M6 4h9l4 4v12H6z M15 4v4h4"/>',
  tip: '<path d="M12 21s-6-5.3-6-10a6 6 0 0 1 12 0c0 4.7-6 10-6 10z"/><circle cx="12" cy="11" r="2"/>',
  question: '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17h0"/>',
  grip: '<circle cx="9" cy="6" r="1"/><circle cx="15" cy="6" r="1"/><circle cx="9" cy="12" r="1"/><circle cx="15" cy="12" r="1"/><circle cx="9" cy="18" r="1"/><circle cx="15" cy="18" r="1"/>',
  more: '<circle cx="6" cy="12" r="1"/><circle cx="12" cy="12" r="1"/><circle cx="18" cy="12" r="1"/>',
} as const;

const svg = (name: keyof typeof ICONS) =>
  `<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${ICONS[name]}</svg>`;

/** "Open the panel (Alt+Shift+A)", with the binding the person has now (none: no parentheses). */
const openWords = (shortcut: string) => `Open the panel${shortcut ? ` (${shortcut})` : ''}`;

/** What a screen reader hears, and the tooltip. */
export function launcherLabel(counts: Counts | null, problem: TabPage['problem'], shortcut: string): string {
  if (problem) return `Alongside: needs your attention. ${openWords(shortcut)}`;
  if (!counts) return `Alongside: loading. ${openWords(shortcut)}`;
  return `Alongside: ${describeCounts(counts)}. ${openWords(shortcut)}`;
}

/** How far Alt+Up / Alt+Down move it along its edge. */
const STEP = 48;
/** At most this often the launcher checks what is under it on a changing page. */
const CHECK_INTERVAL_MS = 200;

interface Launcher {
  /** Everything the launcher draws (the pill, its menu, its announcements): goes into the overlay. */
  root: HTMLElement;
  /** The button that opens the panel (focus returns to it). */
  element: HTMLButtonElement;
  show(page: TabPage): void;
  setOpen(open: boolean): void;
  /** The side the panel opens on: the launcher's. */
  side(): DockPosition['side'];
  /** Once mounted: takes the saved place (or the default), off what the page has there, and follows the page. */
  settle(): Promise<void>;
  /** Stops following the page (the UI was taken away). */
  stop(): void;
}

export function createLauncher(onActivate: () => void, options: { instrument?: boolean } = {}): Launcher {
  const root = createElement('div');
  root.className = 'launcher-layer';
  const pill = createElement('div');
  pill.className = 'launcher';
  pill.dataset.testid = 'alongside-launcher-pill';
  const grip = createElement('span');
  grip.className = 'grip';
  grip.append(...ownMarkup(svg('grip')));
  const button = createElement('button');
  button.type = 'button';
  button.className = 'open';
  button.dataset.testid = 'alongside-launcher';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-describedby', 'alongside-launcher-hint');
  button.append(
    ...ownMarkup(
      `<span class="mark">${svg('mark')}</span>` +
        `<span class="count" data-kind="notes">${svg('note')}<b></b></span>` +
        `<span class="count" data-kind="tips">${svg('tip')}<b></b></span>` +
        `<span class="count" data-kind="openQuestions">${svg('question')}<b></b></span>` +
        `<span class="alert" hidden>!</span>`,
    ),
  );
  const more = createElement('button');
  more.type = 'button';
  more.className = 'more';
  more.dataset.testid = 'alongside-launcher-more';
  more.setAttribute('aria-label', 'Launcher options');
  more.setAttribute('aria-haspopup', 'menu');
  more.setAttribute('aria-expanded', 'false');
  more.setAttribute('aria-controls', 'alongside-launcher-menu');
  more.append(...ownMarkup(svg('more')));
  const hint = createElement('span');
  hint.className = 'hint';
  hint.id = 'alongside-launcher-hint';
  hint.textContent = 'Drag to move · Alt+arrow keys · Shift+F10 for options';
  const menu = createLauncherMenu((open) => {
    more.setAttribute('aria-expanded', String(open));
    pill.classList.toggle('menu-open', open);
    if (!open) watch?.poke();
  });
  pill.append(grip, button, more, hint, menu.element);
  // Our words only: where it went, and how a hidden launcher comes back.
  const status = createElement('div');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  const toast = createElement('div');
  toast.className = 'toast';
  toast.dataset.testid = 'alongside-launcher-toast';
  toast.hidden = true;
  root.append(pill, toast, status);

  let page: TabPage | null = null;
  let hidden: HiddenLauncher[] = [];
  let shortcut = '';
  /** Where the person wants it (their saved place, else the default); `dock` is where it is now. */
  let wanted: DockPosition = defaultDock();
  let dock: DockPosition = wanted;
  /** What the person's own placement covered when they made it (kept with it): only more than that moves it. */
  let accepted = 0;
  let watch: LayoutWatch | null = null;
  let dragging = false;
  const stats = { probes: 0, ms: 0 };

  const place = (to: DockPosition) => {
    dock = to;
    pill.dataset.side = button.dataset.side = to.side;
    pill.style.bottom = `${to.bottom}px`;
    // The menu and the hint open towards the page's middle.
    pill.dataset.upper = String(to.bottom > innerHeight / 2);
  };
  place(dock);

  const viewport = () => {
    const html = pageRoot();
    return { width: html?.clientWidth || innerWidth, height: html?.clientHeight || innerHeight };
  };
  const size = () => ({ width: pill.offsetWidth, height: pill.offsetHeight });
  const shadowHost = () => {
    const node = root.getRootNode();
    return node instanceof ShadowRoot ? node.host : root;
  };
  const markerBoxes = (): Box[] => {
    const node = root.getRootNode();
    if (!(node instanceof ShadowRoot)) return [];
    return [...node.querySelectorAll<HTMLElement>('.tip-marker:not([hidden])')].map((m) => {
      const r = m.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
  };
  /** What the launcher would cover at `at` (nothing while it is not laid out: hidden, not yet mounted). */
  const costAt = (at: DockPosition, kindAt = pointClassifier(shadowHost()), markers = markerBoxes()) => {
    const { width, height } = size();
    return width && height ? coverCost(boxAt(at, { width, height }, viewport()), kindAt, markers) : 0;
  };
  const same = (a: DockPosition, b: DockPosition) => a.side === b.side && a.bottom === b.bottom;
  /** Not while the person is on it: no launcher moves away from the pointer or the keyboard. */
  const busy = () => dragging || menu.isOpen() || pill.matches(':hover') || pill.matches(':focus-within');

  /** The check on a page change: back to the wanted place once it is free, else off what it covers now. */
  function check() {
    if (pill.hidden || !pill.isConnected || busy()) return;
    const started = performance.now();
    const kindAt = pointClassifier(shadowHost());
    const markers = markerBoxes();
    const here = costAt(dock, kindAt, markers);
    if (!same(dock, wanted) && costAt(wanted, kindAt, markers) <= accepted) place(wanted);
    else if (here > (same(dock, wanted) ? accepted : 0)) place(findPlace(wanted, size(), viewport(), kindAt, markers));
    stats.probes++;
    stats.ms += performance.now() - started;
    if (options.instrument) {
      pill.dataset.probes = String(stats.probes);
      pill.dataset.probeMs = stats.ms.toFixed(2);
    }
  }

  /** The person put it here: remembered for the site, and what it covers now is theirs to accept. */
  function choose(to: DockPosition, words: string) {
    wanted = to;
    place(to);
    accepted = costAt(to);
    void saveDock({ ...to, covered: accepted });
    say(words);
  }
  const say = (words: string) => {
    status.textContent = words;
  };
  const edgeWords = (side: DockPosition['side']) => `Alongside launcher moved to the ${side} edge`;

  function applyHidden() {
    const by = page ? hiding(hidden, { pageKey: page.pageKey, origin: page.site.origin }) : null;
    const wasHidden = pill.hidden;
    pill.hidden = by !== null;
    if (wasHidden && !pill.hidden) {
      toast.hidden = true;
      watch?.poke();
    }
  }

  function hide(kind: HiddenLauncher['kind']) {
    if (!page) return;
    const entry: HiddenLauncher = { kind, key: kind === 'page' ? page.pageKey : page.site.origin, siteName: page.site.name };
    hidden = [...hidden, entry];
    applyHidden();
    void hideLauncher(entry);
    showToast(entry);
  }

  /** After hiding: what happened, how it comes back, and Undo. Focus goes there (the launcher is gone). */
  function showToast(entry: HiddenLauncher) {
    const text = createElement('p');
    text.textContent =
      `Launcher hidden on this ${entry.kind}. ${shortcut ? `The toolbar button and ${shortcut} still open` : 'The toolbar button still opens'} Alongside; ` +
      'its panel (Shortcuts and launcher) can show it again.';
    const undo = createElement('button');
    undo.type = 'button';
    undo.textContent = 'Undo';
    undo.addEventListener('click', () => {
      hidden = hidden.filter((e) => e.kind !== entry.kind || e.key !== entry.key);
      applyHidden();
      void showLauncher(entry);
      button.focus();
    });
    const ok = createElement('button');
    ok.type = 'button';
    ok.textContent = 'OK';
    ok.addEventListener('click', () => (toast.hidden = true));
    toast.replaceChildren(text, undo, ok);
    toast.setAttribute('role', 'status');
    // Where the launcher was: the person's eyes are there, and the place was free of the page's controls.
    toast.dataset.side = dock.side;
    toast.hidden = false;
    toast.style.bottom = `${Math.max(EDGE_MARGIN, Math.min(dock.bottom, innerHeight - toast.offsetHeight - EDGE_MARGIN))}px`;
    undo.focus();
  }
  toast.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') toast.hidden = true;
  });

  function openMenu() {
    const other = dock.side === 'left' ? 'right' : 'left';
    menu.open(
      [
        { id: 'side', label: `Move to the ${other} edge`, run: () => (choose({ ...wanted, side: other }, edgeWords(other)), more.focus()) },
        { id: 'hide-page', label: 'Hide on this page', run: () => hide('page') },
        { id: 'hide-site', label: 'Hide on this site', run: () => hide('site') },
      ],
      more,
    );
  }
  more.addEventListener('click', () => (menu.isOpen() ? menu.close(true) : openMenu()));
  pill.addEventListener('contextmenu', (e) => {
    if (menu.element.contains(e.target as Node)) return;
    e.preventDefault();
    openMenu();
  });

  // Drag to move (from the pill or its grip); on release it docks to the nearer edge. A press that did
  // not move is a click.
  let drag: { startX: number; startY: number; moved: boolean } | null = null;
  pill.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || more.contains(e.target as Node) || menu.element.contains(e.target as Node)) return;
    drag = { startX: e.clientX, startY: e.clientY, moved: false };
    pill.setPointerCapture(e.pointerId);
  });
  pill.addEventListener('pointermove', (e) => {
    if (!drag) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < 5) return;
    drag.moved = dragging = true;
    pill.classList.add('dragging');
    pill.style.left = `${e.clientX - pill.offsetWidth / 2}px`;
    pill.style.right = 'auto';
    pill.style.bottom = `${innerHeight - e.clientY - pill.offsetHeight / 2}px`;
  });
  pill.addEventListener('pointerup', (e) => {
    const wasDrag = drag?.moved;
    drag = null;
    dragging = false;
    if (!wasDrag) return;
    pill.classList.remove('dragging');
    pill.style.left = '';
    pill.style.right = '';
    const to = dockAt(e.clientX, e.clientY, viewport(), pill.offsetHeight);
    choose(to, edgeWords(to.side));
    button.dataset.justDragged = '1';
  });
  pill.addEventListener('pointerleave', () => watch?.poke());
  pill.addEventListener('focusout', () => watch?.poke());
  // On the pill, not the button: with the pointer captured by the pill, Chrome sends the click to it.
  pill.addEventListener('click', (e) => {
    if (more.contains(e.target as Node)) return;
    if (button.dataset.justDragged) {
      delete button.dataset.justDragged;
      return;
    }
    onActivate();
  });
  // Keyboard: Alt+Left / Alt+Right to that edge, Alt+Up / Alt+Down along it; Shift+F10 or the
  // context-menu key open the menu.
  pill.addEventListener('keydown', (e) => {
    if (menu.element.contains(e.target as Node)) return;
    if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
      e.preventDefault();
      openMenu();
      return;
    }
    if (!e.altKey) return;
    const { height } = viewport();
    const top = Math.max(EDGE_MARGIN, height - pill.offsetHeight - EDGE_MARGIN);
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const side = e.key === 'ArrowLeft' ? 'left' : 'right';
      choose({ ...dock, side }, edgeWords(side));
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const bottom = Math.min(Math.max(dock.bottom + (e.key === 'ArrowUp' ? STEP : -STEP), EDGE_MARGIN), top);
      const words = bottom === dock.bottom ? `Alongside launcher is at the ${e.key === 'ArrowUp' ? 'top' : 'bottom'}` : `Alongside launcher moved ${e.key === 'ArrowUp' ? 'up' : 'down'}`;
      choose({ ...dock, bottom }, words);
    } else return;
    e.preventDefault();
  });

  /**
   * The page's counts on the launcher. The background tells the page again whenever the panel reloads its
   * context, mostly with the same counts: only what changed is written, so the page lays out nothing then.
   */
  function show(next: TabPage) {
    page = next;
    const counts = next.counts;
    const label = launcherLabel(counts, next.problem, shortcut);
    const state = next.problem ? 'problem' : counts ? 'ready' : 'loading';
    if (label !== button.getAttribute('aria-label') || state !== button.dataset.state) {
      for (const el of button.querySelectorAll<HTMLElement>('.count')) {
        const n = counts ? counts[el.dataset.kind as keyof Counts] : 0;
        el.hidden = !n;
        el.querySelector('b')!.textContent = String(n);
      }
      button.querySelector<HTMLElement>('.alert')!.hidden = !next.problem;
      button.dataset.state = state;
      button.setAttribute('aria-label', label);
      button.title = label;
      watch?.poke(); // its size may have changed
    }
    applyHidden();
  }

  return {
    root,
    element: button,
    show,
    setOpen(open) {
      button.setAttribute('aria-expanded', String(open));
    },
    side: () => dock.side,
    async settle() {
      const [saved, all, shortcuts] = await Promise.all([
        loadDock(),
        hiddenLaunchers(),
        askBackground('commands:list', null).catch(() => []),
      ]);
      hidden = all;
      shortcut = shortcuts.find((s) => s.name === 'toggle-panel')?.shortcut ?? '';
      if (page) show(page);
      wanted = saved ? { side: saved.side, bottom: saved.bottom } : defaultDock();
      accepted = saved?.covered ?? 0;
      place(wanted);
      const stopHidden = onHiddenChange((next) => {
        hidden = next;
        applyHidden();
      });
      const layout = watchLayout(check, { interval: CHECK_INTERVAL_MS, also: [root.getRootNode()] });
      watch = { poke: layout.poke, stop: () => (layout.stop(), stopHidden()) };
      check();
    },
    stop() {
      watch?.stop();
      watch = null;
    },
  };
}
