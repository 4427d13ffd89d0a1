import { shownAs, switchLayout } from '../layout';

const DOCK = <path d="M4 5h16v14H4z M14 5v14" />;
const FLOAT = <path d="M4 5h16v14H4z M11 9h6v6h-6z" />;

/** The header's switch between docked beside the page and floating over it; absent where only floating fits. */
export function LayoutSwitch() {
  const shown = shownAs.value;
  if (!shown?.canDock) return null;
  const docked = shown.mode === 'docked';
  const label = docked ? 'Float the panel over the page' : 'Dock the panel beside the page';
  return (
    <button type="button" class="icon" aria-label={label} title={label} onClick={() => void switchLayout(docked ? 'floating' : 'docked')}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round">{docked ? FLOAT : DOCK}</svg>
    </button>
  );
}
