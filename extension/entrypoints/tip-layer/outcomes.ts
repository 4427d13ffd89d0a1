/**
 * What anchoring found for each tip, in the words of the API and the panel, and which outcomes to
 * report: each tip once per page view; found ones as soon as they are found, missing ones only once
 * the page has had time to render (a single-page app draws after load, so "not yet" is not "not found"),
 * and none for a tip whose record is not on screen now (only "not found" counts toward outdated).
 */
import type { AnchorResult } from '../../anchoring/types';
import type { TipOutcome } from '../../messaging/types';

/**
 * Found below this confidence: the marker shows, marked unsure. Anchoring finds nothing below 0.65; a
 * release that wraps and reorders the element's neighbours typically leaves about 0.78 (the demo app's
 * "next release"), which is no reason to doubt the tip.
 */
const UNSURE_BELOW = 0.75;

export function outcomeOf(result: AnchorResult): TipOutcome {
  if (result.status === 'not_found') return 'not-found';
  if (result.status === 'not_on_screen') return 'not-on-screen';
  return result.confidence < UNSURE_BELOW ? 'low-confidence' : 'found';
}

interface OutcomeReport {
  id: string;
  found: boolean;
  confidence: number;
}

export class PageViewReports {
  private readonly reported = new Set<string>();

  /** The reports now due for these results (and remembers them as sent). */
  due(results: ReadonlyMap<string, AnchorResult>, settled: boolean): OutcomeReport[] {
    const due: OutcomeReport[] = [];
    for (const [id, result] of results) {
      // A record scrolled out of view says nothing of the tip: nothing is reported until it is seen.
      if (this.reported.has(id) || result.status === 'not_on_screen' || (result.status === 'not_found' && !settled)) continue;
      this.reported.add(id);
      due.push(result.status === 'found' ? { id, found: true, confidence: result.confidence } : { id, found: false, confidence: 0 });
    }
    return due;
  }
}

/** What `tips:anchored` says, in a form to compare with what it said last (the order of tips aside). */
export function anchoredWords(pageKey: string, outcomes: Readonly<Record<string, TipOutcome>>): string {
  return JSON.stringify([pageKey, Object.entries(outcomes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}
