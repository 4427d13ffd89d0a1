import { useId, useRef } from 'preact/hooks';
import type { Expert } from '@shared/contract';
import { patternForPageKey } from '@shared/page-key';
import { me, page } from '../store';
import { postThroughOutbox, useComposer } from '../use-composer';
import { useFocusOnMount } from '../focus';
import { MarkdownEditor } from './MarkdownEditor';
import { SimilarQuestions } from './SimilarQuestions';
import { VisibilityPicker, visibilityChosen } from './VisibilityPicker';

interface Props {
  pageKey: string;
  /** Asking the experts: they are named before sending. */
  experts: Expert[] | null;
  onDone: () => void;
}

/** The people a question will be routed to first: the page's experts, each once, never the asker. */
function recipients(experts: Expert[], myId: string | undefined): Expert[] {
  const seen = new Set<string>();
  return experts.filter((e) => e.user.id !== myId && !seen.has(e.user.id) && seen.add(e.user.id));
}

function Recipients({ experts, visibility }: { experts: Expert[]; visibility: string }) {
  const people = recipients(experts, me.value?.user.id);
  if (visibility === 'private') {
    return <p class="notice warn" data-testid="expert-recipients">A question only you can see goes to nobody. Share it with your team or everyone to ask the experts.</p>;
  }
  return (
    <p class="notice" data-testid="expert-recipients">
      {people.length > 0 ? (
        <>
          Goes to <strong>{people.map((e) => e.user.name).join(', ')}</strong>
          {visibility === 'team' ? ' (those in the team)' : ''}; unanswered, it goes on to the site's other experts.
        </>
      ) : (
        <>You are this page's expert: it goes to the site's other experts, then its owners.</>
      )}
    </p>
  );
}

export function QuestionComposer({ pageKey, experts, onDone }: Props) {
  const composer = useComposer(pageKey, 'question', { title: '', body: '', visibility: 'org', teamId: null }, {
    // A private question reaches nobody: it cannot be routed to experts.
    valid: (f) => (f.title ?? '').trim() !== '' && visibilityChosen(f) && !(experts && f.visibility === 'private'),
    send: ({ title = '', body, visibility = 'org', teamId = null }) =>
      postThroughOutbox({
        kind: 'question',
        pageKey,
        body: { pattern: patternForPageKey(pageKey), title, body, visibility, teamId, ...(experts ? { askExperts: true } : {}) },
      }),
    done: onDone,
  });
  const titleId = useId();
  const titleBox = useRef<HTMLInputElement>(null);
  useFocusOnMount(titleBox);
  const { title = '', body, visibility = 'org', teamId = null } = composer.fields;
  const siteId = page.value?.site.id;

  return (
    <form class="composer" aria-label={experts ? 'Ask an expert' : 'New question'} onSubmit={composer.submit}>
      {experts && <Recipients experts={experts} visibility={visibility} />}
      <div class="field">
        <label for={titleId}>Question</label>
        <input id={titleId} ref={titleBox} type="text" value={title} placeholder="What do you want to know?" onInput={(e) => composer.update({ title: e.currentTarget.value })} />
      </div>
      {/* Not while sending: a search under way would find the question being asked. */}
      {siteId && !composer.busy && <SimilarQuestions title={title} siteId={siteId} />}
      <MarkdownEditor label="Details (optional)" value={body} onInput={(v) => composer.update({ body: v })} rows={3} />
      <div class="composer-bar">
        <VisibilityPicker visibility={visibility} teamId={teamId} onChange={(v, t) => composer.update({ visibility: v, teamId: t })} />
        <div class="actions">
          <button type="button" class="ghost" onClick={onDone}>Close</button>
          <button type="submit" class="primary" disabled={!composer.canSend}>{experts ? 'Ask the experts' : 'Ask'}</button>
        </div>
      </div>
    </form>
  );
}
