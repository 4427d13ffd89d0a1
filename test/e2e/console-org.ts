// A small organisation for the console's browser suites, made over HTTP as any client would: the first
// account (the admin), three colleagues (two in team Support), and the CRM app with two screens.
import { PASSWORD } from '../support/console';

export const SITE = 'https://crm.corp.example';

export interface Person {
  token: string;
  user: { id: string; name: string; email: string };
}

export interface ConsoleOrg {
  call<T = any>(method: string, path: string, as?: Person, json?: unknown): Promise<T>;
  ada: Person; // admin
  ben: Person; // Support
  cleo: Person; // Support
  dan: Person; // no team
  site: { id: string; origin: string };
  teamId: string;
}

export async function seedOrg(origin: string): Promise<ConsoleOrg> {
  const call = async (method: string, path: string, as?: Person, json?: unknown) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { ...(as ? { authorization: `Bearer ${as.token}` } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const signUp = (name: string): Promise<Person> => call('POST', '/auth/signup', undefined, { email: `${name.toLowerCase()}@corp.example`, name, password: PASSWORD });
  const ada = await signUp('Ada');
  const [ben, cleo, dan] = [await signUp('Ben'), await signUp('Cleo'), await signUp('Dan')];
  const team = await call('POST', '/teams', ada, { name: 'Support' });
  for (const p of [ben, cleo]) await call('POST', `/teams/${team.id}/members`, ada, { userId: p.user.id });
  const site = await call('POST', '/sites', ada, {
    origin: SITE,
    name: 'CRM',
    rules: { keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'Account', pattern: '/accounts/:id' }, { name: 'Report', pattern: '/reports/:id' }] },
  });
  return { call, ada, ben, cleo, dan, site, teamId: team.id };
}
