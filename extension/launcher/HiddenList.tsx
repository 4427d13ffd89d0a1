// The places the person hid the launcher, each with "Show again": in the panel (Shortcuts and launcher)
// and on the options page. It follows changes made anywhere (the launcher's own menu, the other page).
import { useEffect, useState } from 'preact/hooks';
import { hiddenLaunchers, hiding, onHiddenChange, showLauncher, type HiddenLauncher } from './hidden';
import './hidden-list.css';

const pathOf = (pageKey: string) => {
  try {
    const u = new URL(pageKey);
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return pageKey;
  }
};

const placeOf = (e: HiddenLauncher) => (e.kind === 'site' ? `all of ${e.siteName}` : `${e.siteName} · ${pathOf(e.key)}`);

/** `here`: the page the panel is on, so its own entry says so. */
export function HiddenList({ here }: { here?: { pageKey: string; origin: string } | null }) {
  const [all, setAll] = useState<HiddenLauncher[] | null>(null);
  useEffect(() => {
    void hiddenLaunchers().then(setAll);
    return onHiddenChange(setAll);
  }, []);
  if (!all) return <p class="muted">Reading where the launcher is hidden…</p>;
  if (all.length === 0) return <p class="muted" data-testid="hidden-launchers-empty">The launcher shows on every page of your apps.</p>;
  const mine = here ? hiding(all, here) : null;
  return (
    <ul class="hidden-launchers" data-testid="hidden-launchers">
      {all.map((e) => (
        <li key={`${e.kind}:${e.key}`} data-testid="hidden-launcher">
          <span class="hidden-place">
            <span title={e.key}>{placeOf(e)}</span>
            {e === mine && <span class="muted small"> (hiding it here)</span>}
          </span>
          <button type="button" class="secondary" aria-label={`Show again the launcher on ${placeOf(e)}`} onClick={() => void showLauncher(e)}>
            Show again
          </button>
        </li>
      ))}
    </ul>
  );
}
