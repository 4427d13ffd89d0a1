// Live updates: server-sent events for a page and for a person, on both databases.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openEvents, type Account, type SseClient } from '../../test/support/api-harness';
import { EventStreams } from '../../test/support/event-streams';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/:id`;
const pageUrl = `${SITE}/accounts/7`;
const q = `?url=${encodeURIComponent(pageUrl)}`;

describeEachDatabase('live events (SSE)', (api) => {
  let org: Org;
  const streams = new EventStreams(api);
  beforeAll(async () => {
    org = await createOrg(api());
  });
  afterEach(() => streams.closeAll());

  const stream = (who: Account, query = q, lastEventId?: string) => streams.stream(who, query, lastEventId);
  const note = (who: Account, body: string, extra: Record<string, unknown> = {}) =>
    must(api().request('POST', '/notes', { token: who.token, json: { pattern: page, body, ...extra } }));

  it('delivers new notes, answers, votes and accepted answers to an open page as they happen', async () => {
    const carol = await stream(org.carol);
    const n = await note(org.alice, 'live note');
    const created = await carol.waitFor((e) => e.event === 'note.created' && e.data.data.noteId === n.id);
    expect(created.data).toMatchObject({ kind: 'note.created', scopeId: n.scopeId, data: { noteId: n.id, pattern: page } });
    expect(created.id).toBe(created.data.id);

    const question = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'How?' } }));
    await carol.waitFor((e) => e.event === 'question.created' && e.data.data.questionId === question.id);
    const answered = await must(api().request('POST', `/questions/${question.id}/answers`, { token: org.bob.token, json: { body: 'Like so' } }));
    const answerId = answered.answers[0].id;
    await carol.waitFor((e) => e.event === 'answer.created' && e.data.data.answerId === answerId);
    await must(api().request('PUT', `/answers/${answerId}/vote`, { token: org.carol.token }));
    const vote = await carol.waitFor((e) => e.event === 'vote.changed');
    expect(vote.data.data).toEqual({ kind: 'answers', id: answerId, score: 1 });
    await must(api().request('PUT', `/questions/${question.id}/accepted-answer`, { token: org.alice.token, json: { answerId } }));
    await carol.waitFor((e) => e.event === 'answer.accepted' && e.data.data.answerId === answerId);

    // Content on other pages does not arrive.
    await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/invoices/:id`, body: 'elsewhere' } }));
    const last = await note(org.alice, 'marker');
    await carol.waitFor((e) => e.data.data?.noteId === last.id);
    expect(carol.content.some((e) => e.data.data.pattern === `${SITE}/invoices/:id`)).toBe(false);
    // Ids only grow.
    const ids = carol.content.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('never sends an event about content the viewer may not see', async () => {
    const carol = await stream(org.carol);
    const bob = await stream(org.bob);
    const secret = await note(org.alice, 'private', { visibility: 'private' });
    const team = await note(org.alice, 'team only', { visibility: 'team', teamId: org.teamId });
    const open_ = await note(org.alice, 'for everyone');
    await carol.waitFor((e) => e.data.data?.noteId === open_.id);
    await bob.waitFor((e) => e.data.data?.noteId === open_.id);
    const seen = (c: SseClient) => c.content.map((e) => e.data.data.noteId);
    expect(seen(carol)).not.toContain(secret.id);
    expect(seen(carol)).not.toContain(team.id);
    expect(seen(bob)).toContain(team.id);
    expect(seen(bob)).not.toContain(secret.id);
  });

  it('resumes after Last-Event-ID without losing or repeating events, and says reset when it cannot', async () => {
    const first = await stream(org.carol);
    const a = await note(org.alice, 'one');
    const got = await first.waitFor((e) => e.data.data?.noteId === a.id);
    await first.close();
    const missed = [await note(org.alice, 'two'), await note(org.alice, 'three'), await note(org.alice, 'four')];

    const again = await stream(org.carol, q, got.id);
    expect(again.content.map((e) => e.data.data.noteId)).toEqual(missed.map((n) => n.id));
    const live = await note(org.alice, 'five');
    await again.waitFor((e) => e.data.data?.noteId === live.id);
    expect(again.content.map((e) => e.data.data.noteId)).toEqual([...missed, live].map((n) => n.id));

    // The query parameter works like the header, for clients that cannot set it.
    const byQuery = await stream(org.carol, `${q}&lastEventId=${got.id}`);
    expect(byQuery.content.map((e) => e.data.data.noteId)).toEqual([...missed, live].map((n) => n.id));

    // An id from the future (another database, a restore): the client must refetch.
    const lost = await stream(org.carol, q, '999999999');
    const reset = lost.events.find((e) => e.event === 'reset');
    expect(reset?.data).toEqual({ reason: 'too_old' });
    expect(Number(reset?.id)).toBeGreaterThan(0);
  });

  it('sends each person their own inbox count, and nobody else', async () => {
    const alice = await stream(org.alice, '');
    const carol = await stream(org.carol, '');
    const question = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'Inbox?' } }));
    await must(api().request('POST', `/questions/${question.id}/answers`, { token: org.bob.token, json: { body: 'yes' } }));
    const changed = await alice.waitFor((e) => e.event === 'inbox.changed');
    const box = await must(api().request('GET', '/inbox', { token: org.alice.token }));
    expect(changed.data.data.unread).toBe(box.unread);
    await must(api().request('POST', '/inbox/read-all', { token: org.alice.token }));
    await alice.waitFor((e) => e.event === 'inbox.changed' && e.data.data.unread === 0);
    expect(carol.content).toEqual([]); // no page, no inbox change of hers
  });

  it('opens a stream with a single-use ticket, never twice, and refuses no credentials', async () => {
    const ticket = await must(api().request('POST', '/events/ticket', { token: org.carol.token }));
    expect(ticket.ticket).toMatch(/^alt_/);
    const first = await openEvents(api(), `${q}&ticket=${ticket.ticket}`);
    expect(first.status).toBe(200);
    streams.keep(first.client!);
    const n = await note(org.alice, 'via ticket');
    await first.client!.waitFor((e) => e.data.data?.noteId === n.id);
    const second = await openEvents(api(), `${q}&ticket=${ticket.ticket}`);
    expect(second.status).toBe(401);
    expect(second.body.code).toBe('invalid_ticket');
    expect((await openEvents(api(), q)).status).toBe(401);
    expect((await openEvents(api(), q, { token: 'als_nope' })).status).toBe(401);
    expect((await api().request('POST', '/events/ticket')).status).toBe(401);
  });

  it('answers 400 for a bad url and 404 for an unregistered site', async () => {
    expect((await openEvents(api(), '?url=nope', { token: org.carol.token })).status).toBe(400);
    const other = await openEvents(api(), `?url=${encodeURIComponent('https://elsewhere.example/x')}`, { token: org.carol.token });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('site_not_registered');
  });

  it('ends the stream when its session is revoked', async () => {
    const signin = await must(api().request('POST', '/auth/signin', { json: { email: org.carol.user.email, password: 'correct horse battery' } }));
    const s = await stream({ token: signin.token, user: org.carol.user }, q);
    await must(api().request('POST', '/auth/signout', { token: signin.token }));
    const end = await s.waitFor((e) => e.event === 'end');
    expect(end.data).toEqual({ reason: 'session_revoked' });
    await s.ended;
  });

  it('ends a stream whose session expired, at the next heartbeat', async () => {
    const s = await stream(org.carol);
    const hub = api().services.live as unknown as { streams: Set<{ expiresAt: number }>; beat: () => void };
    for (const open_ of hub.streams) open_.expiresAt = Date.now() - 1;
    hub.beat();
    const end = await s.waitFor((e) => e.event === 'end');
    expect(end.data).toEqual({ reason: 'session_expired' });
    await s.ended;
  });

  it('ends every stream on shutdown', async () => {
    const s = await stream(org.carol);
    expect(api().services.live.size).toBeGreaterThan(0);
    // close() is what main.ts calls before server.close(); here only this stream is open (see afterEach).
    api().services.live.close();
    await s.waitFor((e) => e.event === 'end' && e.data.reason === 'server_stopping');
    await s.ended;
    expect(api().services.live.size).toBe(0);
    await api().services.live.start(); // the other tests' hub keeps working
  });
});
