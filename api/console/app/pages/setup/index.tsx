// The first run: from a fresh server to colleagues using Alongside. The admin account exists already (the
// sign-up form made it); then the first app, colleagues, the extension, done. Each step can be left and
// resumed: the page opens at the first step not done, and Home links back here until the admin finishes.
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ServerInfo } from '@shared/contract';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { AppStep } from './app-step';
import { ColleaguesStep } from './colleagues-step';
import { DoneStep } from './done-step';
import { ExtensionStep } from './extension-step';
import { firstOpen, STEP_COUNT, steps, type StepId, type StepProps } from './steps';
import './setup.css';

const views: Record<StepId, (props: StepProps) => preact.JSX.Element> = {
  app: AppStep,
  colleagues: ColleaguesStep,
  extension: ExtensionStep,
  done: DoneStep,
};

function Stepper({ info, current }: { info: ServerInfo; current: StepId }) {
  return (
    <nav aria-label="Setup steps">
      <ol class="steps">
        <li class="done">
          <span class="step-mark" aria-hidden="true">✓</span> Admin account <span class="sr-only">(done)</span>
        </li>
        {steps.map((s) => {
          const done = s.id !== 'done' && s.done(info.setup);
          return (
            <li key={s.id} class={done ? 'done' : undefined}>
              <a href={`/setup?step=${s.id}`} aria-current={s.id === current ? 'step' : undefined}>
                <span class="step-mark" aria-hidden="true">{done ? '✓' : steps.indexOf(s) + 2}</span> {s.label}
                {done && <span class="sr-only"> (done)</span>}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Wizard({ info, reload }: { info: ServerInfo; reload: () => Promise<void> }) {
  const { query, route } = useLocation();
  const current = (steps.some((s) => s.id === query.step) ? query.step : firstOpen(info.setup)) as StepId;
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new step takes focus (not the first one: the page title has it), so a screen reader hears where it is.
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [current]);
  const index = steps.findIndex((s) => s.id === current);
  const next = () => route(`/setup?step=${steps[Math.min(index + 1, steps.length - 1)]!.id}`);
  const View = views[current];
  return (
    <div class="wizard">
      <Stepper info={info} current={current} />
      <section class="panel-box step" aria-labelledby="step-title">
        <h2 id="step-title" tabIndex={-1} ref={heading}>
          {current === 'done' ? 'Done' : `Step ${index + 2} of ${STEP_COUNT}: ${steps[index]!.label}`}
        </h2>
        <View info={info} reload={reload} next={next} />
        {current !== 'done' && (
          <div class="step-foot">
            <button type="button" class="ghost" onClick={next}>Skip for now</button>
            <a href="/">Leave setup (Home brings you back)</a>
          </div>
        )}
      </section>
    </div>
  );
}

export default function SetupPage() {
  const { loaded, reload } = useLoad(() => api('GET /server'));
  return (
    <Page title="Set up Alongside" intro="A few minutes from here to colleagues seeing each other's tips on your apps. Leave any step and come back to it later.">
      <Loading loaded={loaded} retry={reload}>
        {(info) => <Wizard info={info} reload={reload} />}
      </Loading>
    </Page>
  );
}
