import { describe, expect, it } from 'vitest';
import { boxAt, candidates, COST, coverCost, findPlace, GAP, samplePoints, type Box, type PointKind } from './placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 120, height: 36 };

/** A page as rectangles of a kind: the first that holds a point says what is there. */
const pageOf = (areas: Array<[Box, PointKind]>) => {
  const asked: string[] = [];
  const kindAt = (x: number, y: number): PointKind => {
    asked.push(`${x},${y}`);
    return areas.find(([b]) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height)?.[1] ?? 'free';
  };
  return { kindAt, asked };
};

describe('placement', () => {
  it('samples the box and its ring at least every 12 px, its sides included, its rows on the lattice', () => {
    const box = { left: 100, top: 200, width: 120, height: 36 };
    const points = samplePoints(box);
    const xs = [...new Set(points.map(([x]) => x))];
    const ys = [...new Set(points.map(([, y]) => y))];
    expect(xs[0]).toBe(100 - GAP);
    expect(xs.at(-1)).toBe(220 + GAP);
    expect(ys[0]).toBeLessThanOrEqual(200 - GAP);
    expect(ys.at(-1)).toBeGreaterThanOrEqual(236 + GAP);
    expect(ys.every((y) => y % 12 === 0)).toBe(true);
    for (const axis of [xs, ys]) for (let i = 1; i < axis.length; i++) expect(axis[i]! - axis[i - 1]!).toBeLessThanOrEqual(12);
  });

  it('counts a control right beside the box, and a tip marker between the sample points', () => {
    const box = boxAt({ side: 'right', bottom: 96 }, size, viewport);
    const beside = pageOf([[{ left: box.left - GAP, top: box.top, width: 6, height: 12 }, 'control']]);
    expect(coverCost(box, beside.kindAt)).toBeGreaterThanOrEqual(COST.control);
    const marker = { left: box.left + 3, top: box.top + 3, width: 5, height: 5 };
    expect(coverCost(box, pageOf([]).kindAt, [marker])).toBeGreaterThan(0);
    expect(coverCost(box, pageOf([]).kindAt, [{ ...marker, left: 10 }])).toBe(0);
  });

  it('keeps the wanted place when it is free', () => {
    expect(findPlace({ side: 'right', bottom: 96 }, size, viewport, pageOf([]).kindAt)).toEqual({ side: 'right', bottom: 96 });
  });

  it('moves the least distance along the same edge off a control, before trying the other edge', () => {
    // A chat bubble where the launcher wants to be, on the right edge.
    const wanted = boxAt({ side: 'right', bottom: 96 }, size, viewport);
    const bubble: Box = { left: 900, top: wanted.top - 20, width: 90, height: 80 };
    const to = findPlace({ side: 'right', bottom: 96 }, size, viewport, pageOf([[bubble, 'control']]).kindAt);
    expect(to.side).toBe('right');
    const box = boxAt(to, size, viewport);
    expect(box.top + box.height + GAP <= bubble.top || box.top - GAP >= bubble.top + bubble.height).toBe(true);
    // Nearest: no free place on that edge is closer to the wanted one.
    const free = candidates({ side: 'right', bottom: 96 }, size.height, viewport)
      .filter((d) => d.side === 'right' && coverCost(boxAt(d, size, viewport), pageOf([[bubble, 'control']]).kindAt) === 0);
    expect(Math.min(...free.map((d) => Math.abs(d.bottom - 96)))).toBe(Math.abs(to.bottom - 96));
  });

  it('goes to the other edge when its own edge is full (a table of rows along the right)', () => {
    const rows: Box = { left: 600, top: 0, width: 400, height: 800 };
    expect(findPlace({ side: 'right', bottom: 96 }, size, viewport, pageOf([[rows, 'content']]).kindAt)).toEqual({ side: 'left', bottom: 96 });
  });

  it('where nothing is free, covers the least: text rather than controls', () => {
    const left: Box = { left: 0, top: 0, width: 500, height: 800 };
    const right: Box = { left: 500, top: 0, width: 500, height: 800 };
    const to = findPlace({ side: 'right', bottom: 96 }, size, viewport, pageOf([[left, 'content'], [right, 'control']]).kindAt);
    expect(to.side).toBe('left');
  });

  it('asks about each point once per search when the classifier memoizes (the lattice is shared)', () => {
    const full = pageOf([[{ left: 0, top: 0, width: 1000, height: 800 }, 'content']]);
    const seen = new Map<string, PointKind>();
    const memo = (x: number, y: number) => {
      const key = `${x},${y}`;
      if (!seen.has(key)) seen.set(key, full.kindAt(x, y));
      return seen.get(key)!;
    };
    findPlace({ side: 'right', bottom: 96 }, size, viewport, memo);
    expect(new Set(full.asked).size).toBe(full.asked.length);
    // Two edges, 800 px each at 12 px, 15 columns each: a whole search stays under two thousand probes.
    expect(full.asked.length).toBeLessThan(2000);
  });
});
