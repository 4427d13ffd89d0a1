// Keeps the in-page layer (launcher, panel, pin mode, markers) above whatever the host app shows: its
// shadow host is a manual popover, so it sits in the browser's top layer, over any z-index, and is raised
// again when the app puts something newer there (a dialog or popover opened after ours).
//
// Checked in Chromium 156 and Firefox ESR 153: a popover shown above a modal <dialog> is painted above it
// but is inert (it takes no focus, clicks go through to the dialog), as the HTML standard says: a modal
// dialog makes everything but its own flat-tree descendants inert. So while the app shows a modal dialog,
// our host is parked inside the topmost one (its last child) and shown again: the top layer still puts it
// over the dialog and lays it out against the viewport (the dialog's transforms and clipping do not
// apply), and it is interactive. It goes back to the body when the dialog closes. Both browsers have
// moveBefore, which moves it without unloading the panel's frame or losing focus.
//
// Our popover is manual: it takes no focus when shown, no light dismiss and no Escape, so the app's
// dialog keeps its keys, Escape and focus. The app's code sees one extra child in its open dialog, its
// text and controls none (they are in our shadow root).
import { pageBody, pageRoot } from '../host-page/document';

export interface TopLayer {
  /** Shows the host in the top layer (it was just put into the page) and starts following the app's. */
  start(): void;
  stop(): void;
  /** The app's topmost modal dialog while one is open: everything of the page outside it is inert. */
  blocker(): Element | null;
  /** Calls `listener` after each move or raise (a dialog opened or closed); answers how to stop. */
  onChange(listener: () => void): () => void;
}

type Parent = Node & ParentNode;

/** Moves without unloading frames where the browser can (moveBefore), else appends. */
function moveInto(parent: Parent, node: Element) {
  const move = (parent as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
  if (move && node.isConnected && parent.isConnected) {
    try {
      move.call(parent, node, null);
      return;
    } catch {
      // Not movable atomically (another document, a parent outside the shadow-including tree): append.
    }
  }
  parent.append(node);
}

export function createTopLayer(host: HTMLElement): TopLayer {
  host.setAttribute('popover', 'manual');
  /** The modal dialogs open now, in the order they opened (the last is on top). */
  let modals: Element[] = [];
  const listeners = new Set<() => void>();
  let running = false;

  const shown = () => host.matches(':popover-open');
  function raise() {
    if (!host.isConnected) return;
    if (shown()) host.hidePopover();
    host.showPopover();
  }

  /** Puts the host where it must be (the topmost modal dialog, else the body) and on top. */
  function sync(raiseAnyway: boolean) {
    // Through the root element: the page can shadow `document.querySelectorAll` (host-page/document.ts).
    const open = new Set(pageRoot()?.querySelectorAll('dialog:modal') ?? []);
    modals = [...modals.filter((d) => open.has(d)), ...[...open].filter((d) => !modals.includes(d))];
    const parent: Parent | null = modals.at(-1) ?? pageBody();
    if (!parent) return;
    const moved = host.parentNode !== parent;
    if (moved) moveInto(parent, host);
    if (moved || raiseAnyway || !shown()) {
      raise();
      for (const listener of listeners) listener();
    }
  }

  // A dialog opens or closes (showModal and close set and remove `open`), or the app removes nodes (an
  // open dialog with our host in it, or our host itself): cheap checks first, the whole sync only then.
  const mutations = new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes' && (r.target as Element).localName === 'dialog')) sync(true);
    else if (!host.isConnected || (modals.length && !modals.at(-1)!.isConnected)) sync(false);
  });
  // An app popover (not an attribute change) entered the top layer after ours. The event does not
  // bubble; in capture it passes the window for popovers anywhere in the document.
  const onToggle = (e: Event) => {
    const target = e.target as Element;
    if (target !== host && target.hasAttribute?.('popover') && (e as ToggleEvent).newState === 'open') sync(true);
  };

  return {
    start() {
      if (running) return;
      running = true;
      mutations.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
      addEventListener('toggle', onToggle, { capture: true });
      sync(true);
    },
    stop() {
      running = false;
      mutations.disconnect();
      removeEventListener('toggle', onToggle, { capture: true });
      modals = [];
      if (shown()) host.hidePopover();
    },
    blocker: () => modals.at(-1) ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
