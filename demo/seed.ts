// Demo content for the Northwind CRM demo app (demo/app/), written through the real HTTP API as the
// people who would write it: an admin sets up people, teams, the site and experts; colleagues add
// notes, tips, questions, answers and votes.
//
// Safe to run again on a seeded database: every step first looks for what it would create. When the
// last item of a complete run is already there, the whole seed is skipped after one sign-in (sign-ins
// are rate limited per address).
import { ApiFailure, apiClient, type ApiClient } from '@shared/client';
import type { Anchor, Note, Question, Role, Session, User, Visibility } from '@shared/contract';
import { DEMO_SITE_RULES } from './site-rules';

/** One password for every demo account: it is printed for the newcomer anyway. */
export const DEMO_PASSWORD = 'teal-harbour-lantern';
export const DEMO_ADMIN = { name: 'Alex Morgan', email: 'alex.morgan@northwind.example', password: DEMO_PASSWORD };

type PersonKey = 'priya' | 'marcus' | 'sofia' | 'tomas' | 'hannah' | 'jonas';
type TeamKey = 'sales' | 'support';

// The same people own the accounts in the demo app's data (demo/app/data.js).
const PEOPLE: Record<PersonKey, { name: string; email: string; role: Role; teams: TeamKey[]; about: string }> = {
  priya: { name: 'Priya Raman', email: 'priya.raman@northwind.example', role: 'member', teams: ['sales'], about: 'Sales EMEA, expert on accounts' },
  marcus: { name: 'Marcus Oyelaran', email: 'marcus.oyelaran@northwind.example', role: 'moderator', teams: ['sales'], about: 'Sales EMEA lead, moderator' },
  sofia: { name: 'Sofia Lindqvist', email: 'sofia.lindqvist@northwind.example', role: 'member', teams: ['support'], about: 'Customer Support, billing expert' },
  tomas: { name: 'Tomás Ferreira', email: 'tomas.ferreira@northwind.example', role: 'member', teams: ['support'], about: 'Customer Support, ticket expert' },
  hannah: { name: 'Hannah Cho', email: 'hannah.cho@northwind.example', role: 'member', teams: ['sales'], about: 'Sales EMEA, new to the team' },
  jonas: { name: 'Jonas Weber', email: 'jonas.weber@northwind.example', role: 'member', teams: ['support'], about: 'Customer Support' },
};
const TEAMS: Record<TeamKey, string> = { sales: 'Sales EMEA', support: 'Customer Support' };

interface NoteSeed {
  author: PersonKey;
  /** A page the note shows on: how a re-run finds it again. */
  page: string;
  pattern: string;
  body: string;
  visibility?: Visibility;
  team?: TeamKey;
  anchor?: Anchor;
  votes?: PersonKey[];
}

interface QuestionSeed {
  author: PersonKey;
  page: string;
  pattern: string;
  title: string;
  body: string;
  visibility?: Visibility;
  team?: TeamKey;
  votes?: PersonKey[];
  answers: Array<{ author: PersonKey; body: string; accepted?: boolean; votes?: PersonKey[] }>;
}


function content(o: string) {
  const account = `${o}/accounts/1004`;
  const experts: Array<{ person: PersonKey; pattern: string }> = [
    { person: 'priya', pattern: `${o}/accounts/*` },
    { person: 'marcus', pattern: `${o}/accounts/:id` },
    { person: 'sofia', pattern: `${o}/accounts/:id/orders` },
    { person: 'tomas', pattern: `${o}/tickets/:id` },
    { person: 'jonas', pattern: `${o}/tickets/*` },
  ];

  const notes: NoteSeed[] = [
    {
      author: 'priya',
      page: account,
      pattern: `${o}/accounts/:id`,
      votes: ['hannah', 'tomas', 'marcus'],
      body: [
        '**Before you change an account, check who owns it.** The owner gets the renewal commission, so',
        'tell them first (a message is enough).',
        '',
        '- *Account owner* changes need a manager in the loop: ask in `#sales-ops`.',
        '- *Tier* is set by Finance from the contract. Do not change it here; open a ticket instead.',
        '- Billing email goes on every invoice: use a shared mailbox (`billing@…`), never a person.',
        '',
        'The full playbook is on the [sales wiki](https://wiki.northwind.example/sales/account-hygiene).',
      ].join('\n'),
    },
    {
      author: 'sofia',
      page: account,
      pattern: `${o}/accounts/:id`,
      votes: ['hannah', 'marcus', 'jonas'],
      anchor: {
        selector: [
          { type: 'CssSelector', value: '[data-testid="send-invoice"]', refinedBy: { type: 'TextQuoteSelector', exact: 'Send invoice' } },
          { type: 'AttributeSelector', tag: 'button', attributes: { 'data-testid': 'send-invoice' } },
          { type: 'TextQuoteSelector', exact: 'Send invoice', prefix: 'Save', suffix: 'Merge account' },
        ],
      },
      body: [
        '**Save first, then send.** *Send invoice* uses the payment terms that are saved on the account,',
        'not what is in the form. Unsaved changes are silently ignored.',
        '',
        'Tax-exempt customers: check the certificate is on file, or the invoice goes out with VAT.',
      ].join('\n'),
    },
    {
      author: 'marcus',
      page: account,
      pattern: `${o}/accounts/:id`,
      votes: ['priya'],
      anchor: {
        selector: [
          { type: 'CssSelector', value: '.nw-actions > button.nw-btn--danger', refinedBy: { type: 'TextQuoteSelector', exact: 'Merge account' } },
          { type: 'TextQuoteSelector', exact: 'Merge account', prefix: 'Send invoice', suffix: '⋯' },
          { type: 'ElementPositionSelector', tag: 'button', index: 2, of: 4 },
        ],
      },
      body: 'Merging **cannot be undone** and moves every order to the other account. Ask in `#sales-ops` first; for duplicates created by the web form, Support can hide the copy instead.',
    },
    {
      author: 'priya',
      page: account,
      pattern: `${o}/accounts/*`,
      visibility: 'team',
      team: 'sales',
      body: [
        'Sales EMEA only: **discount approvals** for renewals.',
        '',
        '1. Up to 10%: your own call, note it in *Internal notes*.',
        '2. 10–20%: Marcus approves.',
        '3. Above 20%: the VP, with a written save plan.',
      ].join('\n'),
    },
    {
      author: 'hannah',
      page: account,
      pattern: `${o}/accounts/:id`,
      visibility: 'private',
      body: 'My QBR checklist: last 3 invoices paid? open tickets? renewal date in the calendar? champion still there?',
    },
    {
      author: 'marcus',
      page: `${o}/accounts?tab=at-risk`,
      pattern: `${o}/accounts?tab=at-risk`,
      votes: ['priya'],
      body: 'Every account on this tab needs a **save plan** within two weeks of turning red. Template: [Save plan](https://wiki.northwind.example/sales/save-plan).',
    },
    {
      author: 'sofia',
      page: `${account}/orders`,
      pattern: `${o}/accounts/:id/orders`,
      votes: ['hannah'],
      body: [
        '**Chasing an overdue order**',
        '',
        '1. Check the payment did not arrive in the last two days (bank feeds lag).',
        '2. Send the reminder from *Download PDF* → attach, not a new invoice.',
        '3. After 30 days, hand over to Finance with the order number, e.g. `SO-1004-003`.',
      ].join('\n'),
    },
    {
      author: 'tomas',
      page: `${o}/tickets/4203`,
      pattern: `${o}/tickets/:id`,
      votes: ['jonas', 'sofia'],
      body: [
        '**Triage in the first hour:**',
        '',
        '- *Urgent*: production down or invoices blocked. Page the on-call engineer with **Escalate**.',
        '- *High*: one team blocked, workaround exists.',
        '- Everything else is *Normal*. We do not use *Low* for customers.',
      ].join('\n'),
    },
    {
      author: 'jonas',
      page: `${o}/tickets/4203`,
      pattern: `${o}/tickets/*`,
      visibility: 'team',
      team: 'support',
      body: 'SSO loops are almost always a clock skew on the customer side. Reply macro:\n\n```\nCould you send us a HAR file of the sign-in and the output of `date -u` on the machine?\n```',
    },
    {
      author: 'sofia',
      page: `${o}/legacy/#/reports/7`,
      pattern: `${o}/legacy/#/reports/7`,
      body: 'This report counts credit notes twice for Benelux: subtract the *Credit notes* line of report #4 until the fix ships.',
    },
  ];

  const questions: QuestionSeed[] = [
    {
      author: 'hannah',
      page: account,
      pattern: `${o}/accounts/:id`,
      title: 'When do I merge an account instead of archiving the duplicate?',
      body: 'Blue Harbor Foods exists twice, one created by the web form. Which one should survive?',
      votes: ['priya', 'sofia'],
      answers: [
        {
          author: 'marcus',
          accepted: true,
          votes: ['hannah', 'priya'],
          body: 'Merge when **both** have orders or tickets; keep the older account (lower `#id`) as the survivor. If the copy is empty, ask Support to archive it: that is reversible, a merge is not.',
        },
        { author: 'priya', body: 'And tell Finance before merging if both have open invoices: the numbers restart on the survivor.' },
      ],
    },
    {
      author: 'hannah',
      page: `${account}/orders`,
      pattern: `${o}/accounts/:id/orders`,
      title: 'Why is an order still Overdue when the customer paid yesterday?',
      body: '',
      answers: [{ author: 'sofia', body: 'Bank feeds arrive with a delay of up to two working days. If it is still *Overdue* after that, send me the order number.' }],
    },
    {
      author: 'jonas',
      page: `${o}/tickets/4203`,
      pattern: `${o}/tickets/:id`,
      title: 'Who approves a credit note over €5,000?',
      body: 'The customer on #4213 wants one for a cancelled training day.',
      answers: [],
    },
    {
      author: 'priya',
      page: account,
      pattern: `${o}/accounts/*`,
      visibility: 'team',
      team: 'sales',
      title: 'Is the Q4 renewal promotion still on?',
      body: '',
      answers: [{ author: 'marcus', body: 'Until 15 December, for Growth tier only.' }],
    },
  ];

  // Written last: its presence means a complete earlier run (see the fast path in seedDemo).
  const welcome: NoteSeed = {
    author: 'priya',
    page: `${o}/`,
    pattern: `${o}/`,
    votes: ['hannah'],
    body: 'Welcome to Northwind CRM! New here? Start with **Accounts → At risk**, then open any account: colleagues left tips on the buttons that bite.',
  };
  return { experts, notes, questions, welcome };
}

// ---------------------------------------------------------------------------------------------

class SeedError extends Error {
  override readonly name = 'SeedError';
}

/** The API as one person: the shared typed client, with failures told in the seed's words. */
function as(base: string, token?: string): ApiClient['call'] {
  const { call } = apiClient(base, { token });
  return (async (...args: Parameters<ApiClient['call']>) => {
    try {
      return await call(...args);
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      if (err.status === 0) throw new SeedError(`Cannot reach the API at ${base}: ${err.message}`);
      throw new SeedError(`${args[0]} → ${err.status} ${err.code}: ${err.message}`, { cause: err });
    }
  }) as ApiClient['call'];
}

/** The status a failed call answered (the seed expects some: an expert already assigned, a wrong password). */
const statusOf = (err: unknown) => (err instanceof SeedError && err.cause instanceof ApiFailure ? err.cause.status : undefined);

export interface SeedResult {
  admin: { email: string; password: string };
  /** `about` says who they are in the demo story (team, expertise, role). */
  people: Array<{ name: string; email: string; password: string; about: string }>;
}

/**
 * Seeds the API at `apiBase` (e.g. http://127.0.0.1:8420/api/v1) with demo content for the demo app
 * at `appOrigin` (e.g. http://127.0.0.1:8421). The admin is DEMO_ADMIN: signed in if it exists (the
 * API may have been started with ALONGSIDE_ADMIN_EMAIL/PASSWORD), else signed up as the first account.
 */
export async function seedDemo(
  apiBase: string,
  appOrigin: string,
  options: { log?: (line: string) => void } = {},
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const base = apiBase.replace(/\/+$/, '');
  const origin = new URL(appOrigin).origin;
  const plan = content(origin);
  const result: SeedResult = {
    admin: { email: DEMO_ADMIN.email, password: DEMO_PASSWORD },
    people: Object.values(PEOPLE).map(({ name, email, about }) => ({ name, email, password: DEMO_PASSWORD, about })),
  };

  const admin = as(base, await signInOrUp(base));
  const contextOf = (call: ApiClient['call'], url: string) => call('GET /context', { query: { url } });

  const site = (await admin('GET /sites')).find((s) => s.origin === origin);
  if (site && (await contextOf(admin, plan.welcome.page)).notes.some((n) => n.body === plan.welcome.body)) {
    log(`Demo content for ${origin} is already there: nothing to do.`);
    return result;
  }

  // People, roles and teams.
  const userIds = {} as Record<PersonKey, string>;
  for (const [key, person] of Object.entries(PEOPLE) as Array<[PersonKey, (typeof PEOPLE)[PersonKey]]>) {
    const found: User | undefined = (await admin('GET /users', { query: { q: person.email } })).items.find((u) => u.email === person.email);
    const user = found ?? (await admin('POST /users', { json: { email: person.email, name: person.name, password: DEMO_PASSWORD } }));
    if (user.role !== person.role) await admin('PATCH /users/{id}', { params: { id: user.id }, json: { role: person.role } });
    userIds[key] = user.id;
  }
  log(`People: ${Object.values(PEOPLE).map((p) => p.name).join(', ')} (${PEOPLE.marcus.name} is a moderator).`);

  const teamIds = {} as Record<TeamKey, string>;
  const teams = await admin('GET /teams');
  for (const [key, name] of Object.entries(TEAMS) as Array<[TeamKey, string]>) {
    const team = teams.find((t) => t.name === name) ?? (await admin('POST /teams', { json: { name } }));
    for (const [person, p] of Object.entries(PEOPLE) as Array<[PersonKey, (typeof PEOPLE)[PersonKey]]>) {
      if (!p.teams.includes(key) || team.members.some((m) => m.id === userIds[person])) continue;
      await admin('POST /teams/{id}/members', { params: { id: team.id }, json: { userId: userIds[person] } });
    }
    teamIds[key] = team.id;
  }
  log(`Teams: ${Object.values(TEAMS).join(', ')}.`);

  // The site, with its rules brought up to date if it exists.
  if (site) await admin('PATCH /sites/{id}', { params: { id: site.id }, json: { rules: DEMO_SITE_RULES } });
  else await admin('POST /sites', { json: { origin, name: 'Northwind CRM (demo)', rules: DEMO_SITE_RULES } });
  log(`Site: ${origin} (keeps ?tab=, hash-routed /legacy/, ${DEMO_SITE_RULES.templates.length} screen templates).`);

  for (const { person, pattern } of plan.experts) {
    await admin('POST /experts', { json: { userId: userIds[person], pattern } }).catch((err: unknown) => {
      if (statusOf(err) !== 409) throw err; // 409: already an expert there
    });
  }
  log(`Experts: ${plan.experts.length} assignments.`);

  // Everyone else acts with their own session.
  const people = {} as Record<PersonKey, ApiClient['call']>;
  for (const [key, person] of Object.entries(PEOPLE) as Array<[PersonKey, (typeof PEOPLE)[PersonKey]]>) {
    const session = await as(base)('POST /auth/signin', { json: { email: person.email, password: DEMO_PASSWORD } }).catch((err: unknown) => {
      if (statusOf(err) === 401) throw new SeedError(`${person.email} exists with another password: use a fresh data directory for the demo.`);
      throw err;
    });
    people[key] = as(base, session.token);
  }

  const sharing = (item: { visibility?: Visibility; team?: TeamKey }) =>
    item.visibility === 'team' ? { visibility: 'team' as const, teamId: teamIds[item.team!] } : { visibility: item.visibility ?? 'org' };

  const vote = async (kind: 'notes' | 'questions' | 'answers', id: string, voters: PersonKey[] = []) => {
    for (const voter of voters) await people[voter]('PUT /{kind}/{id}/vote', { params: { kind, id } });
  };

  const ensureNote = async (seed: NoteSeed) => {
    const author = people[seed.author];
    const found: Note | undefined = (await contextOf(author, seed.page)).notes.find((n) => n.author.id === userIds[seed.author] && n.body === seed.body);
    const note = found ?? (await author('POST /notes', { json: { pattern: seed.pattern, body: seed.body, anchor: seed.anchor ?? null, ...sharing(seed) } }));
    await vote('notes', note.id, seed.votes);
  };

  for (const seed of plan.notes) await ensureNote(seed);
  log(`Notes and tips: ${plan.notes.length + 1} (${plan.notes.filter((n) => n.anchor).length} tips pinned to buttons).`);

  for (const seed of plan.questions) {
    const asker = people[seed.author];
    const summary = (await contextOf(asker, seed.page)).questions.find((q) => q.author.id === userIds[seed.author] && q.title === seed.title);
    const question: Question = summary
      ? await asker('GET /questions/{id}', { params: { id: summary.id } })
      : await asker('POST /questions', { json: { pattern: seed.pattern, title: seed.title, body: seed.body, ...sharing(seed) } });
    await vote('questions', question.id, seed.votes);
    for (const answerSeed of seed.answers) {
      const existing = question.answers.find((a) => a.author.id === userIds[answerSeed.author] && a.body === answerSeed.body);
      const answered = existing
        ? question
        : await people[answerSeed.author]('POST /questions/{id}/answers', { params: { id: question.id }, json: { body: answerSeed.body } });
      const answer = answered.answers.find((a) => a.author.id === userIds[answerSeed.author] && a.body === answerSeed.body)!;
      await vote('answers', answer.id, answerSeed.votes);
      if (answerSeed.accepted && question.acceptedAnswerId !== answer.id) {
        await asker('PUT /questions/{id}/accepted-answer', { params: { id: question.id }, json: { answerId: answer.id } });
      }
    }
  }
  log(`Questions: ${plan.questions.length}, with ${plan.questions.reduce((n, q) => n + q.answers.length, 0)} answers (one accepted).`);

  await ensureNote(plan.welcome);
  return result;
}

/** The admin's token: sign in, or sign up as the first account (which the API makes admin). */
async function signInOrUp(base: string): Promise<string> {
  const anyone = as(base);
  const session: Session = await anyone('POST /auth/signin', { json: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } }).catch(async (err: unknown) => {
    if (statusOf(err) !== 401) throw err;
    return anyone('POST /auth/signup', { json: DEMO_ADMIN }).catch((refused: unknown) => {
      throw new SeedError(
        `Cannot sign in as ${DEMO_ADMIN.email} (${(refused as Error).message}). Start the API with ` +
          `ALONGSIDE_ADMIN_EMAIL=${DEMO_ADMIN.email} ALONGSIDE_ADMIN_PASSWORD=${DEMO_PASSWORD}, or on an empty database.`,
      );
    });
  });
  if (session.user.role !== 'admin') {
    throw new SeedError(
      `${DEMO_ADMIN.email} is not an admin (another account came first). Start the API with ` +
        `ALONGSIDE_ADMIN_EMAIL=${DEMO_ADMIN.email} ALONGSIDE_ADMIN_PASSWORD=${DEMO_PASSWORD} to promote it.`,
    );
  }
  return session.token;
}
