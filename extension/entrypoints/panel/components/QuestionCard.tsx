import { useEffect, useState } from 'preact/hooks';
import type { Answer, Question, QuestionSummary } from '../../../../shared/contract';
import { sortItems, timeAgo, visibilityLabel } from '../format';
import { act, announce, load, me, post } from '../store';
import { useDraft } from '../use-draft';
import { Markdown } from './Markdown';
import { MarkdownEditor } from './MarkdownEditor';
import { VoteButton } from './VoteButton';

function AnswerComposer({ pageKey, questionId, onSent }: { pageKey: string; questionId: string; onSent: () => void }) {
  const draft = useDraft(pageKey, `answer:${questionId}`, { body: '' });
  return (
    <form
      class="composer compact"
      aria-label="Your answer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!draft.fields.body.trim()) return;
        const result = await post({ kind: 'answer', pageKey, questionId, body: { body: draft.fields.body } });
        if (result !== 'rejected') await draft.clear();
        if (result === 'sent') onSent();
      }}
    >
      <MarkdownEditor label="Your answer" value={draft.fields.body} onInput={(v) => draft.update({ body: v })} rows={3} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!draft.ready || !draft.fields.body.trim()}>Answer</button>
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
            class="link"
            onClick={async () => {
              const next = await act('Accepting', (a) => a.accept(question.id, answer.accepted ? null : answer.id));
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

export function QuestionCard({ summary, pageKey }: { summary: QuestionSummary; pageKey: string }) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const fetchQuestion = async () => setQuestion((await act('Loading the question', (a) => a.question(summary.id))) ?? null);

  useEffect(() => {
    if (open) void fetchQuestion();
  }, [open, summary.answerCount, summary.status]);

  const answers = question ? [...sortItems(question.answers, 'helpful')].sort((a, b) => Number(b.accepted) - Number(a.accepted)) : [];
  return (
    <article class="card question" data-testid="question">
      <h3 class="question-title">
        <button type="button" class="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {summary.title}
        </button>
      </h3>
      <div class="card-head">
        <span class={`tag ${summary.status === 'answered' ? 'ok' : 'open'}`}>{summary.status === 'answered' ? 'Answered' : 'Open'}</span>
        <span class="muted">
          {summary.answerCount} {summary.answerCount === 1 ? 'answer' : 'answers'} · {summary.author.name} · {timeAgo(summary.createdAt)}
        </span>
        {summary.visibility !== 'org' && <span class="tag">{visibilityLabel[summary.visibility]}</span>}
      </div>
      {open && (
        <div class="question-body">
          {!question ? (
            <div class="skeleton-line" aria-hidden="true" />
          ) : (
            <>
              {question.body && <Markdown source={question.body} />}
              <VoteButton
                target="questions"
                id={question.id}
                score={question.score}
                votedByMe={question.votedByMe}
                own={question.author.id === me.value?.user.id}
                onVoted={(r) => setQuestion({ ...question, ...r })}
              />
              {answers.length > 0 ? (
                <ol class="answers" aria-label="Answers">
                  {answers.map((a) => (
                    <AnswerItem key={a.id} answer={a} question={question} onChange={setQuestion} />
                  ))}
                </ol>
              ) : (
                <p class="muted">No answers yet.</p>
              )}
              <AnswerComposer pageKey={pageKey} questionId={question.id} onSent={() => void fetchQuestion()} />
            </>
          )}
        </div>
      )}
    </article>
  );
}
