import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '@shared/client';
import type { Answer, LiveEvent, Question, QuestionSummary } from '@shared/contract';
import { focusWhenShown, openQuestion } from '../focus';
import { timeAgo, visibilityLabel } from '@shared/ui/format';
import { sortItems } from '../sort';
import { onLive, resyncs } from '../live';
import { act, announce, api, context, drafts, load, me } from '../store';
import { postThroughOutbox, useComposer } from '../use-composer';
import { Markdown } from '@shared/ui/Markdown';
import { DisclosureMark } from './DisclosureMark';
import { MarkdownEditor } from './MarkdownEditor';
import { VoteButton } from './VoteButton';

function AnswerComposer({ pageKey, questionId, onSent, autoFocus }: { pageKey: string; questionId: string; onSent: () => void; autoFocus?: boolean }) {
  const composer = useComposer(pageKey, `answer:${questionId}`, { body: '' }, {
    valid: (f) => f.body.trim() !== '',
    send: ({ body }) => postThroughOutbox({ kind: 'answer', pageKey, questionId, body: { body } }, onSent),
  });
  return (
    <form class="composer compact" aria-label="Your answer" onSubmit={composer.submit}>
      <MarkdownEditor label="Your answer" value={composer.fields.body} onInput={(v) => composer.update({ body: v })} rows={3} autoFocus={autoFocus} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!composer.canSend}>Answer</button>
      </div>
    </form>
  );
}

function AnswerItem({ answer, question, onChange }: { answer: Answer; question: Question; onChange: (q: Question) => void }) {
  const mine = me.value?.user.id;
  const askedByMe = question.author.id === mine;
  return (
    <li class={`answer${answer.accepted ? ' accepted' : ''}`} data-testid="answer">
      <div class="card-head">
        <span class="author">{answer.author.name}</span>
        {answer.accepted && <span class="tag ok">Accepted</span>}
        <time class="muted" dateTime={answer.createdAt}>{timeAgo(answer.createdAt)}</time>
      </div>
      <Markdown source={answer.body} />
      <div class="card-foot">
        <VoteButton
          target="answers"
          id={answer.id}
          score={answer.score}
          votedByMe={answer.votedByMe}
          own={answer.author.id === mine}
          onVoted={(r) => onChange({ ...question, answers: question.answers.map((a) => (a.id === answer.id ? { ...a, ...r } : a)) })}
        />
        {askedByMe && (
          <button
            type="button"
            class="secondary small"
            onClick={async () => {
              const accept = { params: { id: question.id }, json: { answerId: answer.accepted ? null : answer.id } };
              const next = await act('Accepting', (a) => a.call('PUT /questions/{id}/accepted-answer', accept));
              if (next) {
                onChange(next);
                announce(answer.accepted ? 'Acceptance withdrawn.' : 'Answer accepted.');
                await load();
              }
            }}
          >
            {answer.accepted ? 'Withdraw acceptance' : 'Accept answer'}
          </button>
        )}
      </div>
    </li>
  );
}

/** "Routed to Dave · 2 hours ago, then Erin, Owner · 1 hour ago": who "Ask an expert" reached, ring by ring. */
function routedText(routes: Question['routedTo'], now = Date.now()): string {
  const rings = new Map<number, Question['routedTo']>();
  for (const r of routes) rings.set(r.ring, [...(rings.get(r.ring) ?? []), r]);
  const parts = [...rings.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, rs]) => `${rs.map((r) => r.person.name).join(', ')} · ${timeAgo(rs[0]!.at, now)}`);
  return `Routed to ${parts.join(', then ')}`;
}

function replaceSummary(next: QuestionSummary) {
  const ctx = context.value;
  if (ctx) context.value = { ...ctx, questions: ctx.questions.map((q) => (q.id === next.id ? next : q)) };
}

/** Does a live event change this question as shown (its answers, acceptance, routing)? */
const concerns = (e: LiveEvent, question: Question | null, id: string) =>
  e.data.questionId === id ||
  (e.kind === 'vote.changed' && (e.data.id === id || (e.data.kind === 'answers' && !!question?.answers.some((a) => a.id === e.data.id))));

export function QuestionCard({ summary, pageKey }: { summary: QuestionSummary; pageKey: string }) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  // Why the answer box shows where it would be folded: asked for, or a draft waits in it.
  const [answering, setAnswering] = useState<false | 'asked' | 'draft'>(false);
  const title = useRef<HTMLButtonElement>(null);
  const getQuestion = (a: ApiClient) => a.call('GET /questions/{id}', { params: { id: summary.id } });
  const fetchQuestion = async () => setQuestion((await act('Loading the question', getQuestion)) ?? null);
  // A refresh of what is shown (live, a resync): a failure keeps it; the stream's next resync catches up.
  const refetchQuestion = async () => {
    try {
      setQuestion(await getQuestion(api()));
    } catch {
      // a blip: keep the question as shown
    }
  };
  const latest = useRef(question);
  latest.current = question;

  useEffect(() => {
    if (open) void (latest.current ? refetchQuestion() : fetchQuestion());
  }, [open, summary.answerCount, summary.status, resyncs.value]);
  // Opened from the inbox: open and take the focus.
  useEffect(() => {
    if (openQuestion.value !== summary.id) return;
    openQuestion.value = null;
    setOpen(true);
    focusWhenShown(() => title.current);
  }, [openQuestion.value]);
  // Live: an open question follows its answers, votes, acceptance and routing as they change.
  useEffect(
    () =>
      onLive((e) => {
        if (open && concerns(e, latest.current, summary.id)) void refetchQuestion();
      }),
    [open, summary.id],
  );

  const answers = question ? [...sortItems(question.answers, 'helpful')].sort((a, b) => Number(b.accepted) - Number(a.accepted)) : [];
  const own = summary.author.id === me.value?.user.id;
  // The asker's answered question: the answer box waits behind "Add an answer" (a saved draft opens it).
  // Decided as the card opens, so an answer accepted elsewhere while she types does not take her box away.
  const [foldable, setFoldable] = useState(false);
  useLayoutEffect(() => {
    if (open) setFoldable(own && summary.status === 'answered');
  }, [open]);
  const folded = foldable && !answering;
  useEffect(() => {
    if (!folded || !open) return;
    let live = true;
    void drafts.load(pageKey, `answer:${summary.id}`).then((d) => {
      if (live && d) setAnswering('draft');
    });
    return () => {
      live = false;
    };
  }, [folded, open, pageKey, summary.id]);
  const votes = question ?? summary;
  return (
    <article class="card question" data-testid="question" data-question-id={summary.id}>
      <h3 class="question-title">
        <button type="button" class="disclosure" ref={title} aria-expanded={open} onClick={() => setOpen(!open)}>
          <DisclosureMark />
          <span>{summary.title}</span>
        </button>
      </h3>
      <div class="card-head">
        <span class={`tag ${summary.status === 'answered' ? 'ok' : 'open'}`}>{summary.status === 'answered' ? 'Answered' : 'Open'}</span>
        <span class="muted">
          {summary.answerCount} {summary.answerCount === 1 ? 'answer' : 'answers'} · {summary.author.name} · {timeAgo(summary.createdAt)}
        </span>
        {summary.visibility !== 'org' && <span class="tag">{visibilityLabel[summary.visibility]}</span>}
        <VoteButton
          target="questions"
          id={summary.id}
          score={votes.score}
          votedByMe={votes.votedByMe}
          own={own}
          onVoted={(r) => {
            replaceSummary({ ...summary, ...r });
            if (question) setQuestion({ ...question, ...r });
          }}
        />
      </div>
      {open && (
        <div class="question-body">
          {!question ? (
            <div class="skeleton-line" aria-hidden="true" />
          ) : (
            <>
              {question.routedTo.length > 0 && (
                <p class="routed muted" data-testid="routed-to">
                  {routedText(question.routedTo)}
                </p>
              )}
              {question.body && <Markdown source={question.body} />}
              {answers.length > 0 ? (
                <ol class="answers" aria-label="Answers">
                  {answers.map((a) => (
                    <AnswerItem key={a.id} answer={a} question={question} onChange={setQuestion} />
                  ))}
                </ol>
              ) : (
                <p class="muted">No answers yet.</p>
              )}
              {folded ? (
                <button type="button" class="secondary small add-answer" onClick={() => setAnswering('asked')}>
                  Add an answer
                </button>
              ) : (
                <AnswerComposer pageKey={pageKey} questionId={question.id} onSent={() => void fetchQuestion()} autoFocus={answering === 'asked'} />
              )}
            </>
          )}
        </div>
      )}
    </article>
  );
}
