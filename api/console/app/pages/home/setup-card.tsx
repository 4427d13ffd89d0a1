import type { SetupProgress } from '@shared/contract';
import { STEP_COUNT, stepsDone } from '../setup/steps';

/** The first run, until the admin finishes it: how far it got, and the way back in. */
export function SetupCard({ progress }: { progress: SetupProgress }) {
  const done = stepsDone(progress);
  return (
    <section class="panel-box setup-card" aria-labelledby="setup-title">
      <h2 id="setup-title">Finish setting up Alongside</h2>
      <label class="muted" for="setup-progress">{done} of {STEP_COUNT} steps done</label>
      <progress id="setup-progress" max={STEP_COUNT} value={done} />
      <div>
        <a class="primary" href="/setup">Continue setup</a>
      </div>
    </section>
  );
}
