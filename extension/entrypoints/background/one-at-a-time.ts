/**
 * Runs the jobs given to it one after another, each after the last has settled (a failed one does not
 * stop the next): for read-modify-write of storage that events can ask for together.
 */
export function oneAtATime(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = last.then(job);
    last = run.catch(() => undefined);
    return run;
  };
}
