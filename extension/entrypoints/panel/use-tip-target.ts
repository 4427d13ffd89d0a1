import { useEffect } from 'preact/hooks';
import { inboxOpen } from './focus';
import { section } from './store';
import { clearTarget, focusedTip, target } from './tips-store';

/**
 * What the page asked the panel to show: a clicked marker opens its tip's discussion (done once); a
 * pick opens the notes section, where the tip composer (or the re-pin card) shows it until posted.
 */
export function useTipTarget() {
  const t = target.value;
  useEffect(() => {
    if (!t) return;
    inboxOpen.value = false;
    section.value = 'notes';
    if (t.kind === 'tip') {
      focusedTip.value = t.tipId;
      void clearTarget();
    } else focusedTip.value = null;
  }, [t]);
}
