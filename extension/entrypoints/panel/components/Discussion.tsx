import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteReply } from '@shared/contract';
import { timeAgo } from '@shared/ui/format';
import { onLive, resyncs } from '../live';
import { api, discussionShown, pendingReplies } from '../store';
import { postThroughOutbox, useComposer } from '../use-composer';
import { Markdown } from '@shared/ui/Markdown';
import { MarkdownEditor } from './MarkdownEditor';
import { PendingList } from './PendingList';
import '../tips.css';

/**
 * A note's (or tip's) discussion: the replies, oldest first, those waiting in the outbox, and a reply
 * form (its draft is kept). A reply is posted through the outbox like a note: with the server away it
 * waits here, and is sent when it is back.
 */
export function Discussion({ noteId, pageKey }: { noteId: string; pageKey: string }) {
  const [replies, setReplies] = useState<NoteReply[] | null>(null);
  const [failed, setFailed] = useState(false);
  const fetchReplies = () => api().call('GET /notes/{id}/replies', { params: { id: noteId } });
  const load = () => {
    setFailed(false);
    fetchReplies().then(setReplies, () => setFailed(true));
  };
  // A refetch of what is shown: a failure keeps it (the live stream's resync catches up).
  const refresh = () => fetchReplies().then(setReplies, () => undefined);
  const composer = useComposer(pageKey, `reply:${noteId}`, { body: '' }, {
    valid: (f) => f.body.trim() !== '',
    send: ({ body }) => postThroughOutbox({ kind: 'reply', pageKey, noteId, body: { body } }, refresh),
  });

  useEffect(load, [noteId, resyncs.value]);
  // A colleague's reply arrives live.
  useEffect(
    () =>
      onLive((e) => {
        if (e.kind === 'note.replied' && e.data.noteId === noteId) void refresh();
      }),
    [noteId],
  );
  // While shown, this note's waiting replies are here rather than in the page's pending list.
  useEffect(() => {
    discussionShown.value = noteId;
    return () => void (discussionShown.value = null);
  }, [noteId]);
  // One left the outbox (the background sent it, or it was discarded): the list as the server has it.
  const waiting = pendingReplies(noteId);
  const waited = useRef(waiting.length);
  useEffect(() => {
    if (waiting.length < waited.current) void refresh();
    waited.current = waiting.length;
  }, [waiting.length]);

  const body = composer.fields.body;
  return (
    <section class="discussion" aria-labelledby={`discussion-${noteId}`} aria-busy={replies === null && !failed}>
      <h2 id={`discussion-${noteId}`}>Discussion</h2>
      {failed ? (
        <p class="muted">
          The replies did not load. <button type="button" class="link" onClick={load}>Try again</button>
        </p>
      ) : replies === null ? (
        <div class="skeleton-line" aria-hidden="true" />
      ) : replies.length === 0 ? (
        <p class="muted">No replies yet.</p>
      ) : (
        <ul class="replies">
          {replies.map((r) => (
            <li key={r.id} class="reply" data-testid="reply">
              <div class="card-head">
                <span class="author">{r.author.name}</span>
                <time class="muted" dateTime={r.createdAt} title={new Date(r.createdAt).toLocaleString()}>{timeAgo(r.createdAt)}</time>
              </div>
              <Markdown source={r.body} />
            </li>
          ))}
        </ul>
      )}
      <PendingList items={waiting} label="Replies waiting to be sent" />
      <form class="composer compact" aria-label="Reply" onSubmit={composer.submit}>
        <MarkdownEditor label="Your reply" value={body} onInput={(v) => composer.update({ body: v })} rows={3} />
        <div class="actions">
          <button type="submit" class="primary" disabled={!composer.canSend}>Reply</button>
        </div>
      </form>
    </section>
  );
}
