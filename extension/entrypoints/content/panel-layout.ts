// Where the open panel sits: docked beside the page (the default: the page makes room, nothing of the
// app is under it) or floating over it, as the person chose in the panel's header (storage.local, every
// site alike). A window too narrow to give the page room shows the floating card whatever the choice.
import { canDock, clampWidth, DEFAULT_LAYOUT, loadLayout, MIN_WIDTH, maxWidthFor, saveLayout, watchLayout, type PanelLayout, type PanelMode } from '../../panel-layout/preference';
import { panelShown } from '../../messaging/panel-layout-message';
import { createHostRoom, viewportWidth, type Side } from './host-room';
import { createResizer, type Resizer } from './panel-resizer';

interface Attached {
  frame: HTMLIFrameElement;
  side: Side;
  resizer: Resizer;
  /** Tells the panel how it is shown, once its document is ours (see panel-frame.ts). */
  tell: (message: unknown) => void;
  stopWatching: () => void;
}

export interface PanelLayoutControl {
  /** Lays out a panel frame just put into `container`, on `side`. */
  attach(frame: HTMLIFrameElement, side: Side, tell: (message: unknown) => void): void;
  /** The panel closes: the host page returns to exactly how it was. */
  detach(): void;
}

export function createPanelLayout(container: HTMLElement, ownHost: Element): PanelLayoutControl {
  let layout: PanelLayout = DEFAULT_LAYOUT;
  const loaded = loadLayout().then((l) => (layout = l), () => layout);
  let attached: Attached | null = null;
  let room: ReturnType<typeof createHostRoom> | null = null;
  let shown: PanelMode | null = null;
  let frameRequest = 0;

  /** Applies `layout` to the attached frame for the current window, at most once a frame. */
  function schedule() {
    if (frameRequest) return;
    frameRequest = requestAnimationFrame(() => {
      frameRequest = 0;
      place();
    });
  }

  let draftWidth: number | null = null;
  function place() {
    if (!attached) return;
    const { frame, side, resizer } = attached;
    const viewport = viewportWidth();
    const docked = layout.mode === 'docked' && canDock(viewport);
    const wasShown = shown;
    shown = docked ? 'docked' : 'floating';
    frame.dataset.layout = shown;
    if (docked) {
      const width = clampWidth(draftWidth ?? layout.width, viewport);
      frame.style.setProperty('--panel-width', `${width}px`);
      room ??= createHostRoom(ownHost);
      room.set(side, width);
      if (wasShown !== 'docked') room.rescan();
      resizer.show(side, width, MIN_WIDTH, maxWidthFor(viewport));
    } else {
      room?.release();
      room = null;
      resizer.hide();
    }
    if (wasShown !== shown) attached.tell(panelShown(shown, canDock(viewport)));
  }

  const onWindowResize = () => {
    schedule();
    // Fixed elements of the host may now reach under the panel (a layout for another width).
    if (room) requestAnimationFrame(() => room?.rescan());
  };

  return {
    attach(frame, side, tell) {
      const resizer = createResizer(frame, (width, done) => {
        if (!done) {
          draftWidth = width;
          return schedule();
        }
        draftWidth = null;
        layout = { ...layout, width: clampWidth(width, viewportWidth()) };
        place();
        room?.rescan();
        void saveLayout({ width: layout.width });
      });
      container.append(resizer.element);
      const stopWatching = watchLayout((next) => {
        layout = next;
        schedule();
      });
      window.addEventListener('resize', onWindowResize);
      attached = { frame, side, resizer, tell, stopWatching };
      shown = null;
      place();
      // The stored choice, the first time it is known (the default until then).
      void loaded.then(() => place());
    },
    detach() {
      if (!attached) return;
      attached.stopWatching();
      attached.resizer.element.remove();
      window.removeEventListener('resize', onWindowResize);
      cancelAnimationFrame(frameRequest);
      frameRequest = 0;
      room?.release();
      room = null;
      attached = null;
      shown = null;
      draftWidth = null;
    },
  };
}
