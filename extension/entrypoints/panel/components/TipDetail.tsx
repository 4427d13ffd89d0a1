import { useEffect, useRef } from 'preact/hooks';
import { describeAnchor } from '../../../tips/anchor-words';
import { context } from '../store';
import { focusedTip } from '../tips-store';
import { Discussion } from './Discussion';
import { NoteCard } from './NoteCard';
import { Empty } from '@shared/ui/states';
import { AttachedTo } from './TipComposer';
import '../tips.css';

/** One tip with its discussion: where a click on its marker leads. */
export function TipDetail({ tipId }: { tipId: string }) {
  const ctx = context.value!;
  const tip = ctx.notes.find((n) => n.id === tipId);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), [tipId]);
  return (
    <div class="section" data-testid="tip-detail">
      <button ref={back} type="button" class="link back" onClick={() => (focusedTip.value = null)}>
        ← All notes and tips
      </button>
      {tip ? (
        <>
          <NoteCard note={tip} />
          {tip.anchor && <AttachedTo label={describeAnchor(tip.anchor)} />}
          <Discussion noteId={tip.id} pageKey={ctx.pageKey} />
        </>
      ) : (
        <Empty title="This tip is not here any more" message="It may have been deleted, or it is no longer shared with you." />
      )}
    </div>
  );
}
