// Whom "Ask an expert" sent a question to, on its row in the list and in its detail: the names from its
// summary; once the question is open, ring by ring with when ("Sent to Dave · 2 hours ago, then Erin ·
// 1 hour ago"). Nothing for a question that was not asked of the experts.
import type { Question, QuestionSummary } from '@shared/contract';
import { timeAgo } from '@shared/ui/format';

function byRing(routes: Question['routedTo'], now: number): string {
  const rings = new Map<number, Question['routedTo']>();
  for (const r of routes) rings.set(r.ring, [...(rings.get(r.ring) ?? []), r]);
  return [...rings.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, rs]) => `${rs.map((r) => r.person.name).join(', ')} · ${timeAgo(rs[0]!.at, now)}`)
    .join(', then ');
}

export function sentToText(summary: Pick<QuestionSummary, 'sentTo' | 'visibility'>, routes: Question['routedTo'] | null, now = Date.now()): string | null {
  if (!summary.sentTo) return null; // not asked of the experts
  if (routes?.length) return `Sent to ${byRing(routes, now)}`;
  if (summary.sentTo.length) return `Sent to ${summary.sentTo.map((p) => p.name).join(', ')}`;
  return `No expert yet for this screen: visible to ${summary.visibility === 'team' ? 'the team it is shared with' : 'everyone on the app'}`;
}

export function SentTo({ summary, routes }: { summary: QuestionSummary; routes: Question['routedTo'] | null }) {
  const text = sentToText(summary, routes);
  return text ? <p class="routed muted" data-testid="routed-to">{text}</p> : null;
}
