import { useEffect, useState } from 'preact/hooks';
import type { NoteReply } from '@shared/contract';
import { timeAgo } from '../format';
import { onLive, resyncs } from '../live';
import { act, announce, api } from '../store';
import { useComposer } from '../use-composer';
import { Markdown } from './Markdown';
import { MarkdownEditor } from './MarkdownEditor';
import '../tips.css';

/** A note's (or tip's) discussion: the replies, oldest first, and a reply form (its draft is kept). */
export function Discussion({ noteId, pageKey }: { noteId: string; pageKey: string }) {
  const [replies, setReplies] = useState<NoteReply[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Replies go to the API at once (not through the outbox): a failure is announced and the text stays.
  const composer = useComposer(pageKey, `reply:${noteId}`, { body: '' }, {
    valid: (f) => f.body.trim() !== '',
    send: async ({ body }) => {
      const reply = await act('Replying', (a) => a.call('POST /notes/{id}/replies', { params: { id: noteId }, json: { body } }));
      if (reply) setReplies((list) => [...(list ?? []), reply]);
      return !!reply;
    },
    done: () => announce('Reply posted.'),
  });

  const fetchReplies = () => api().call('GET /notes/{id}/replies', { params: { id: noteId } });
  const load = () => {
    setFailed(false);
    fetchReplies().then(setReplies, () => setFailed(true));
  };
  useEffect(load, [noteId, resyncs.value]);
  // A colleague's reply arrives live; a failed refetch keeps what is shown (the stream recovers).
  useEffect(
    () =>
      onLive((e) => {
        if (e.kind === 'note.replied' && e.data.noteId === noteId) void fetchReplies().then(setReplies, () => undefined);
      }),
    [noteId],
  );

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
      <form class="composer compact" aria-label="Reply" onSubmit={composer.submit}>
        <MarkdownEditor label="Your reply" value={body} onInput={(v) => composer.update({ body: v })} rows={3} />
        <div class="actions">
          <button type="submit" class="primary" disabled={!composer.canSend}>Reply</button>
        </div>
      </form>
    </section>
  );
}
