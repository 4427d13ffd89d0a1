import { describe, expect, it } from 'vitest';
import { decide, score, type Evidence } from './score';

const exact: Evidence = { attributes: [{ weight: 3, score: 1 }], text: 1, context: 1, css: 1, position: 1, tag: 1 };

describe('score', () => {
  it('is 1 when every description agrees and lower as they fail', () => {
    expect(score(exact).confidence).toBe(1);
    expect(score({ ...exact, css: 0, position: 0.3 }).confidence).toBeLessThan(1);
  });

  it('halves the confidence of a candidate declaring another test id', () => {
    expect(score({ ...exact, identityConflict: true }).confidence).toBeCloseTo(0.5);
  });

  it('lowers a perfect copy in another neighbourhood, unless it declares the same identity', () => {
    const elsewhere: Evidence = { attributes: [], text: 1, context: 0, tag: 1 };
    expect(score(elsewhere).confidence).toBeLessThan(0.65);
    const sameTestId: Evidence = { ...elsewhere, attributes: [{ weight: 3, score: 1 }], identityMatch: true };
    expect(score(sameTestId).confidence).toBeGreaterThan(0.65);
  });

  it('lets a structural CSS path count half as much as a meaningful selector', () => {
    const missing: Evidence = { attributes: [], text: 1, css: 0, tag: 1 };
    expect(score({ ...missing, cssIsStructural: true }).confidence).toBeGreaterThan(score(missing).confidence);
  });
});

describe('decide', () => {
  const s = (confidence: number, content = confidence, own = content, structureIntact = true, context: number | undefined = 1) => ({
    confidence,
    content,
    own,
    structureIntact,
    weakIdentity: false,
    context,
  });

  it('finds the clear best candidate', () => {
    expect(decide([{ candidate: 'a', score: s(0.9) }, { candidate: 'b', score: s(0.5) }])).toMatchObject({ found: true, candidate: 'a' });
  });

  it('reports nothing below the threshold', () => {
    expect(decide([{ candidate: 'a', score: s(0.6) }])).toMatchObject({ found: false, best: { candidate: 'a' } });
    expect(decide([])).toMatchObject({ found: false });
  });

  it('declines when a runner-up is close', () => {
    expect(decide([{ candidate: 'a', score: s(0.9) }, { candidate: 'b', score: s(0.85) }]).found).toBe(false);
  });

  it('declines between identical elements once the structure changed', () => {
    const copies = [{ candidate: 'a', score: s(0.9, 0.9, 1, false) }, { candidate: 'b', score: s(0.7, 0.7, 1) }];
    expect(decide(copies).found).toBe(false);
    expect(decide([{ candidate: 'a', score: s(0.9, 0.9, 1, true) }, { candidate: 'b', score: s(0.7, 0.7, 1) }]).found).toBe(true);
  });

  it('declines between identical elements when the one in place no longer has its recorded surroundings', () => {
    // A re-sort slid a look-alike into the old position: same place, same look, other neighbours.
    const slid = [{ candidate: 'a', score: s(0.9, 0.9, 1, true, 0.75) }, { candidate: 'b', score: s(0.7, 0.7, 1) }];
    expect(decide(slid).found).toBe(false);
  });

  it('follows a record to another row of a scrolling list on its surroundings, and only there', () => {
    // The copy left in the recorded place shows another record; the record moved two rows down.
    const recycled = [
      { candidate: 'old place', score: s(0.86, 0.8, 1, true, 0.5) },
      { candidate: 'its record', score: s(0.8, 0.9, 1, false, 1) },
    ];
    expect(decide(recycled, { threshold: 0.65, margin: 0.1, inScrollingList: true })).toMatchObject({ found: true, candidate: 'its record' });
    // Elsewhere (widgets repeated on a page) a copy is not followed on its surroundings.
    expect(decide(recycled).found).toBe(false);
    // Nor between copies whose surroundings read alike.
    const alike = [recycled[0]!, { candidate: 'its record', score: s(0.8, 0.9, 1, false, 0.95) }];
    expect(decide(alike, { threshold: 0.65, margin: 0.1, inScrollingList: true }).found).toBe(false);
  });

  it('declines when another candidate has the same content, whatever the structure says', () => {
    expect(decide([{ candidate: 'a', score: s(0.95, 0.9) }, { candidate: 'b', score: s(0.7, 0.89) }]).found).toBe(false);
  });
});
