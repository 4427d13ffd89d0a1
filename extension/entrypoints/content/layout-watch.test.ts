// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLayout } from './layout-watch';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Lets the mutation observer deliver, then the timers and the animation frame run. */
const settle = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('layout watch', () => {
  it('turns a burst of mutations, scrolls and resizes into one check, and at most one per interval after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const check = vi.fn();
    const watch = watchLayout(check, { interval: 200 });
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('p'));
    dispatchEvent(new Event('resize'));
    document.body.dispatchEvent(new Event('scroll'));
    await settle(50);
    expect(check).toHaveBeenCalledTimes(1);

    // A page changing every frame for a second: five checks, not sixty.
    for (let frame = 0; frame < 60; frame++) {
      document.body.firstElementChild!.textContent = String(frame);
      await settle(16);
    }
    expect(check.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(check.mock.calls.length).toBeLessThanOrEqual(6);

    watch.stop();
    const before = check.mock.calls.length;
    document.body.append(document.createElement('p'));
    dispatchEvent(new Event('resize'));
    await settle(500);
    expect(check).toHaveBeenCalledTimes(before);
  });

  it('does nothing while the page does not change, and a poke asks for one check', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const check = vi.fn();
    const watch = watchLayout(check, { interval: 200 });
    await settle(1000);
    expect(check).not.toHaveBeenCalled();
    watch.poke();
    watch.poke();
    await settle(50);
    expect(check).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('checks when a frame of the page loads another document (nothing in ours changes then), until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const check = vi.fn();
    const watch = watchLayout(check, { interval: 200 });
    await settle(500);
    expect(check).not.toHaveBeenCalled();
    frame.dispatchEvent(new Event('load')); // as the browser fires it: at the frame, not bubbling
    await settle(50);
    expect(check).toHaveBeenCalledTimes(1);
    watch.stop();
    frame.dispatchEvent(new Event('load'));
    await settle(500);
    expect(check).toHaveBeenCalledTimes(1);
  });
});

