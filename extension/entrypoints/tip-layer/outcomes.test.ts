import { describe, expect, it } from 'vitest';
import type { AnchorResult } from '../../anchoring/types';
import { anchoredWords, outcomeOf, PageViewReports } from './outcomes';

const el = {} as Element;
const found = (confidence: number): AnchorResult => ({ status: 'found', element: el, confidence });
const missing: AnchorResult = { status: 'not_found', reason: 'no candidate element' };
const offScreen: AnchorResult = { status: 'not_on_screen', reason: 'its look-alikes fill a list that scrolls, none on its record' };

describe('tip outcomes', () => {
  it('tells found, unsure and missing apart', () => {
    expect(outcomeOf(found(0.95))).toBe('found');
    expect(outcomeOf(found(0.7))).toBe('low-confidence');
    expect(outcomeOf(missing)).toBe('not-found');
    expect(outcomeOf(offScreen)).toBe('not-on-screen');
  });

  it('reports nothing for a tip whose record is off screen, and reports it found once it is seen', () => {
    const reports = new PageViewReports();
    expect(reports.due(new Map([['a', offScreen]]), true)).toEqual([]);
    expect(reports.due(new Map([['a', offScreen]]), true)).toEqual([]);
    expect(reports.due(new Map([['a', found(0.9)]]), true)).toEqual([{ id: 'a', found: true, confidence: 0.9 }]);
  });

  it('reports each tip once per page view, a missing one only once the page settled', () => {
    const reports = new PageViewReports();
    expect(reports.due(new Map([['a', found(0.9)], ['b', missing]]), false)).toEqual([{ id: 'a', found: true, confidence: 0.9 }]);
    expect(reports.due(new Map([['a', found(0.9)], ['b', missing]]), false)).toEqual([]);
    expect(reports.due(new Map([['a', missing], ['b', missing]]), true)).toEqual([{ id: 'b', found: false, confidence: 0 }]);
    expect(reports.due(new Map([['a', found(0.9)], ['b', found(0.9)]]), true)).toEqual([]);
  });
});

describe('anchoredWords', () => {
  it('is the same for the same outcomes in any order, and differs on a change or another page', () => {
    const said = anchoredWords('https://crm.example/a', { a: 'found', b: 'not-found' });
    expect(anchoredWords('https://crm.example/a', { b: 'not-found', a: 'found' })).toBe(said);
    expect(anchoredWords('https://crm.example/a', { a: 'found', b: 'low-confidence' })).not.toBe(said);
    expect(anchoredWords('https://crm.example/a', { a: 'found' })).not.toBe(said);
    expect(anchoredWords('https://crm.example/b', { a: 'found', b: 'not-found' })).not.toBe(said);
  });
});
