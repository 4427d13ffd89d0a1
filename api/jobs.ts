// The periodic jobs: escalating routed questions, delivering webhooks, pruning old events and idempotency keys. main.ts starts
// them; every instance may run them: each job claims its rows with FOR UPDATE SKIP LOCKED.
import { pruneEvents } from './kernel/event-log';
import { pruneKeys } from './kernel/once';
import type { Services } from './wiring';

const PRUNE_EVERY_MS = 3_600_000;

export function startJobs(services: Services, everyMs = 1_000): () => void {
  let running = false;
  let lastPrune = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await services.routing.escalateDue();
      while ((await services.webhooks.deliverDue()) > 0);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneEvents(services.writes);
        await pruneKeys(services.database.db);
      }
    } catch (err) {
      console.error(`[jobs] ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
