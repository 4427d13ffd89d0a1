import { problemCopy } from '../../../server/problems';
import type { Problem } from '../../../messaging';
import { openOptions, retry } from '../store';

export function ProblemState({ problem }: { problem: Problem }) {
  const copy = problemCopy[problem];
  return (
    <section class="state" role="alert" data-problem={problem} aria-labelledby="problem-title">
      <div class={`state-icon ${problem === 'error' || problem === 'expired' ? 'warn' : ''}`} aria-hidden="true">
        {problem === 'offline' || problem === 'unreachable' ? '⌁' : '!'}
      </div>
      <h2 id="problem-title">{copy.title}</h2>
      <p>{copy.message}</p>
      <button type="button" class="primary" onClick={() => (copy.action.does === 'options' ? openOptions() : void retry())}>
        {copy.action.label}
      </button>
    </section>
  );
}
