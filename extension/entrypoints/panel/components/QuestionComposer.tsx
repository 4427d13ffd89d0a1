import { useId, useState } from 'preact/hooks';
import type { Expert } from '../../../../shared/contract';
import { patternForPageKey } from '../../../../shared/urlpattern/page-pattern';
import { post } from '../store';
import { useDraft } from '../use-draft';
import { MarkdownEditor } from './MarkdownEditor';
import { VisibilityPicker } from './VisibilityPicker';

interface Props {
  pageKey: string;
  /** Asking the experts: they are named before sending. */
  experts: Expert[] | null;
  onDone: () => void;
}

export function QuestionComposer({ pageKey, experts, onDone }: Props) {
  const draft = useDraft(pageKey, 'question', { title: '', body: '', visibility: 'org', teamId: null });
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const { title = '', body, visibility = 'org', teamId = null } = draft.fields;
  const canPost = draft.ready && title.trim() !== '' && !(visibility === 'team' && !teamId) && !busy;

  return (
    <form
      class="composer"
      aria-label={experts ? 'Ask an expert' : 'New question'}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!canPost) return;
        setBusy(true);
        const result = await post({ kind: 'question', pageKey, body: { pattern: patternForPageKey(pageKey), title, body, visibility, teamId } });
        setBusy(false);
        if (result !== 'rejected') {
          await draft.clear();
          onDone();
        }
      }}
    >
      {experts && (
        <p class="notice" data-testid="expert-recipients">
          Will be seen by: <strong>{experts.map((e) => e.user.name).join(', ')}</strong>
        </p>
      )}
      <div class="field">
        <label for={titleId}>Question</label>
        <input id={titleId} type="text" value={title} autoFocus placeholder="What do you want to know?" onInput={(e) => draft.update({ title: e.currentTarget.value })} />
      </div>
      <MarkdownEditor label="Details (optional)" value={body} onInput={(v) => draft.update({ body: v })} rows={3} />
      <div class="composer-bar">
        <VisibilityPicker visibility={visibility} teamId={teamId} onChange={(v, t) => draft.update({ visibility: v, teamId: t })} />
        <div class="actions">
          <button type="button" class="ghost" onClick={onDone}>Close</button>
          <button type="submit" class="primary" disabled={!canPost}>{experts ? 'Ask the experts' : 'Ask'}</button>
        </div>
      </div>
    </form>
  );
}
