import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));
const { badgeFor, BADGE_COLORS } = await import('./badge');

const page = (counts: { notes: number; tips: number; questions: number; openQuestions: number } | null, problem: 'unreachable' | null = null) => ({
  tabId: 1, pageKey: 'https://crm.example/a', site: { id: 's', name: 'CRM', origin: 'https://crm.example' }, screen: null, counts, problem,
});

describe('badgeFor', () => {
  it("shows the page's count where it has one, in the page color", () => {
    expect(badgeFor(page({ notes: 1, tips: 2, questions: 4, openQuestions: 1 }), 7)).toEqual({ text: '4', color: BADGE_COLORS.page });
  });
  it('shows a problem over everything', () => {
    expect(badgeFor(page(null, 'unreachable'), 7)).toEqual({ text: '!', color: BADGE_COLORS.problem });
  });
  it('shows the unread inbox count where no page count applies, in its own color', () => {
    expect(badgeFor(page({ notes: 0, tips: 0, questions: 3, openQuestions: 0 }), 7)).toEqual({ text: '7', color: BADGE_COLORS.inbox });
    expect(badgeFor(null, 3)).toEqual({ text: '3', color: BADGE_COLORS.inbox });
    expect(badgeFor(null, 120).text).toBe('99+');
    expect(badgeFor(null, 0).text).toBe('');
    expect(BADGE_COLORS.inbox).not.toBe(BADGE_COLORS.page);
  });
});
