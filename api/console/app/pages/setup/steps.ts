// The first run's steps, in order, and which are done: what exists on the server (an app, colleagues)
// says the first ones, the admin's marks the rest (GET /server, PATCH /server/setup).
import type { ServerInfo, SetupProgress } from '@shared/contract';

export type StepId = 'app' | 'colleagues' | 'extension' | 'done';

export interface Step {
  id: StepId;
  label: string;
  done: (progress: SetupProgress) => boolean;
}

export const steps: Step[] = [
  { id: 'app', label: 'Your first app', done: (p) => p.app },
  { id: 'colleagues', label: 'Invite colleagues', done: (p) => p.invited },
  { id: 'extension', label: 'Install the extension', done: (p) => p.extension },
  { id: 'done', label: 'Done', done: (p) => p.done },
];

/** Where a resumed first run starts: the first step not done yet. */
export const firstOpen = (progress: SetupProgress): StepId => steps.find((s) => !s.done(progress))?.id ?? 'done';

// The steps an admin takes: the account, then each step but "done" (the end, not a step).
const taken = steps.filter((s) => s.id !== 'done');
export const STEP_COUNT = 1 + taken.length;

/** How many of those are behind the admin (the account always is). */
export const stepsDone = (progress: SetupProgress) => 1 + taken.filter((s) => s.done(progress)).length;

/** What each step's view gets. */
export interface StepProps {
  info: ServerInfo;
  /** Reads the server's progress again (after the step wrote something). */
  reload: () => Promise<void>;
  /** Goes on to the next step. */
  next: () => void;
}
