import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const pattern = `${SITE}/accounts/:id`;

describeEachDatabase('questions and answers', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  const ask = (token: string, json: object = {}) =>
    must(api().request('POST', '/questions', { token, json: { pattern, title: 'How do I merge accounts?', ...json } }));

  it('asks, answers, and the asker accepts', async () => {
    const q = await ask(org.alice.token, { body: 'Two records for one client.' });
    expect(q).toMatchObject({ status: 'open', answerCount: 0, answers: [], acceptedAnswerId: null, body: 'Two records for one client.' });

    const withAnswer = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'Use *Merge* in the menu.' } }));
    expect(withAnswer.answerCount).toBe(1);
    const answerId = withAnswer.answers[0].id;

    const notAsker = await api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.bob.token, json: { answerId } });
    expect(notAsker.status).toBe(403);
    const accepted = await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.alice.token, json: { answerId } }));
    expect(accepted).toMatchObject({ status: 'answered', acceptedAnswerId: answerId });
    expect(accepted.answers[0].accepted).toBe(true);

    const withdrawn = await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.alice.token, json: { answerId: null } }));
    expect(withdrawn.status).toBe('open');
  });

  it('refuses to accept an answer from another question', async () => {
    const q1 = await ask(org.alice.token);
    const q2 = await ask(org.carol.token);
    const a2 = await must(api().request('POST', `/questions/${q2.id}/answers`, { token: org.bob.token, json: { body: 'Elsewhere' } }));
    const res = await api().request('PUT', `/questions/${q1.id}/accepted-answer`, { token: org.alice.token, json: { answerId: a2.answers[0].id } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('answer_not_on_question');
  });

  it('clears the acceptance when the accepted answer is deleted', async () => {
    const q = await ask(org.alice.token);
    const { answers } = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'Soon gone' } }));
    await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.alice.token, json: { answerId: answers[0].id } }));
    expect((await api().request('DELETE', `/answers/${answers[0].id}`, { token: org.carol.token })).status).toBe(403);
    const after = await must(api().request('DELETE', `/answers/${answers[0].id}`, { token: org.bob.token }));
    expect(after).toMatchObject({ status: 'open', acceptedAnswerId: null, answerCount: 0 });
  });

  it('lets authors edit their own question and answer only', async () => {
    const q = await ask(org.alice.token);
    expect((await api().request('PATCH', `/questions/${q.id}`, { token: org.bob.token, json: { title: 'Mine now' } })).status).toBe(403);
    expect((await must(api().request('PATCH', `/questions/${q.id}`, { token: org.alice.token, json: { title: 'Merging accounts?' } }))).title).toBe('Merging accounts?');
    const { answers } = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'first' } }));
    expect((await api().request('PATCH', `/answers/${answers[0].id}`, { token: org.alice.token, json: { body: 'x' } })).status).toBe(403);
    const edited = await must(api().request('PATCH', `/answers/${answers[0].id}`, { token: org.bob.token, json: { body: 'second' } }));
    expect(edited.answers[0].body).toBe('second');
  });

  it('hides team questions and their answers from outsiders', async () => {
    const q = await ask(org.alice.token, { visibility: 'team', teamId: org.teamId });
    const { answers } = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'team only' } }));
    expect((await api().request('GET', `/questions/${q.id}`, { token: org.carol.token })).status).toBe(404);
    expect((await api().request('POST', `/questions/${q.id}/answers`, { token: org.carol.token, json: { body: 'sneak' } })).status).toBe(404);
    expect((await api().request('PUT', `/answers/${answers[0].id}/vote`, { token: org.carol.token })).status).toBe(404);
    expect((await api().request('PATCH', `/answers/${answers[0].id}`, { token: org.carol.token, json: { body: 'x' } })).status).toBe(404);
  });

  it('votes on questions and answers once per person', async () => {
    const q = await ask(org.alice.token);
    const { answers } = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'helpful' } }));
    expect((await api().request('PUT', `/questions/${q.id}/vote`, { token: org.bob.token })).body.score).toBe(1);
    expect((await api().request('PUT', `/answers/${answers[0].id}/vote`, { token: org.alice.token })).body.score).toBe(1);
    expect((await api().request('PUT', `/answers/${answers[0].id}/vote`, { token: org.alice.token })).body.score).toBe(1);
    expect((await api().request('PUT', `/answers/${answers[0].id}/vote`, { token: org.bob.token })).status).toBe(403);
    const seen = await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }));
    expect(seen).toMatchObject({ score: 1, votedByMe: false });
    expect(seen.answers[0]).toMatchObject({ score: 1, votedByMe: true });
  });

  it('lets the asker or a moderator delete a question', async () => {
    const q = await ask(org.alice.token);
    expect((await api().request('DELETE', `/questions/${q.id}`, { token: org.bob.token })).status).toBe(403);
    expect((await api().request('DELETE', `/questions/${q.id}`, { token: org.moderator.token })).status).toBe(200);
    expect((await api().request('GET', `/questions/${q.id}`, { token: org.alice.token })).status).toBe(404);
  });
});
