import { useState } from 'preact/hooks';
import type { Note } from '@shared/contract';
import { timeAgo, visibilityLabel } from '@shared/ui/format';
import { act, announce, context, load, me } from '../store';
import { Markdown } from '@shared/ui/Markdown';
import { MarkdownEditor } from './MarkdownEditor';
import { VoteButton } from './VoteButton';

function replaceNote(next: Note) {
  const ctx = context.value;
  if (ctx) context.value = { ...ctx, notes: ctx.notes.map((n) => (n.id === next.id ? next : n)) };
}

/** `offScreen`: a tip whose record the page's scrolling list does not show now (no marker until it does). */
export function NoteCard({ note, offScreen = false }: { note: Note; offScreen?: boolean }) {
  const own = note.author.id === me.value?.user.id;
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);

  return (
    <article class="card" aria-labelledby={`note-${note.id}`}>
      <header class="card-head">
        <span id={`note-${note.id}`} class="author">{note.author.name}</span>
        {note.anchor && <span class="tag tip" title="A tip is pinned to an element of the page">Tip</span>}
        {offScreen && <span class="tag" title="Its record is not shown in the page's list now: scroll the list to it to see the marker">Not on screen now</span>}
        {note.possiblyOutdated && <span class="tag" title="Colleagues' browsers could not find the element this tip is pinned to">Possibly outdated</span>}
        {note.visibility !== 'org' && <span class="tag">{visibilityLabel[note.visibility]}</span>}
        <time class="muted" dateTime={note.createdAt} title={new Date(note.createdAt).toLocaleString()}>{timeAgo(note.createdAt)}</time>
      </header>
      {editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const next = await act('Saving', (a) => a.call('PATCH /notes/{id}', { params: { id: note.id }, json: { body } }));
            if (next) {
              replaceNote(next);
              setEditing(false);
              announce('Note saved.');
            }
          }}
        >
          <MarkdownEditor label="Edit note" value={body} onInput={setBody} autoFocus />
          <div class="actions">
            <button type="button" class="ghost" onClick={() => setEditing(false)}>Cancel</button>
            <button type="submit" class="primary" disabled={!body.trim()}>Save</button>
          </div>
        </form>
      ) : (
        <Markdown source={note.body} />
      )}
      <footer class="card-foot">
        <VoteButton target="notes" id={note.id} score={note.score} votedByMe={note.votedByMe} own={own} onVoted={(r) => replaceNote({ ...note, ...r })} />
        {own && !editing && (
          <div class="actions">
            <button type="button" class="link" onClick={() => setEditing(true)}>Edit</button>
            <button
              type="button"
              class="link danger"
              onClick={async () => {
                if (!confirm('Delete this note?')) return;
                if (await act('Deleting', (a) => a.call('DELETE /notes/{id}', { params: { id: note.id } }))) {
                  announce('Note deleted.');
                  await load();
                }
              }}
            >
              Delete
            </button>
          </div>
        )}
      </footer>
    </article>
  );
}
