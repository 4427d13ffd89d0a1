// How this panel is shown (docked beside the page or floating), as its content script tells it
// (messaging/panel-layout-message.ts), and the switch between the two (the person's choice, remembered
// by panel-layout/preference.ts, which the content script follows).
import { signal } from '@preact/signals';
import { shownOf } from '../../messaging/panel-layout-message';
import { saveLayout, type PanelMode } from '../../panel-layout/preference';

/** null until the content script says (or in a window too narrow to dock: no switch to offer). */
export const shownAs = signal<{ mode: PanelMode; canDock: boolean } | null>(null);

window.addEventListener('message', (event) => {
  const shown = event.source === window.parent ? shownOf(event.data) : null;
  if (shown) shownAs.value = shown;
});

export const switchLayout = (mode: PanelMode) => saveLayout({ mode });
