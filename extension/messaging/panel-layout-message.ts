// How the content script tells its panel frame how it is shown: docked or floating, and whether this
// window has room to dock at all (the panel's header offers the switch only then). A window message to
// that frame alone, like the secret (panel-secret.ts); the host page can post one too, and all it could
// change is which switch the header shows, so the panel takes it as a hint, nothing more.
import type { PanelMode } from '../panel-layout/preference';

interface PanelShown {
  type: 'alongside:panel-shown';
  mode: PanelMode;
  canDock: boolean;
}

export const panelShown = (mode: PanelMode, canDock: boolean): PanelShown => ({ type: 'alongside:panel-shown', mode, canDock });

export function shownOf(data: unknown): Omit<PanelShown, 'type'> | null {
  const m = data as Partial<PanelShown> | null;
  return typeof m === 'object' && m?.type === 'alongside:panel-shown' && (m.mode === 'docked' || m.mode === 'floating') && typeof m.canDock === 'boolean'
    ? { mode: m.mode, canDock: m.canDock }
    : null;
}
