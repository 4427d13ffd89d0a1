// A small organisation for API tests: an admin, a moderator, two teammates and an outsider, one site.
import type { Account, TestApi } from './api-harness';

export const SITE = 'https://crm.corp.example';

export interface Org {
  admin: Account;
  moderator: Account;
  alice: Account; // in team Support
  bob: Account; // in team Support
  carol: Account; // in no team
  site: { id: string; origin: string };
  teamId: string;
}

export async function createOrg(api: TestApi): Promise<Org> {
  const admin = await api.signUp('Admin');
  if (admin.user.role !== 'admin') throw new Error('createOrg must run on an empty database');
  const [moderator, alice, bob, carol] = [
    await api.signUp('Moderator'),
    await api.signUp('Alice'),
    await api.signUp('Bob'),
    await api.signUp('Carol'),
  ];
  await must(api.request('PATCH', `/users/${moderator.user.id}`, { token: admin.token, json: { role: 'moderator' } }));
  const team = await must(api.request('POST', '/teams', { token: admin.token, json: { name: 'Support' } }));
  for (const member of [alice, bob]) {
    await must(api.request('POST', `/teams/${team.id}/members`, { token: admin.token, json: { userId: member.user.id } }));
  }
  const site = await must(
    api.request('POST', '/sites', {
      token: admin.token,
      json: {
        origin: SITE,
        name: 'CRM',
        rules: { keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'Account', pattern: '/accounts/:id' }] },
      },
    }),
  );
  return { admin, moderator, alice, bob, carol, site, teamId: team.id };
}

/** The body of a 2xx reply, or a thrown error that shows what came back instead. */
export async function must<T = any>(reply: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await reply;
  if (status < 200 || status > 299) throw new Error(`expected 2xx, got ${status}: ${JSON.stringify(body)}`);
  return body;
}
