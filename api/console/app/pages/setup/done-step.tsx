// The end of the first run: what is set up, what to do next. Finishing hides the setup card on Home.
import { useLocation } from 'preact-iso';
import { api } from '../../api';
import { FormError, useSubmit } from '../../ui/form';
import { steps, type StepProps } from './steps';

export function DoneStep({ info }: StepProps) {
  const { route } = useLocation();
  const open = steps.filter((s) => s.id !== 'done' && !s.done(info.setup));
  const submit = useSubmit(async () => {
    await api('PATCH /server/setup', { json: { done: true } });
    route('/');
  });
  return (
    <>
      {open.length === 0 ? (
        <p>Alongside is set up. Colleagues who open your app with the extension can now leave notes and tips, ask questions, and find the experts.</p>
      ) : (
        <p>
          Almost: {open.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              <a href={`/setup?step=${s.id}`}>{s.label.toLowerCase()}</a>
            </span>
          ))}{' '}
          {open.length === 1 ? 'is' : 'are'} still open. You can finish anyway and come back from Home.
        </p>
      )}
      <ul class="next-steps">
        <li><a href="/experts">Name experts</a> for the screens people ask about most.</li>
        <li><a href="/browse">Browse</a> what colleagues share, app by app.</li>
        <li><a href="/webhooks">Connect chat or ticketing</a> with webhooks.</li>
      </ul>
      <FormError failure={submit.failure} />
      <div class="row">
        <button type="button" class="primary" disabled={submit.busy} onClick={() => void submit.run()}>
          {submit.busy ? 'Finishing…' : 'Finish setup'}
        </button>
      </div>
    </>
  );
}
