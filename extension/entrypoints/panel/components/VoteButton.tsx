import type { Votable } from '@shared/contract';
import { act } from '../store';

interface Props {
  target: Votable;
  id: string;
  score: number;
  votedByMe: boolean;
  /** Your own content: its score is shown as text, with nothing to press (the API refuses a self-vote). */
  own: boolean;
  onVoted: (result: { score: number; votedByMe: boolean }) => void;
}

const thumb = (
  <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M7 10v11H3V10zM7 10l4-8a3 3 0 0 1 3 3v4h6a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.6 21H7" />
  </svg>
);

export function VoteButton({ target, id, score, votedByMe, own, onVoted }: Props) {
  if (own) {
    return (
      <span class="score" title="Colleagues who found it helpful">
        {thumb}
        <span class="sr-only">{'Helpful votes: '}</span>
        <span>{score}</span>
      </span>
    );
  }
  // The name reads "Helpful 3" and aria-pressed says whether it is my vote; the visible text is the score.
  return (
    <button
      type="button"
      class="vote"
      aria-pressed={votedByMe}
      title={votedByMe ? 'Take your vote back' : 'Mark helpful'}
      onClick={async () => {
        const vote = { params: { kind: target, id } };
        const result = await act('Voting', (a) => (votedByMe ? a.call('DELETE /{kind}/{id}/vote', vote) : a.call('PUT /{kind}/{id}/vote', vote)));
        if (result) onVoted(result);
      }}
    >
      {thumb}
      <span class="sr-only">Helpful</span>
      <span>{score}</span>
    </button>
  );
}
