import { useState } from 'preact/hooks';
import { patternForPageKey } from '@shared/page-key';
import { post } from '../store';
import { useDraft } from '../use-draft';
import { MarkdownEditor } from './MarkdownEditor';
import { VisibilityPicker } from './VisibilityPicker';

/** Add a note to this page. What is typed is a draft until posted; a post waits in the outbox if the server is down. */
export function NoteComposer({ pageKey, onDone }: { pageKey: string; onDone: () => void }) {
  const draft = useDraft(pageKey, 'note', { body: '', visibility: 'org', teamId: null });
  const [busy, setBusy] = useState(false);
  const { body, visibility = 'org', teamId = null } = draft.fields;
  const canPost = body.trim() !== '' && !(visibility === 'team' && !teamId) && !busy;

  return (
    <form
      class="composer"
      aria-label="New note"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!canPost) return;
        setBusy(true);
        const result = await post({ kind: 'note', pageKey, body: { pattern: patternForPageKey(pageKey), body, visibility, teamId } });
        setBusy(false);
        if (result !== 'rejected') {
          await draft.clear();
          onDone();
        }
      }}
    >
      <MarkdownEditor label="Note" value={body} onInput={(v) => draft.update({ body: v })} placeholder="What should colleagues know about this page?" autoFocus />
      <div class="composer-bar">
        <VisibilityPicker visibility={visibility} teamId={teamId} onChange={(v, t) => draft.update({ visibility: v, teamId: t })} />
        <div class="actions">
          <button type="button" class="ghost" onClick={onDone}>Close</button>
          <button type="submit" class="primary" disabled={!canPost}>Post note</button>
        </div>
      </div>
      {body.trim() && <p class="hint">Draft saved.</p>}
    </form>
  );
}
