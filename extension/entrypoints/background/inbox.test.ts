import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiFailure } from '@shared/client';
import { fakeApi, type Handler } from '../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const inbox = vi.fn<Handler<'GET /inbox'>>();
const api = fakeApi({ 'GET /inbox': inbox });
let session: { user: { id: string }; expiresAt: string } | null = null;
vi.mock('../../server/settings', () => ({ sessionClient: async () => (session ? { api, session } : null) }));
vi.mock('./tab-pages', () => ({ redrawBadges: async () => undefined }));
vi.mock('./notifications', () => ({ notifyRouted: async () => undefined }));
const { checkInbox, INBOX_ALARM } = await import('./inbox');
const { storedUnread } = await import('./badge');

beforeEach(() => {
  fakeBrowser.reset();
  inbox.mockReset();
  session = { user: { id: 'u1' }, expiresAt: '2026-12-30T00:00:00.000Z' };
});

describe('checkInbox', () => {
  it('on a refused session (401): no count, no alarm, no more requests until the session changes', async () => {
    inbox.mockResolvedValue({ unread: 4, items: [] });
    await checkInbox(true);
    expect(await storedUnread()).toBe(4);
    expect(await fakeBrowser.alarms.get(INBOX_ALARM)).toBeTruthy();

    inbox.mockRejectedValue(new ApiFailure('unauthorized', 401, 'unauthorized', 'Sign in again.'));
    await checkInbox(true);
    expect(await storedUnread()).toBe(0);
    expect(await fakeBrowser.alarms.get(INBOX_ALARM)).toBeFalsy();
    await checkInbox(true);
    expect(inbox).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.alarms.get(INBOX_ALARM)).toBeFalsy();

    // Signed in again: polling resumes.
    session = { user: { id: 'u1' }, expiresAt: '2027-01-30T00:00:00.000Z' };
    inbox.mockResolvedValue({ unread: 1, items: [] });
    await checkInbox(true);
    expect(await storedUnread()).toBe(1);
    expect(await fakeBrowser.alarms.get(INBOX_ALARM)).toBeTruthy();
  });

  it('offline keeps the last count and the alarm', async () => {
    inbox.mockResolvedValue({ unread: 2, items: [] });
    await checkInbox(true);
    inbox.mockRejectedValue(new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.'));
    await checkInbox(true);
    expect(await storedUnread()).toBe(2);
    expect(await fakeBrowser.alarms.get(INBOX_ALARM)).toBeTruthy();
  });
});
