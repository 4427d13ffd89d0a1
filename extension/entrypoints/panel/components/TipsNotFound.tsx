import type { Note } from '@shared/contract';
import { describeAnchor } from '../../../tips/anchor-words';
import { context, me } from '../store';
import { startPinning, verify } from '../tips-actions';
import { missingUnfolded } from '../tips-store';
import { Markdown } from '@shared/ui/Markdown';
import { AttachedTo } from './TipComposer';
import { DisclosureMark } from './DisclosureMark';
import '../tips.css';

/** Who may confirm a tip (the API checks again): its author, a moderator, an expert for these pages. */
function canVerify(tip: Note): boolean {
  const who = me.value?.user;
  if (!who) return false;
  return tip.author.id === who.id || who.role !== 'member' || !!context.value?.experts.some((e) => e.user.id === who.id);
}

/**
 * Tips whose element this page does not show (anchoring gave up): each says what it was attached to
 * and can be pinned again; a flagged one can be confirmed by who is responsible for it. Above the
 * notes, where it is seen; its header folds it away.
 */
export function TipsNotFound({ tips }: { tips: Note[] }) {
  if (!tips.length) return null;
  const open = missingUnfolded.value;
  return (
    <section class="tips-missing" aria-labelledby="tips-missing-title" data-testid="tips-not-found">
      <h2>
        <button type="button" id="tips-missing-title" class="disclosure" aria-expanded={open} aria-controls="tips-missing-list" onClick={() => (missingUnfolded.value = !open)}>
          <DisclosureMark />
          <span>Not found on this page <span class="badge">{tips.length}</span></span>
        </button>
      </h2>
      <div id="tips-missing-list" class="tips-missing-list" hidden={!open}>
        {tips.map((tip) => (
          <article key={tip.id} class="card" aria-labelledby={`missing-${tip.id}`}>
            <header class="card-head">
              <span id={`missing-${tip.id}`} class="author">{tip.author.name}</span>
              <span class="tag tip">Tip</span>
              {tip.possiblyOutdated && (
                <span class="tag warn" title="Several colleagues' browsers could not find its element">Possibly outdated</span>
              )}
            </header>
            <Markdown source={tip.body} />
            {tip.anchor && <AttachedTo label={describeAnchor(tip.anchor)} />}
            <div class="actions">
              {tip.possiblyOutdated && canVerify(tip) && (
                <button type="button" class="ghost" onClick={() => void verify(tip.id)} title="It still points at the right element elsewhere">
                  Verify
                </button>
              )}
              <button type="button" class="primary" onClick={() => void startPinning(tip.id)}>Re-pin</button>
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
