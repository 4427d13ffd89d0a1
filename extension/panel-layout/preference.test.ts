import { describe, expect, it } from 'vitest';
import { canDock, clampWidth, DEFAULT_LAYOUT, maxWidthFor, MIN_PAGE_WIDTH, MIN_WIDTH, parseLayout } from './preference';

describe('panel layout preference', () => {
  it('docks only where the page keeps its minimum beside the narrowest panel', () => {
    expect(canDock(MIN_WIDTH + MIN_PAGE_WIDTH)).toBe(true);
    expect(canDock(MIN_WIDTH + MIN_PAGE_WIDTH - 1)).toBe(false);
    expect(canDock(400)).toBe(false);
    expect(canDock(1280)).toBe(true);
  });

  it('clamps a width to the limits of the window, in whole pixels', () => {
    expect(clampWidth(100, 1280)).toBe(MIN_WIDTH);
    expect(clampWidth(5000, 1280)).toBe(720);
    expect(clampWidth(410.6, 1280)).toBe(411);
    // A window of 900 px leaves the page 480: the panel is at most 420 there.
    expect(maxWidthFor(900)).toBe(420);
    expect(clampWidth(600, 900)).toBe(420);
    // Never below the minimum, even where the window cannot dock at all.
    expect(maxWidthFor(500)).toBe(MIN_WIDTH);
  });

  it('reads anything stored that is not a layout as the default, and an out-of-range width within limits', () => {
    expect(parseLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('docked')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ mode: 'sideways', width: 'wide' })).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ mode: 'floating', width: 12 })).toEqual({ mode: 'floating', width: MIN_WIDTH });
    expect(parseLayout({ mode: 'docked', width: Number.NaN })).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ mode: 'docked', width: 500 })).toEqual({ mode: 'docked', width: 500 });
  });
});
