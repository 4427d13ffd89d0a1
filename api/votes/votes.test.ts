import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/7`;

describeEachDatabase('votes', (api) => {
  let org: Org;
  let targets: Record<'notes' | 'questions' | 'answers', string>;
  beforeAll(async () => {
    org = await createOrg(api());
    const note = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'Mine' } }));
    const question = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'Mine?' } }));
    const asked = await must(api().request('POST', `/questions/${question.id}/answers`, { token: org.alice.token, json: { body: 'Also mine' } }));
    targets = { notes: note.id, questions: question.id, answers: asked.answers[0].id };
  });

  describe.each(['notes', 'questions', 'answers'] as const)('on %s', (kind) => {
    it('refuses a vote on your own with a stable code, and leaves the score alone', async () => {
      const own = await api().request('PUT', `/${kind}/${targets[kind]}/vote`, { token: org.alice.token });
      expect(own.status).toBe(403);
      expect(own.body).toEqual({ code: 'own_content', message: 'You cannot vote on what you wrote.' });
      expect((await api().request('DELETE', `/${kind}/${targets[kind]}/vote`, { token: org.alice.token })).body.code).toBe('own_content');
      // A colleague's vote counts: the refusal was about who voted, not what.
      expect((await api().request('PUT', `/${kind}/${targets[kind]}/vote`, { token: org.bob.token })).body).toEqual({ score: 1, votedByMe: true });
    });
  });
});
