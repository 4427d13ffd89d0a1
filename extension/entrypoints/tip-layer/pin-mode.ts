/**
 * Pin mode: the user points at the element a tip is for. Hovering outlines the element that would be
 * picked (a box drawn in our shadow root, the host's elements are never styled) with a label of what
 * it is; a click picks it and never reaches the host app; selecting text inside an element picks it
 * with that text as the quote. Keyboard: Tab / Shift+Tab and the arrow keys move the outline among
 * visible elements, ArrowUp goes to the enclosing element, Enter picks, Escape leaves. Elements that
 * cannot be told apart from a twin are refused, saying why. A hint bar (role=status) explains it all.
 * Web components are entered: the pointer's element is the innermost of the event's composed path (not
 * the outermost shadow host it is retargeted to), the keyboard steps through open shadow roots in the
 * order shown (slots included), and ArrowUp climbs out through the hosts. A closed shadow root cannot
 * be entered: its host is what a pick there takes, and the label says so. Frames of the app's origin
 * are entered the same way (pin mode listens in their windows too). A frame of another granted site runs
 * pin mode itself (the frame script, entrypoints/frame-agent/, without a hint bar of its own). Any other
 * site's frame cannot be read, so a shield of ours covers it while pin mode is on: what is pointed at
 * there is refused, saying why, and no click or key reaches it (focus in it is taken back to the hint
 * bar, where Escape works).
 */
import { stableAttributes } from '../../anchoring/attributes';
import { flatContains, flatParent, hasClosedShadowRoot, walkFlat } from '../../anchoring/composed';
import { pinnability } from '../../anchoring/pinnability';
import { PageSnapshot } from '../../anchoring/snapshot';
import { describeAnchor } from '../../tips/anchor-words';
import { bodyOf, createElement, pageBody, rootOf } from '../../host-page/document';
import { frameDocument, framesIn, isFrame, viewportRect, type FrameElement } from '../../host-page/frames';

interface PinModeOptions {
  /** Our container in the shadow root, where the outline and the hint bar go. */
  root: HTMLElement;
  /** Our shadow host: events inside it are ours, not the host page's. */
  host: Element;
  /** Whether an element is out of reach behind the app's modal dialog: the keyboard skips it. */
  blocked(element: Element): boolean;
  /** The origins of other sites' frames that run pin mode themselves: not shielded. */
  granted: string[];
  /** Whether to show the hint bar (the tab's page does; a frame's pin mode says nothing of its own). */
  hint: boolean;
  /** A pinnable element was picked (with the user's text selection inside it, if any). */
  onPick(element: Element, selection: Range | undefined): void;
  /** Pin mode ended without a pick (Escape, Cancel). */
  onCancel(): void;
}

export interface PinMode {
  stop(): void;
}

const INTRO =
  'Pin mode: click an element, or select text in it, to pin a tip to it. Keyboard: Tab or the arrow keys move, ArrowUp takes the enclosing element, Enter picks, Escape leaves.';
const OTHER_SITE = 'Cannot pin here: this part of the page is a frame from another site, which the extension cannot read. Tips can be pinned to the rest of the page.';

/** What a click on a part of a control means: the control (the icon inside a button is the button). */
const CONTROL = 'a[href],button,input,select,textarea,label,summary,[role="button"],[role="link"],[role="tab"],[role="menuitem"],[role="checkbox"]';
/** What the keyboard steps through: controls, and text-bearing blocks a tip is often about. */
const STOPS = `${CONTROL},[tabindex]:not([tabindex="-1"]),h1,h2,h3,h4,h5,h6,th,td,li,dt,dd,p,img,label`;

const visible = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && (el.checkVisibility?.() ?? true);
};

/** What the outline's label says: the same words the panel will use for the pick (its text as shown). */
function wordsFor(element: Element, snapshot: PageSnapshot): string {
  const words = describeAnchor({
    selector: [
      { type: 'AttributeSelector', tag: element.localName, attributes: stableAttributes(element) },
      { type: 'TextQuoteSelector', exact: snapshot.text.textOf(element, 200) },
    ],
  });
  return hasClosedShadowRoot(element) ? `${words} (a closed component: the tip goes on all of it)` : words;
}

const isElement = (n: EventTarget): n is Element => (n as Node).nodeType === Node.ELEMENT_NODE;

/** The enclosing element as shown: out of a shadow root to its host; a slot (it has no box) is passed. */
function enclosing(el: Element): Element | null {
  let parent = flatParent(el);
  while (parent?.localName === 'slot') parent = flatParent(parent);
  return parent;
}

export function startPinMode(options: PinModeOptions): PinMode {
  const { root, host } = options;
  const win = window;

  const outline = createElement('div');
  outline.className = 'pin-outline';
  outline.hidden = true;
  const label = createElement('div');
  label.className = 'pin-label';
  label.hidden = true;
  const bar = createElement('div');
  bar.className = 'pin-hint';
  bar.dataset.testid = 'alongside-pin-hint';
  const message = createElement('span');
  message.setAttribute('role', 'status');
  message.textContent = INTRO;
  const cancel = createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', () => leave());
  bar.append(message, cancel);
  root.append(outline, label);
  if (options.hint) root.append(bar);

  let current: Element | null = null;
  let refusal: string | null = null;
  /** A text selection was just picked on mouseup: the click that follows is not a second pick. */
  let swallowClick = false;
  /**
   * What the outline's check reads of the page (its text), built once and kept while the page's
   * content does not change: hovering does not walk the whole page at each new element. A pick checks
   * afresh.
   */
  let snapshot: PageSnapshot | null = null;
  const changes = new MutationObserver(() => (snapshot = null));
  const OBSERVED: MutationObserverInit = { subtree: true, childList: true, characterData: true };
  changes.observe(document, OBSERVED);
  /** The page as it is now; its open shadow roots are observed too, so a change in a component counts. */
  function currentSnapshot(): PageSnapshot {
    if (snapshot) return snapshot;
    snapshot = new PageSnapshot(document);
    for (const scope of snapshot.scopes.slice(1)) changes.observe(scope, OBSERVED);
    return snapshot;
  }

  const ours = (e: Event) => e.composedPath().includes(host);
  /** An element of the app (a frame's too), not a document's root or body, nor ours. */
  const inPage = (el: Element | null): el is Element =>
    !!el && el !== rootOf(el.ownerDocument) && el !== bodyOf(el.ownerDocument) && !flatContains(host, el);

  /**
   * What a pointer event would pick, from its composed path (the innermost element first, up through
   * open shadow roots and slots): the control it is part of (the icon inside a button is the button),
   * an inline SVG's holder, else the element itself.
   */
  function pickable(e: Event): Element | null {
    const path = e.composedPath().filter(isElement);
    const target = path[0];
    if (!target) return null;
    const control = path.find((el) => el.matches(CONTROL));
    if (control) return control;
    const svg = target instanceof SVGElement ? path.findIndex((el) => el.localName === 'svg') : -1;
    return svg >= 0 ? (path[svg + 1] ?? target) : target;
  }

  function highlight(el: Element | null) {
    current = el;
    if (!el) {
      outline.hidden = label.hidden = true;
      return;
    }
    const check = pinnability(el, { snapshot: currentSnapshot() });
    refusal = check.ok
      ? null
      : `Cannot pin here: ${check.twins} other element${check.twins === 1 ? ' looks' : 's look'} the same, so a tip could land on the wrong one. Pick a more distinctive element (ArrowUp: the enclosing one).`;
    outline.classList.toggle('refused', !check.ok);
    label.classList.toggle('refused', !check.ok);
    const words = wordsFor(el, currentSnapshot());
    label.textContent = check.ok ? words : `${words}: has look-alikes`;
    outline.hidden = label.hidden = false;
    place();
  }

  function place() {
    placeShields();
    if (!current) return;
    if (!current.isConnected) return highlight(null);
    const box = viewportRect(current);
    Object.assign(outline.style, { left: `${box.left - 3}px`, top: `${box.top - 3}px`, width: `${box.width + 6}px`, height: `${box.height + 6}px` });
    const above = box.top > 28;
    Object.assign(label.style, {
      left: `${Math.max(4, Math.min(box.left - 3, win.innerWidth - 260))}px`,
      top: above ? `${box.top - 27}px` : `${box.bottom + 5}px`,
    });
  }

  function say(text: string) {
    message.textContent = text;
  }

  /** Another site's frame pointed at: outlined as refused, and the hint says why. */
  function refuseFrame(frame: FrameElement) {
    current = frame;
    refusal = OTHER_SITE;
    outline.classList.add('refused');
    label.classList.add('refused');
    label.textContent = 'frame from another site: cannot pin inside';
    outline.hidden = label.hidden = false;
    place();
    say(OTHER_SITE);
  }

  /** Whether a frame shows another granted site, whose frame script runs pin mode there (by its address). */
  const runsPinMode = (frame: FrameElement) => {
    if (frameDocument(frame)) return false;
    try {
      return options.granted.includes(new URL(frame.src, frame.ownerDocument.baseURI).origin);
    } catch {
      return false;
    }
  };

  /** Shields over the frames of other origins (in the page and in its readable frames), kept on them. */
  const shields = new Map<FrameElement, HTMLDivElement>();
  function placeShields() {
    for (const [frame, shield] of shields) {
      const box = viewportRect(frame);
      shield.hidden = !frame.isConnected || box.width === 0;
      Object.assign(shield.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    }
  }
  function shield(frame: FrameElement) {
    if (shields.has(frame) || runsPinMode(frame)) return;
    const cover = createElement('div');
    cover.className = 'pin-shield';
    cover.addEventListener('pointermove', () => current !== frame && refuseFrame(frame));
    cover.addEventListener('click', () => refuseFrame(frame));
    outline.before(cover);
    shields.set(frame, cover);
  }

  function pick(el: Element, selection?: Range) {
    if (isFrame(el) && !frameDocument(el)) return refuseFrame(el);
    snapshot = null;
    const check = pinnability(el, { snapshot: currentSnapshot() });
    if (!check.ok) {
      highlight(el);
      say(refusal ?? INTRO);
      return;
    }
    end();
    options.onPick(el, selection);
  }

  /**
   * The visible stops in the order shown (through open shadow roots, slotted content where its slot is),
   * and where the element `from` starts and ends among them.
   */
  function stopsAround(from: Element | null): { stops: Element[]; start: number; end: number } {
    const stops: Element[] = [];
    let start = -1;
    let end = -1;
    const body = pageBody();
    if (body) {
      walkFlat(body, {
        enter: (el) => {
          if (el === host) return false;
          if (el === from) start = stops.length;
          if (el !== body && el.matches(STOPS) && visible(el) && !options.blocked(el)) stops.push(el);
        },
        leave: (el) => {
          if (el === from) end = stops.length;
        },
      });
    }
    return { stops, start, end };
  }

  function step(direction: 1 | -1) {
    const { stops, start, end } = stopsAround(current);
    if (!stops.length) return;
    let index: number;
    if (!current) index = direction === 1 ? 0 : stops.length - 1;
    else {
      const from = current;
      const at = stops.indexOf(from);
      if (at >= 0) index = at + direction;
      else if (direction === 1) {
        // The outline is on an enclosing element: Tab goes to the first stop after it, Shift+Tab to the last before it.
        index = end;
      } else {
        index = stops.findLastIndex((el, i) => i < start && !flatContains(el, from));
      }
    }
    const next = stops[(index + stops.length) % stops.length]!;
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    highlight(next);
  }

  const block = (e: Event) => {
    if (!ours(e)) e.stopImmediatePropagation();
  };
  const onMove = (e: MouseEvent) => {
    if (ours(e)) return;
    const target = pickable(e);
    // A granted site's frame outlines what is pointed at inside it.
    if (target && isFrame(target) && runsPinMode(target)) highlight(null);
    else if (target !== current && inPage(target)) highlight(target);
  };
  /** The pointer left this document (for a frame, or out of the window): its outline goes. */
  const onOut = (e: MouseEvent) => {
    if (!e.relatedTarget && !ours(e)) highlight(null);
  };
  const onMouseUp = (e: MouseEvent) => {
    if (ours(e)) return;
    e.stopImmediatePropagation();
    // The selection of the window the pointer is in: the page's, or a frame's.
    const selection = ((e.view as Window | null) ?? win).getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const node = range.commonAncestorContainer;
    const el = node instanceof Element ? node : node.parentElement;
    if (!inPage(el) || !range.toString().trim()) return;
    swallowClick = true;
    pick(el, range);
  };
  const onClick = (e: MouseEvent) => {
    if (ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    const target = pickable(e);
    if (inPage(target)) pick(target);
  };
  const onKey = (e: KeyboardEvent) => {
    if (ours(e) && e.target === cancel && (e.key === 'Enter' || e.key === ' ')) return;
    let handled = true;
    if (e.key === 'Escape') leave();
    else if (e.key === 'Tab') step(e.shiftKey ? -1 : 1);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') step(1);
    else if (e.key === 'ArrowLeft') step(-1);
    else if (e.key === 'ArrowUp') {
      const parent = current ? enclosing(current) : null;
      if (inPage(parent)) highlight(parent);
    } else if (e.key === 'Enter' && current) pick(current);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  /** The keys pin mode answers: their keyup does not reach the app either. */
  const PIN_KEYS = new Set(['Escape', 'Tab', 'ArrowDown', 'ArrowRight', 'ArrowLeft', 'ArrowUp', 'Enter']);
  const onKeyUp = (e: KeyboardEvent) => {
    if (!ours(e) && PIN_KEYS.has(e.key)) e.stopImmediatePropagation();
  };
  const onScroll = () => place();
  const onFrameLoad = (e: Event) => {
    if (e.target instanceof Element && isFrame(e.target)) listenInFrames();
  };
  // Keys typed in another site's frame never reach us: focus that goes there (the app's script, say)
  // comes back out to the hint bar, where Escape works.
  const takeFocusBack = () => {
    if (!windows.size) return; // pin mode has ended
    const focused = document.activeElement;
    if (focused && isFrame(focused) && shields.has(focused)) cancel.focus();
  };
  const onBlur = (e: Event) => {
    if (e.target === win) setTimeout(takeFocusBack);
  };

  const listeners: Array<[string, EventListener]> = [
    ['pointermove', onMove as EventListener],
    ['mouseover', onMove as EventListener],
    ['mouseout', onOut as EventListener],
    ['pointerdown', block],
    ['mousedown', block],
    ['pointerup', block],
    ['mouseup', onMouseUp as EventListener],
    ['click', onClick as EventListener],
    ['dblclick', block],
    ['auxclick', block],
    ['keydown', onKey as EventListener],
    ['keyup', onKeyUp as EventListener],
    ['scroll', onScroll],
    ['resize', onScroll],
    ['load', onFrameLoad],
    ['blur', onBlur],
  ];
  /** The windows listened in: the page's and its readable frames' (a frame that loads a page is a new one). */
  const windows = new Set<Window>();
  function listenIn(w: Window) {
    if (windows.has(w)) return;
    windows.add(w);
    for (const [type, fn] of listeners) w.addEventListener(type, fn, { capture: true });
  }
  function listenInFrames() {
    const { readable, unreadable } = framesIn(document);
    for (const { doc } of readable) if (doc.defaultView) listenIn(doc.defaultView);
    for (const frame of unreadable) shield(frame);
    placeShields();
  }
  listenIn(win);
  listenInFrames();
  takeFocusBack();

  let ended = false;
  function end() {
    if (ended) return;
    ended = true;
    changes.disconnect();
    snapshot = null;
    for (const w of windows) for (const [type, fn] of listeners) w.removeEventListener(type, fn, { capture: true });
    windows.clear();
    for (const cover of shields.values()) cover.remove();
    shields.clear();
    outline.remove();
    label.remove();
    bar.remove();
  }
  function leave() {
    end();
    options.onCancel();
  }
  return { stop: end };
}
