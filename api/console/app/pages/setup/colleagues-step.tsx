// Step: colleagues. Accounts, sign-up for the company's email domain, or an invitation link.
import { InviteColleagues } from '../people/invite';
import type { StepProps } from './steps';

export function ColleaguesStep({ info, reload, next }: StepProps) {
  return (
    <>
      <p>Alongside is as good as what colleagues share. Let them in whichever way suits your company; you can change it later under People.</p>
      <InviteColleagues onChange={() => void reload()} />
      <div class="row">
        <button type="button" class="primary" onClick={next} disabled={!info.setup.invited}>Continue</button>
        {!info.setup.invited && <p class="hint">Continue once you have chosen how colleagues get in (or skip for now).</p>}
      </div>
    </>
  );
}
