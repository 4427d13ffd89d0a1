import { useState } from 'preact/hooks';
import type { PinPick } from '../../../messaging';
import { plainExcerpt } from '@shared/text/excerpt';
import { context } from '../store';
import { repin, startPinning } from '../tips-actions';
import { clearTarget } from '../tips-store';
import { AttachedTo } from './TipComposer';

/** A pick made to re-pin a tip: confirm it before the tip moves to the new element. */
export function RepinCard({ pick, tipId }: { pick: PinPick; tipId: string }) {
  const tip = context.value?.notes.find((n) => n.id === tipId);
  const [busy, setBusy] = useState(false);
  return (
    <section class="composer" aria-labelledby="repin-title">
      <h2 id="repin-title" class="author">Re-pin this tip?</h2>
      {tip && <p class="muted">“{plainExcerpt(tip.body, 120)}”</p>}
      <AttachedTo label={pick.label} />
      <div class="actions">
        <button type="button" class="ghost" onClick={() => void startPinning(tipId)}>Pick another</button>
        <button type="button" class="ghost" onClick={() => void clearTarget()}>Cancel</button>
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await repin(tipId, pick.anchor);
            setBusy(false);
          }}
        >
          Pin here
        </button>
      </div>
    </section>
  );
}
