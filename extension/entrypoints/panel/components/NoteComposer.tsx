import { patternForPageKey } from '@shared/page-key';
import { postThroughOutbox, useComposer } from '../use-composer';
import { MarkdownEditor } from './MarkdownEditor';
import { VisibilityPicker, visibilityChosen } from './VisibilityPicker';

/** Add a note to this page. What is typed is a draft until posted; a post waits in the outbox if the server is down. */
export function NoteComposer({ pageKey, onDone }: { pageKey: string; onDone: () => void }) {
  const composer = useComposer(pageKey, 'note', { body: '', visibility: 'org', teamId: null }, {
    valid: (f) => f.body.trim() !== '' && visibilityChosen(f),
    send: ({ body, visibility = 'org', teamId = null }) =>
      postThroughOutbox({ kind: 'note', pageKey, body: { pattern: patternForPageKey(pageKey), body, visibility, teamId } }),
    done: onDone,
  });
  const { body, visibility = 'org', teamId = null } = composer.fields;

  return (
    <form class="composer" aria-label="New note" onSubmit={composer.submit}>
      <MarkdownEditor label="Note" value={body} onInput={(v) => composer.update({ body: v })} placeholder="What should colleagues know about this page?" autoFocus />
      <div class="composer-bar">
        <VisibilityPicker visibility={visibility} teamId={teamId} onChange={(v, t) => composer.update({ visibility: v, teamId: t })} />
        <div class="actions">
          <button type="button" class="ghost" onClick={onDone}>Close</button>
          <button type="submit" class="primary" disabled={!composer.canSend}>Post note</button>
        </div>
      </div>
      {body.trim() && <p class="hint">Draft saved.</p>}
    </form>
  );
}
