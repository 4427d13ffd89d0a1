// "Who may see what", as a black-box property over HTTP, on both databases.
//
// fast-check generates a scenario: teams and their members, experts, a site owner, watches, then a
// sequence of steps (notes and tips, questions asked of experts or not, answers, replies, votes, accepted
// answers, edited titles, notes re-shared, people joining and leaving teams, tips reported not found,
// and check points). Each step runs through the public API; an independent model of the rule
// (access-model.ts) says what every read path must show, and the test compares:
//
//   after every step   GET /context for every person (exactly the visible notes and questions, counts),
//                      and the live streams: every person has GET /events?url=<page> open; the step's
//                      events must reach exactly the people who may see their item
//   at check points    GET /notes/{id}, /notes/{id}/replies, /questions/{id} for every person and item
//   and at the end     (200 or the same 404 as missing content), GET /inbox (items only for people who
//                      may see their content, and nothing of content its owner can no longer see: no
//                      excerpt, no title), and a replay (Last-Event-ID from the start of the run)
//   at the end         the webhook delivery logs: deliveries only for org-visible content
//
// Write paths are checked on the way (a write about hidden content answers 404; sharing with a team you
// are not in, 403): a write that disagrees with the model ends the scenario, since the two have parted.
//
// Waiting: the API answers every write before its live events are dispatched (the hub reads committed
// events asynchronously), so after each step one person toggles a vote on a marker note and every stream
// waits (bounded, SseClient.waitFor) for that pulse; events are dispatched in id order, so everything the
// step caused has arrived by then. Nothing waits for time.
//
// Each family of checks is its own test (one it() per family, per database), judged over the same
// scenarios: they come from one fixed seed, and each scenario runs once (cached), so ten tests cost one
// set of runs. A family's first disagreeing scenario is minimized (steps and setup removed one at a time
// while it still disagrees, re-running only the checks that family needs) and reported step by step.
//
// Knobs: ACCESS_SEED (fixed by default), ACCESS_RUNS (scenarios per database), ACCESS_CHECKS (a comma
// list of the families to test: reads, context, writes, inbox-notes, inbox-questions, routing, watches,
// tip-notices, events-live, events-replay, webhooks; default all), ACCESS_SURVEY=1 (fail nothing; print
// which scenarios disagree, per family), ACCESS_VERBOSE=1 (print every scenario run and what it compared).
import fc from 'fast-check';
import { afterAll, beforeAll, it } from 'vitest';
import { describeEachDatabase, openEvents, type Account, type Reply, type SseClient, type SseEvent, type TestApi } from '../support/api-harness';
import { must } from '../support/org-fixture';
import {
  ADMIN,
  CONTENT_PATTERNS,
  EXPERT_PATTERNS,
  Model,
  NAMES,
  PAGE_PATH,
  PEOPLE,
  PULSER,
  REGRESSIONS,
  scenario,
  WATCH_PATTERNS,
  type Action,
  type InboxKind,
  type Pin,
  type MAnswer,
  type MNote,
  type MQuestion,
  type Scenario,
  type Shared,
  type Snapshot,
} from './access-model';

const SEED = Number(process.env.ACCESS_SEED ?? 20261207);
const RUNS = Number(process.env.ACCESS_RUNS ?? 15);
const CHECKS = process.env.ACCESS_CHECKS ? new Set(process.env.ACCESS_CHECKS.split(',')) : undefined;
/** Survey mode: judge nothing, count the scenarios that disagree per family (to measure what the generator finds). */
const SURVEY = process.env.ACCESS_SURVEY === '1';
/** How long a stream may take to deliver the pulse of a step: the only bounded wait (SSE is asynchronous). */
const PULSE_MS = 5000;

const ANCHOR = { selector: [{ type: 'CssSelector', value: '[data-testid="save"]' }] };
const CONTENT_KINDS = ['note.created', 'note.updated', 'note.deleted', 'note.replied', 'question.created', 'question.routed', 'answer.created', 'answer.accepted'];

type Family =
  | 'reads'
  | 'context'
  | 'writes'
  | 'inbox-notes'
  | 'inbox-questions'
  | 'routing'
  | 'watches'
  | 'tip-notices'
  | 'events-live'
  | 'events-replay'
  | 'webhooks'
  | 'harness';
/** Who judges an inbox item reaching the wrong person: by kind (what it shows is judged by inbox-notes/-questions). */
const familyOfKind: Record<InboxKind, Family> = {
  tip_outdated: 'tip-notices',
  question_routed: 'routing',
  watched_activity: 'watches',
  answer_posted: 'inbox-questions',
  answer_accepted: 'inbox-questions',
  note_reply: 'inbox-notes',
};

/** Which checks a run performs: all of them first; a minimizing run only what its family needs. */
interface Needs {
  live: boolean; // streams open, a pulse after each step, live events judged
  context: boolean;
  items: boolean;
  inbox: boolean;
  replay: boolean;
  hooks: boolean;
}
const ALL: Needs = { live: true, context: true, items: true, inbox: true, replay: true, hooks: true };
const NONE: Needs = { live: false, context: false, items: false, inbox: false, replay: false, hooks: false };
const NEEDS: Record<Family, Needs> = {
  reads: { ...NONE, items: true },
  context: { ...NONE, context: true },
  writes: NONE,
  'inbox-notes': { ...NONE, inbox: true },
  'inbox-questions': { ...NONE, inbox: true },
  routing: { ...NONE, items: true, inbox: true },
  watches: { ...NONE, inbox: true },
  'tip-notices': { ...NONE, inbox: true },
  'events-live': { ...NONE, live: true },
  'events-replay': { ...NONE, live: true, replay: true },
  webhooks: { ...NONE, live: true, hooks: true },
  harness: NONE,
};

/** A write answered otherwise than the model predicts: the scenario cannot go on. */
class Diverged extends Error {}
/** The property's failure: the scenario disagrees with the rule in this family. */
class Disagreement extends Error {}

/** An event the step should deliver to (at least) these people. */
interface Expected {
  kind: string;
  item: string;
  required: Set<number>;
}

const who = (p: number) => NAMES[p]!;
const list = (ps: Iterable<number>) => `{${[...ps].sort().map(who).join(',')}}`;
const is2xx = (s: number) => s >= 200 && s < 300;

/** One scenario against the API: its site, teams, people's streams, the model and what disagreed. */
class Run {
  readonly model: Model;
  readonly violations = new Map<string, Family>();
  readonly trace: string[] = [];
  private origin = '';
  private siteId = '';
  private teamIds: string[] = [];
  private marker!: MNote;
  private streams: SseClient[] = [];
  private lastPulse: number[] = [];
  private pulses = 0;
  private runStart = '0';
  private hooks: { content: string; votes: string } | undefined;
  /** Event id -> step (first delivered live during that step), and the event itself. */
  private readonly stepOf = new Map<number, number>();
  private readonly events = new Map<number, SseEvent>();
  private readonly steps: Array<{ pre: Snapshot; post: Snapshot }> = [];
  /** API id -> model item (answers: the answer). */
  private readonly notesById = new Map<string, MNote>();
  private readonly questionsById = new Map<string, MQuestion>();
  private readonly answersById = new Map<string, MAnswer>();
  /** What each read answers for content that does not exist: hidden content must answer the same. */
  private readonly missing = new Map<string, string>();
  private step = -1;
  /** Steps that changed nothing (no item to act on, a refused write, a check point). */
  readonly inert: number[] = [];
  /** The steps as run, each with its choices pinned (see Pin). */
  readonly concrete: Action[] = [];
  /** How much each check compared (ACCESS_VERBOSE prints it): a check that compares nothing proves nothing. */
  readonly compared = { contexts: 0, reads: 0, liveEvents: 0, replayedEvents: 0, inboxItems: 0, deliveries: 0, routes: 0 };

  constructor(
    private readonly api: TestApi,
    private readonly people: Account[],
    readonly n: number,
    private readonly sc: Scenario,
    private readonly needs: Needs = ALL,
  ) {
    this.model = new Model(sc.setup);
  }

  private violation(family: Family, text: string): void {
    if (!this.violations.has(text)) this.violations.set(text, family);
  }

  private req(method: string, path: string, p: number, json?: unknown): Promise<Reply> {
    return this.api.request(method, path, { token: this.people[p]!.token, json });
  }

  private url(path: string): string {
    return `${this.origin}${path}`;
  }

  private expectStatus(res: Reply, predicted: number, what: string): boolean {
    const ok = predicted < 300 ? is2xx(res.status) : res.status === predicted;
    this.trace.push(`${this.step + 1}. ${what} -> ${res.status}${ok ? '' : ` (the rule says ${predicted < 300 ? '2xx' : predicted})`}`);
    if (!ok) {
      this.violation('writes', `step ${this.step + 1}: ${what} answered ${res.status} ${JSON.stringify(res.body)}, the rule says ${predicted < 300 ? '2xx' : predicted}`);
      throw new Diverged(what);
    }
    return is2xx(res.status);
  }

  private label(item: Shared & { key: string }): string {
    return `${item.key} (${this.model.describeSharing(item)}, by ${who(item.author)})`;
  }

  // -------------------------------------------------------------------------------------------------------
  // Setup

  private async setUp(): Promise<void> {
    const admin = ADMIN;
    const { setup } = this.sc;
    const userId = (p: number) => this.people[p]!.user.id;
    this.origin = `https://run${this.n}.access.example`;
    this.siteId = (await must(this.req('POST', '/sites', admin, { origin: this.origin, name: `Run ${this.n}` }))).id;
    this.teamIds = await Promise.all(setup.teams.map(async (_, t) => (await must(this.req('POST', '/teams', admin, { name: `run ${this.n} T${t}` }))).id as string));
    await Promise.all(
      setup.teams.flatMap((members, t) => members.map((p) => must(this.req('POST', `/teams/${this.teamIds[t]}/members`, admin, { userId: userId(p) })))),
    );
    // The marker note: before the watches and webhooks, so it reaches no inbox and no delivery log.
    const marker = await must(this.req('POST', '/notes', admin, { pattern: this.url(CONTENT_PATTERNS[0]), body: 'marker', visibility: 'org' }));
    this.marker = { key: 'M', origin: -1, id: marker.id, author: admin, vis: 'org', team: null, pattern: 0, tip: false, body: 'marker', replies: 0, failing: new Set(), flagged: false };
    this.model.marker = this.marker;
    this.notesById.set(marker.id, this.marker);
    const hook = (kinds: string[]) =>
      must(this.req('POST', '/webhooks', admin, { url: `http://127.0.0.1:9/access-run-${this.n}`, kinds })).then((h) => h.id as string);
    const [content, votes] = await Promise.all([
      this.needs.hooks ? hook(CONTENT_KINDS) : '',
      this.needs.hooks ? hook(['vote.changed']) : '',
      ...setup.experts.map((e) => must(this.req('POST', '/experts', admin, { userId: userId(e.who), pattern: this.url(EXPERT_PATTERNS[e.pattern]!) }))),
      ...setup.owners.map((o) => must(this.req('POST', `/sites/${this.siteId}/owners`, admin, { userId: userId(o) }))),
      ...setup.watches.map((w) => must(this.req('POST', '/watches', w.who, { pattern: this.url(WATCH_PATTERNS[w.pattern]!) }))),
    ]);
    if (this.needs.hooks) this.hooks = { content, votes };
    // Nothing is written while the streams open, so they all start after the same event id.
    this.streams = await Promise.all(
      (this.needs.live ? this.people : []).map(async (account, p) => {
        const opened = await openEvents(this.api, `?url=${encodeURIComponent(this.url(PAGE_PATH))}`, { token: account.token });
        if (opened.status !== 200) throw new Error(`GET /events for ${who(p)}: ${opened.status} ${JSON.stringify(opened.body)}`);
        return opened.client!;
      }),
    );
    this.lastPulse = this.streams.map((s) => Number(s.events.find((e) => e.event === 'ready')!.data.lastEventId));
    this.runStart = String(this.lastPulse[0] ?? 0);
    if (new Set(this.lastPulse).size > 1) throw new Error(`the streams started apart: ${this.lastPulse}`);
    const none = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/notes/${none}`, `/notes/${none}/replies`, `/questions/${none}`]) {
      const res = await this.req('GET', path, admin);
      this.missing.set(path.replace(none, '{id}'), `${res.status} ${JSON.stringify(res.body)}`);
    }
    this.trace.push(
      `setup: ${this.model.describeTeams()}; experts: ${setup.experts.map((e) => `${who(e.who)}@${EXPERT_PATTERNS[e.pattern]}`).join(' ') || 'none'}; ` +
        `owners: ${setup.owners.map(who).join(' ') || 'none'}; watches: ${setup.watches.map((w) => `${who(w.who)}@${WATCH_PATTERNS[w.pattern]}`).join(' ') || 'none'}`,
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.streams.map((s) => s.close()));
    if (this.hooks) {
      for (const id of Object.values(this.hooks)) await this.req('DELETE', `/webhooks/${id}`, ADMIN);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Steps

  async play(): Promise<void> {
    await this.setUp();
    for (const [i, action] of this.sc.actions.entries()) {
      this.step = i;
      const pre = this.model.snapshot();
      const expected = await this.act(action);
      this.steps.push({ pre, post: this.model.snapshot() });
      if (expected) {
        // Something changed: its live events and what /context shows (reads: they may overlap the pulse).
        await Promise.all([this.needs.live && this.pulseAndCheckLive(expected), this.needs.context && this.checkContext()]);
      } else this.inert.push(i);
      if (action.t === 'check') await this.checkAll();
    }
    this.step = this.sc.actions.length;
    await this.checkAll();
    if (this.needs.hooks) await this.checkWebhooks();
  }

  /**
   * Runs one step; what it should deliver live, or null when it changed nothing (no item to act on, a
   * refused write, a check point): then there is no pulse and no /context check after it.
   */
  private async act(a: Action): Promise<Expected[] | null> {
    const m = this.model;
    const id = a.id ?? this.step;
    const pin = a.pin;
    /** Records the step with its choices made concrete (the minimizer works on these). */
    const pinned = (p: Pin) => void this.concrete.push({ ...a, id, pin: p });
    const skip = (why: string): null => {
      this.concrete.push({ ...a, id });
      this.trace.push(`${this.step + 1}. (${a.t}: ${why}, skipped)`);
      return null;
    };
    const byOrigin = <T extends { origin: number }>(items: T[], origin: number | undefined) => items.find((x) => x.origin === origin);
    switch (a.t) {
      case 'note': {
        const team = pin ? pin.team! : a.vis === 'team' ? m.teamFor(a.by, a.team) : null;
        pinned({ team });
        const key = m.next('N');
        const body = `${key} text by ${who(a.by)}`;
        const predicted = team !== null && !m.isMember(a.by, team) ? 403 : 201;
        const res = await this.req('POST', '/notes', a.by, {
          pattern: this.url(CONTENT_PATTERNS[a.pattern]!),
          body,
          visibility: a.vis,
          ...(team !== null && { teamId: this.teamIds[team] }),
          ...(a.tip && { anchor: ANCHOR }),
        });
        const shared = { vis: a.vis, team, author: a.by };
        if (!this.expectStatus(res, predicted, `${who(a.by)} writes ${a.tip ? 'tip' : 'note'} ${key} (${m.describeSharing(shared)}) on ${CONTENT_PATTERNS[a.pattern]}`)) return null;
        const note: MNote = { key, origin: id, id: res.body.id, ...shared, pattern: a.pattern, tip: a.tip, body, replies: 0, failing: new Set(), flagged: false };
        m.notes.push(note);
        this.notesById.set(note.id, note);
        for (const w of m.watchers(a.pattern)) if (w !== a.by && m.canSee(w, note)) m.deliver(w, 'watched_activity', note);
        return [{ kind: 'note.created', item: key, required: m.viewers(note) }];
      }
      case 'question': {
        const team = pin ? pin.team! : a.vis === 'team' ? m.teamFor(a.by, a.team) : null;
        pinned({ team });
        const key = m.next('Q');
        const title = `${key} title by ${who(a.by)}`;
        const shared = { vis: a.vis, team, author: a.by };
        const predicted = team !== null && !m.isMember(a.by, team) ? 403 : a.ask && a.vis === 'private' ? 422 : 201;
        const res = await this.req('POST', '/questions', a.by, {
          pattern: this.url(CONTENT_PATTERNS[a.pattern]!),
          title,
          visibility: a.vis,
          ...(team !== null && { teamId: this.teamIds[team] }),
          ...(a.ask && { askExperts: true }),
        });
        const what = `${who(a.by)} asks ${key} (${m.describeSharing(shared)})${a.ask ? ' of the experts' : ''} on ${CONTENT_PATTERNS[a.pattern]}`;
        if (!this.expectStatus(res, predicted, what)) return null;
        const q: MQuestion = { key, origin: id, id: res.body.id, ...shared, pattern: a.pattern, title, answers: [], accepted: null, routedTo: [] };
        q.routedTo = a.ask ? m.routeNew(q) : [];
        m.questions.push(q);
        this.questionsById.set(q.id, q);
        this.trace[this.trace.length - 1] += `, routed to ${this.describeRoutes(res.body.routedTo)}`;
        this.checkRoutes(q, res.body.routedTo, 'POST /questions', true);
        for (const r of q.routedTo) m.deliver(r.who, 'question_routed', q);
        for (const w of m.watchers(a.pattern)) if (w !== a.by && m.canSee(w, q)) m.deliver(w, 'watched_activity', q);
        return [{ kind: 'question.created', item: key, required: m.viewers(q) }];
      }
      case 'answer': {
        const q = pin ? byOrigin(m.questions, pin.item) : m.pickQuestion(a.q);
        if (!q) return skip('no question yet');
        const by = pin ? pin.who! : m.actor(a.by, q, q.author);
        pinned({ item: q.origin, who: by });
        const key = m.next('A');
        const body = `${key} answer by ${who(by)}`;
        const res = await this.req('POST', `/questions/${q.id}/answers`, by, { body });
        if (!this.expectStatus(res, m.canSee(by, q) ? 201 : 404, `${who(by)} answers ${this.label(q)} with ${key}`)) return null;
        const found = (res.body.answers as Array<{ id: string; body: string }>).find((x) => x.body === body);
        if (!found) throw new Error(`answer ${key} missing from the reply`);
        const answer: MAnswer = { key, origin: id, id: found.id, author: by, question: q, body };
        q.answers.push(answer);
        m.answers.push(answer);
        this.answersById.set(answer.id, answer);
        if (by !== q.author) m.deliver(q.author, 'answer_posted', q);
        return [{ kind: 'answer.created', item: q.key, required: m.viewers(q) }];
      }
      case 'reply': {
        const note = pin ? byOrigin(m.notes, pin.item) : m.pickNote(a.n);
        if (!note) return skip('no note yet');
        const by = pin ? pin.who! : m.actor(a.by, note, note.author);
        pinned({ item: note.origin, who: by });
        const res = await this.req('POST', `/notes/${note.id}/replies`, by, { body: `reply by ${who(by)}` });
        if (!this.expectStatus(res, m.canSee(by, note) ? 201 : 404, `${who(by)} replies to ${this.label(note)}`)) return null;
        note.replies++;
        if (by !== note.author) m.deliver(note.author, 'note_reply', note);
        return [{ kind: 'note.replied', item: note.key, required: m.viewers(note) }];
      }
      case 'vote': {
        const list: Array<MNote | MQuestion | MAnswer> = a.on === 'note' ? m.notes : a.on === 'question' ? m.questions : m.answers;
        const target = pin ? byOrigin(list, pin.item) : a.on === 'note' ? m.pickNote(a.i) : a.on === 'question' ? m.pickQuestion(a.i) : m.pickAnswer(a.i);
        if (!target) return skip(`no ${a.on} yet`);
        const item: MNote | MQuestion = 'question' in target ? target.question : target;
        const by = pin ? pin.who! : m.actor(a.by, item, target.author);
        pinned({ item: target.origin, who: by });
        const predicted = !m.canSee(by, item) ? 404 : target.author === by ? 403 : 200;
        const res = await this.req('PUT', `/${a.on}s/${target.id}/vote`, by);
        const what = `${who(by)} votes for ${a.on} ${target.key}${'question' in target ? ` (by ${who(target.author)}) of ${this.label(item)}` : ` (${m.describeSharing(item)}, by ${who(item.author)})`}`;
        if (!this.expectStatus(res, predicted, what)) return null;
        return [{ kind: 'vote.changed', item: item.key, required: m.viewers(item) }];
      }
      case 'accept': {
        const q = pin ? byOrigin(m.questions, pin.item) : m.pickQuestion(a.q);
        const answer = q && (pin ? byOrigin(q.answers, pin.answer) : q.answers[a.a % Math.max(1, q.answers.length)]);
        if (!q || !answer) return skip('no answered question yet');
        pinned({ item: q.origin, answer: answer.origin });
        const res = await this.req('PUT', `/questions/${q.id}/accepted-answer`, q.author, { answerId: answer.id });
        if (!this.expectStatus(res, 200, `${who(q.author)} accepts ${answer.key} (by ${who(answer.author)}) on ${this.label(q)}`)) return null;
        if (answer.author !== q.author && answer !== q.accepted) {
          m.deliver(answer.author, 'answer_accepted', q, m.canSee(answer.author, q) ? 'required' : 'optional');
        }
        q.accepted = answer;
        return [{ kind: 'answer.accepted', item: q.key, required: m.viewers(q) }];
      }
      case 'editQuestion': {
        const q = pin ? byOrigin(m.questions, pin.item) : m.pickQuestion(a.q);
        if (!q) return skip('no question yet');
        pinned({ item: q.origin });
        const title = `${q.key} retitled at step ${this.step + 1}`;
        const res = await this.req('PATCH', `/questions/${q.id}`, q.author, { title });
        if (!this.expectStatus(res, 200, `${who(q.author)} retitles ${this.label(q)}`)) return null;
        q.title = title;
        return [];
      }
      case 'share': {
        const note = pin ? byOrigin(m.notes, pin.item) : m.pickNote(a.n);
        if (!note) return skip('no note yet');
        const by = pin ? pin.who! : a.by === 'author' ? note.author : a.by;
        const team = pin ? pin.team! : a.vis === 'team' ? m.teamFor(by, a.team) : null;
        pinned({ item: note.origin, who: by, team });
        const predicted = !m.canSee(by, note) ? 404 : by !== note.author ? 403 : team !== null && !m.isMember(by, team) ? 403 : 200;
        const res = await this.req('PATCH', `/notes/${note.id}`, by, { visibility: a.vis, teamId: team === null ? null : this.teamIds[team] });
        const what = `${who(by)} re-shares ${this.label(note)} as ${m.describeSharing({ vis: a.vis, team, author: by })}`;
        if (!this.expectStatus(res, predicted, what)) return null;
        note.vis = a.vis;
        note.team = team;
        return [{ kind: 'note.updated', item: note.key, required: m.viewers(note) }];
      }
      case 'join': {
        pinned({});
        const res = await this.req('POST', `/teams/${this.teamIds[a.team]}/members`, ADMIN, { userId: this.people[a.who]!.user.id });
        this.expectStatus(res, 200, `${who(a.who)} joins T${a.team}`);
        m.members[a.team]!.add(a.who);
        return [];
      }
      case 'leave': {
        const leaving = pin ? (m.isMember(pin.who!, pin.team!) ? { who: pin.who!, team: pin.team! } : undefined) : m.leaving(a);
        if (!leaving) return skip('nobody to leave');
        const { who: p, team } = leaving;
        pinned({ who: p, team });
        const res = await this.req('DELETE', `/teams/${this.teamIds[team]}/members/${this.people[p]!.user.id}`, ADMIN);
        this.expectStatus(res, 200, `${who(p)} leaves T${team}`);
        m.members[team]!.delete(p);
        return [];
      }
      case 'report': {
        const tip = pin ? byOrigin(m.notes, pin.item) : m.pickTip(a.n);
        if (!tip) return skip('no tip yet');
        let reporters = pin?.reporters;
        if (!reporters) {
          const viewers = [...m.viewers(tip)].sort();
          reporters = Array.from({ length: Math.min(a.k, viewers.length) }, (_, j) => viewers[(a.from + j) % viewers.length]!);
          const outsider = a.outsider ? [...Array(PEOPLE).keys()].find((p) => !m.canSee(p, tip)) : undefined;
          if (outsider !== undefined) reporters.push(outsider);
        }
        pinned({ item: tip.origin, reporters });
        let changed = false;
        for (const p of reporters) {
          const res = await this.req('POST', `/notes/${tip.id}/anchor-reports`, p, { found: false, confidence: 0 });
          if (!this.expectStatus(res, m.canSee(p, tip) ? 200 : 404, `${who(p)} reports ${this.label(tip)} not found`)) continue;
          changed = true;
          tip.failing.add(p);
          if (!tip.flagged && tip.failing.size >= 3) {
            tip.flagged = true;
            const told = new Set([tip.author, ...m.pageExperts(tip.pattern)]);
            for (const r of told) if (m.canSee(r, tip)) m.deliver(r, 'tip_outdated', tip);
            this.trace[this.trace.length - 1] += ` (flagged; the rule tells ${list([...told].filter((r) => m.canSee(r, tip)))})`;
          }
          if (res.body.possiblyOutdated !== tip.flagged) {
            this.violation('writes', `step ${this.step + 1}: ${tip.key} possiblyOutdated=${res.body.possiblyOutdated} after ${list(tip.failing)} failed to find it`);
            throw new Diverged('tip flag');
          }
        }
        return changed ? [] : null;
      }
      case 'check':
        this.concrete.push({ ...a, id });
        this.trace.push(`${this.step + 1}. check every read path`);
        return null;
    }
  }

  private describeRoutes(routes: Array<{ person: { id: string }; ring: number }>): string {
    if (!routes?.length) return 'nobody';
    return routes.map((r) => `${this.personOf(r.person.id)}(ring ${r.ring})`).join(' ');
  }

  private personOf(userId: string): string {
    const p = this.people.findIndex((a) => a.user.id === userId);
    return p >= 0 ? who(p) : `unknown user ${userId}`;
  }

  private checkRoutes(q: MQuestion, routes: Array<{ person: { id: string }; ring: number }>, where: string, atCreation: boolean, violation = this.violation.bind(this)): void {
    const got = (routes ?? []).map((r) => ({ who: this.people.findIndex((a) => a.user.id === r.person.id), ring: r.ring }));
    this.compared.routes += got.length;
    // Who may see the question when it is routed (at creation; later the list is history).
    for (const r of atCreation ? got : []) {
      if (r.who < 0 || r.who === q.author || !this.model.canSee(r.who, q)) {
        violation('routing', `${where}: ${this.label(q)} was routed to ${r.who < 0 ? 'an unknown person' : who(r.who)}, who may not see it (${this.model.describeTeams()})`);
      }
    }
    const fmt = (rs: Array<{ who: number; ring: number }>) => rs.map((r) => `${who(r.who)}@${r.ring}`).sort().join(' ') || 'nobody';
    if (fmt(got) !== fmt(q.routedTo)) {
      violation('routing', `${where}: ${q.key} routed to ${fmt(got)}; the rings (only people who may see it, never the asker) give ${fmt(q.routedTo)}`);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Live events

  /** The model item an event is about: a note or question key ('M' for the marker), or undefined. */
  private itemOf(e: SseEvent): MNote | MQuestion | undefined {
    const d = e.data?.data ?? {};
    if (e.event === 'vote.changed') {
      if (d.kind === 'notes') return this.notesById.get(d.id);
      if (d.kind === 'questions') return this.questionsById.get(d.id);
      return this.answersById.get(d.id)?.question;
    }
    if (e.event.startsWith('note.')) return this.notesById.get(d.noteId);
    return this.questionsById.get(d.questionId);
  }

  private isContent(e: SseEvent): boolean {
    return !['ready', 'reset', 'end', 'inbox.changed'].includes(e.event);
  }

  private isPulse(e: SseEvent): boolean {
    return e.event === 'vote.changed' && e.data?.data?.id === this.marker.id;
  }

  /** Who may receive an event of this kind about this item at this step. */
  private allowedAt(step: number, kind: string, key: string): Set<number> {
    const { pre, post } = this.steps[step]!;
    const now = post.get(key)?.viewers ?? new Set<number>();
    // A note re-shared away from someone tells them it is gone (note.deleted): they saw it a moment ago.
    return kind === 'note.deleted' ? new Set([...now, ...(pre.get(key)?.viewers ?? [])]) : now;
  }

  private async pulseAndCheckLive(expected: Expected[]): Promise<void> {
    const on = ++this.pulses % 2 === 1;
    await must(this.req(on ? 'PUT' : 'DELETE', `/notes/${this.marker.id}/vote`, PULSER));
    const windows = await Promise.all(
      this.streams.map(async (s, p) => {
        let pulse: SseEvent;
        try {
          pulse = await s.waitFor((e) => this.isPulse(e) && Number(e.id) > this.lastPulse[p]!, PULSE_MS);
        } catch {
          this.violation('events-live', `step ${this.step + 1}: ${who(p)}'s stream did not deliver the step's pulse within ${PULSE_MS} ms`);
          throw new Diverged('stream stalled');
        }
        const window = s.events.filter((e) => e.id !== undefined && Number(e.id) > this.lastPulse[p]! && Number(e.id) < Number(pulse.id) && this.isContent(e));
        this.lastPulse[p] = Number(pulse.id);
        this.events.set(Number(pulse.id), pulse);
        this.stepOf.set(Number(pulse.id), this.step);
        return window;
      }),
    );
    windows.forEach((window, p) => {
      this.compared.liveEvents += window.length;
      let last = 0;
      for (const e of window) {
        const id = Number(e.id);
        if (id <= last) this.violation('events-live', `${who(p)}'s stream sent event ${id} after ${last}`);
        last = id;
        if (!this.stepOf.has(id)) this.stepOf.set(id, this.step);
        this.events.set(id, e);
        const item = this.itemOf(e);
        if (!item) {
          this.violation('events-live', `step ${this.step + 1}: ${who(p)} received ${e.event} about content this run never wrote: ${JSON.stringify(e.data)}`);
          continue;
        }
        if (!this.allowedAt(this.step, e.event, item.key).has(p)) {
          this.violation(
            'events-live',
            `step ${this.step + 1}: ${who(p)} received ${e.event} ${JSON.stringify(e.data.data)} about ${this.label(item)}, which ${who(p)} may not see (${this.model.describeTeams()})`,
          );
        }
      }
      for (const x of expected) {
        if (!x.required.has(p)) continue;
        if (!window.some((e) => e.event === x.kind && this.itemOf(e)?.key === x.item)) {
          this.violation('events-live', `step ${this.step + 1}: ${who(p)} may see ${x.item} but did not receive its ${x.kind}`);
        }
      }
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Reads

  private async checkContext(): Promise<void> {
    const m = this.model;
    const page = encodeURIComponent(this.url(PAGE_PATH));
    await this.forEachPerson(async (p, violation) => {
      const res = await this.req('GET', `/context?url=${page}`, p);
      const at = `after step ${this.step + 1}: GET /context for ${who(p)}`;
      if (res.status !== 200) {
        violation('context', `${at} answered ${res.status}`);
        return;
      }
      const ctx = res.body;
      this.compared.contexts++;
      const shownNotes = new Set<string>();
      for (const n of ctx.notes as Array<{ id: string; visibility: string; teamId: string | null }>) {
        const note = this.notesById.get(n.id);
        if (!note) {
          violation('context', `${at} lists a note this run never wrote (${n.id})`);
          continue;
        }
        shownNotes.add(note.key);
        if (!m.canSee(p, note)) violation('context', `${at} shows ${this.label(note)}, which ${who(p)} may not see (${m.describeTeams()})`);
        else if (n.visibility !== note.vis || n.teamId !== (note.team === null ? null : this.teamIds[note.team])) {
          violation('context', `${at} shows ${note.key} shared as ${n.visibility}/${n.teamId}, not ${m.describeSharing(note)}`);
        }
      }
      const visibleNotes = m.allNotes().filter((n) => m.canSee(p, n));
      for (const note of visibleNotes) {
        if (!shownNotes.has(note.key)) violation('context', `${at} leaves out ${this.label(note)}, which ${who(p)} may see`);
      }
      const shownQuestions = new Set<string>();
      for (const s of ctx.questions as Array<{ id: string; answerCount: number; status: string }>) {
        const q = this.questionsById.get(s.id);
        if (!q) {
          violation('context', `${at} lists a question this run never asked (${s.id})`);
          continue;
        }
        shownQuestions.add(q.key);
        if (!m.canSee(p, q)) violation('context', `${at} shows ${this.label(q)}, which ${who(p)} may not see (${m.describeTeams()})`);
        else if (s.answerCount !== q.answers.length || s.status !== (q.accepted ? 'answered' : 'open')) {
          violation('context', `${at} shows ${q.key} with ${s.answerCount} answers, ${s.status}; the model: ${q.answers.length}, ${q.accepted ? 'answered' : 'open'}`);
        }
      }
      const visibleQuestions = m.questions.filter((q) => m.canSee(p, q));
      for (const q of visibleQuestions) {
        if (!shownQuestions.has(q.key)) violation('context', `${at} leaves out ${this.label(q)}, which ${who(p)} may see`);
      }
      const counts = {
        notes: visibleNotes.filter((n) => !n.tip).length,
        tips: visibleNotes.filter((n) => n.tip).length,
        questions: visibleQuestions.length,
        openQuestions: visibleQuestions.filter((q) => !q.accepted).length,
      };
      if ((Object.keys(counts) as Array<keyof typeof counts>).some((k) => ctx.counts?.[k] !== counts[k])) {
        violation('context', `${at} counts ${JSON.stringify(ctx.counts)}; what ${who(p)} may see counts ${JSON.stringify(counts)}`);
      }
    });
  }

  private async checkAll(): Promise<void> {
    if (this.needs.items) await this.checkItems();
    if (this.needs.inbox) await this.checkInbox();
    if (this.needs.replay) await this.checkReplay();
  }

  /**
   * Runs a read-only check for every person at once (reads do not change what anyone may see); what each
   * finds is recorded in person order, so reports read the same whatever order the replies came in.
   */
  private async forEachPerson(check: (p: number, violation: (family: Family, text: string) => void) => Promise<void>): Promise<void> {
    const found = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, p) => {
        const mine: Array<[Family, string]> = [];
        await check(p, (family, text) => void mine.push([family, text]));
        return mine;
      }),
    );
    for (const mine of found) for (const [family, text] of mine) this.violation(family, text);
  }

  private expectVisible(res: Reply, visible: boolean, path: string, what: string, violation = this.violation.bind(this)): boolean {
    if (visible && res.status === 200) return true;
    const missing = this.missing.get(path)!;
    if (!visible && `${res.status} ${JSON.stringify(res.body)}` === missing) return false;
    violation(
      'reads',
      `${what} answered ${res.status} ${visible ? '' : JSON.stringify(res.body)}; ${visible ? 'it is visible to them' : `it is hidden from them: ${missing}, as for missing content`} (${this.model.describeTeams()})`,
    );
    return false;
  }


  private async checkItems(): Promise<void> {
    const m = this.model;
    const at = this.step < this.sc.actions.length ? `after step ${this.step + 1}` : 'at the end';
    await this.forEachPerson(async (p, violation) => {
      // Every read at once: what each answers is judged in a fixed order below.
      const [notes, replies, questions] = await Promise.all([
        Promise.all(m.notes.map((n) => this.req('GET', `/notes/${n.id}`, p))),
        Promise.all(m.notes.map((n) => this.req('GET', `/notes/${n.id}/replies`, p))),
        Promise.all(m.questions.map((q) => this.req('GET', `/questions/${q.id}`, p))),
      ]);
      this.compared.reads += notes.length + replies.length + questions.length;
      m.notes.forEach((note, i) => {
        const visible = m.canSee(p, note);
        const got = notes[i]!;
        if (this.expectVisible(got, visible, '/notes/{id}', `${at}: GET /notes/{${this.label(note)}} for ${who(p)}`, violation)) {
          if (got.body.visibility !== note.vis || got.body.body !== note.body) {
            violation('reads', `${at}: GET /notes/{${note.key}} shows ${got.body.visibility}, ${JSON.stringify(got.body.body)}; the model: ${note.vis}, ${JSON.stringify(note.body)}`);
          }
        }
        const list = replies[i]!;
        if (this.expectVisible(list, visible, '/notes/{id}/replies', `${at}: GET /notes/{${this.label(note)}}/replies for ${who(p)}`, violation) && list.body.length !== note.replies) {
          violation('reads', `${at}: ${note.key} has ${list.body.length} replies for ${who(p)}, not ${note.replies}`);
        }
      });
      m.questions.forEach((q, i) => {
        const got = questions[i]!;
        if (!this.expectVisible(got, m.canSee(p, q), '/questions/{id}', `${at}: GET /questions/{${this.label(q)}} for ${who(p)}`, violation)) return;
        const answers = (got.body.answers as Array<{ id: string }>).map((a) => this.answersById.get(a.id)?.key ?? a.id).sort();
        if (answers.join() !== q.answers.map((a) => a.key).sort().join() || got.body.title !== q.title) {
          violation('reads', `${at}: GET /questions/{${q.key}} for ${who(p)} shows answers ${answers} titled ${JSON.stringify(got.body.title)}; the model: ${q.answers.map((a) => a.key)} ${JSON.stringify(q.title)}`);
        }
        if (p === q.author) this.checkRoutes(q, got.body.routedTo, `${at}: GET /questions/{id}`, false, violation);
      });
    });
  }

  private async checkInbox(): Promise<void> {
    const m = this.model;
    const at = this.step < this.sc.actions.length ? `after step ${this.step + 1}` : 'at the end';
    await this.forEachPerson(async (p, violation) => {
      const box = await must(this.req('GET', '/inbox', p));
      const seen = new Set<string>();
      for (const item of box.items as Array<{ kind: InboxKind; note: { id: string; excerpt: string } | null; question?: { id: string; title: string } | null }>) {
        const about: MNote | MQuestion | undefined = item.note ? this.notesById.get(item.note.id) : item.question ? this.questionsById.get(item.question.id) : undefined;
        if (!about) continue; // another run's, or content it no longer names
        this.compared.inboxItems++;
        const key = `${item.kind} ${about.key}`;
        seen.add(key);
        const allowed = m.inbox.get(p)!.get(key);
        if (!allowed) {
          violation(familyOfKind[item.kind], `${at}: ${who(p)} has a ${item.kind} item about ${this.label(about)}, which the rule does not give ${who(p)} (${who(p)} may ${m.canSee(p, about) ? '' : 'not '}see it; ${m.describeTeams()})`);
        }
        // Delivered as the rule allows, but its content has since become hidden from its owner (an item that
        // should never have come is its kind's family's finding, above).
        if (allowed && !m.canSee(p, about)) {
          if (item.note?.excerpt) {
            violation('inbox-notes', `${at}: ${who(p)}'s ${item.kind} item shows the excerpt ${JSON.stringify(item.note.excerpt)} of ${this.label(about)}, which ${who(p)} may no longer see (${m.describeTeams()})`);
          }
          if (item.question?.title) {
            violation('inbox-questions', `${at}: ${who(p)}'s ${item.kind} item shows the title ${JSON.stringify(item.question.title)} of ${this.label(about)}, which ${who(p)} may no longer see (${m.describeTeams()})`);
          }
        }
      }
      for (const [key, mode] of m.inbox.get(p)!) {
        if (mode !== 'required' || seen.has(key)) continue;
        const itemKey = key.split(' ')[1]!;
        const about = m.allNotes().find((n) => n.key === itemKey) ?? m.questions.find((q) => q.key === itemKey)!;
        if (m.canSee(p, about)) violation(familyOfKind[key.split(' ')[0] as InboxKind], `${at}: ${who(p)}'s inbox lacks the ${key} item the rule gives them`);
      }
    });
  }

  private async checkReplay(): Promise<void> {
    const m = this.model;
    const at = this.step < this.sc.actions.length ? `after step ${this.step + 1}` : 'at the end';
    await this.forEachPerson(async (p, violation) => {
      const opened = await openEvents(this.api, `?url=${encodeURIComponent(this.url(PAGE_PATH))}`, { token: this.people[p]!.token, lastEventId: this.runStart });
      if (opened.status !== 200) {
        violation('events-replay', `${at}: replay for ${who(p)} answered ${opened.status}`);
        return;
      }
      const replayed = opened.client!.events.filter((e) => this.isContent(e) && !this.isPulse(e));
      await opened.client!.close();
      if (opened.client!.events.some((e) => e.event === 'reset')) violation('events-replay', `${at}: replay for ${who(p)} said reset`);
      const about = new Set<string>();
      this.compared.replayedEvents += replayed.length;
      for (const e of replayed) {
        const item = this.itemOf(e);
        if (!item) {
          violation('events-replay', `${at}: ${who(p)}'s replay has ${e.event} about content this run never wrote`);
          continue;
        }
        about.add(item.key);
        if (!this.events.has(Number(e.id))) this.events.set(Number(e.id), e);
        const step = this.stepOf.get(Number(e.id));
        // Replay is "what you missed": allowed if you could see the item when it happened, at any moment
        // since, or now (then you could have learned as much from /context).
        const since = step === undefined ? [] : this.steps.slice(step);
        const could = (step !== undefined && this.allowedAt(step, e.event, item.key).has(p)) || since.some((s) => s.post.get(item.key)?.viewers.has(p));
        if (!could && !m.canSee(p, item)) {
          violation(
            'events-replay',
            `${at}: ${who(p)}'s replay (Last-Event-ID) has ${e.event} ${JSON.stringify(e.data.data)} about ${this.label(item)}, which ${who(p)} could not see at any moment since${step === undefined ? ' (no stream got it live)' : ` step ${step + 1}`}, nor now (${m.describeTeams()})`,
          );
        }
      }
      for (const item of [...m.notes, ...m.questions]) {
        if (m.canSee(p, item) && !about.has(item.key)) violation('events-replay', `${at}: ${who(p)} may see ${this.label(item)} but its replay has no event about it`);
      }
    });
  }

  private async checkWebhooks(): Promise<void> {
    const { content, votes } = this.hooks!;
    for (const [hook, kinds] of [
      [content, CONTENT_KINDS],
      [votes, ['vote.changed']],
    ] as const) {
      const log = (await must(this.req('GET', `/webhooks/${hook}/deliveries`, ADMIN))) as Array<{ eventId: string; kind: string }>;
      if (log.length >= 100) this.violation('harness', `the delivery log of a webhook reached 100 rows: shorten the scenarios`);
      const delivered = new Set(log.map((d) => Number(d.eventId)));
      this.compared.deliveries += log.length;
      for (const d of log) {
        const e = this.events.get(Number(d.eventId));
        const step = this.stepOf.get(Number(d.eventId));
        const item = e && this.itemOf(e);
        if (!e || !item || step === undefined) {
          this.violation('webhooks', `a ${d.kind} delivery (event ${d.eventId}) for an event no stream of this run's page delivered`);
          continue;
        }
        const { pre, post } = this.steps[step]!;
        const org = post.get(item.key)?.vis === 'org' || (e.event === 'note.deleted' && pre.get(item.key)?.vis === 'org');
        if (!org) this.violation('webhooks', `step ${step + 1}: a webhook got ${e.event} ${JSON.stringify(e.data.data)} about ${this.label(item)}: only org-visible content is sent`);
      }
      for (const [id, e] of this.events) {
        const step = this.stepOf.get(id);
        const item = this.itemOf(e);
        if (step === undefined || !item || !(kinds as readonly string[]).includes(e.event) || e.event === 'note.deleted') continue;
        if (this.steps[step]!.post.get(item.key)?.vis === 'org' && !delivered.has(id)) {
          this.violation('webhooks', `step ${step + 1}: ${e.event} about org-visible ${item.key} has no webhook delivery`);
        }
      }
    }
  }

  report(families: Map<string, Family>): string {
    const lines = [...families].map(([text, family]) => `  [${family}] ${text}`);
    const shown = lines.slice(0, 12);
    if (lines.length > shown.length) shown.push(`  … and ${lines.length - shown.length} more`);
    return [
      `${lines.length} disagreement(s) with the access rule [${this.api.driver}, run ${this.n}]:`,
      ...shown,
      'Scenario:',
      ...this.trace.map((t) => `  ${t}`),
    ].join('\n');
  }
}

/** Family + first disagreeing scenario -> its minimal form, shared by the two databases' runs. */
const minimized = new Map<string, Scenario>();

/** The families of checks, each judged by its own test over the same scenarios (see `judge`). */
const FAMILIES: Array<[Family, string]> = [
  ['reads', 'GET /notes/{id}, /notes/{id}/replies and /questions/{id} answer 200 to who may see, 404 (as for missing content) to others'],
  ['context', 'GET /context lists exactly the notes, tips and questions each person may see, and counts only those'],
  ['writes', 'writes about hidden content answer 404, sharing with a team you are not in 403'],
  ['inbox-notes', 'inbox items about notes and tips show nothing of one their owner can no longer see (no excerpt)'],
  ['inbox-questions', 'inbox items about questions show nothing of one their owner can no longer see (no title)'],
  ['routing', 'ask an expert routes only to people who may see the question (and its inbox items follow routedTo)'],
  ['watches', 'watched_activity reaches only watchers who may see the new note or question'],
  ['tip-notices', 'tip_outdated reaches the author and the page experts who may see the tip, and nobody else'],
  ['events-live', 'live events reach exactly the people who may see their item'],
  ['events-replay', 'a Last-Event-ID replay holds only events about items the person could see at some moment since, or now'],
  ['webhooks', 'webhooks get deliveries for org-visible content only (and for all of it)'],
];

describeEachDatabase(
  'who may see what (property)',
  (api) => {
    const people: Account[] = [];
    let executed = 0;
    let runTime = 0;
    type Found = { violations: Map<string, Family>; inert: number[]; concrete: Action[]; report: (v: Map<string, Family>) => string };
    /** Scenario (as JSON) -> what it found: every family's test replays the same seed, so each runs once. */
    const cache = new Map<string, Found>();
    const survey = new Map<string, number[]>();

    beforeAll(async () => {
      // Signed up once per database (scrypt makes a sign-up cost ~50 ms); each scenario brings its own site,
      // teams, experts and watches, so nothing of one scenario reaches the next.
      for (const name of NAMES) people.push(await api().signUp(name));
      if (people[ADMIN]!.user.role !== 'admin') throw new Error('the first account must be the admin: this file needs its own database');
      await must(api().request('PATCH', `/users/${people[1]!.user.id}`, { token: people[ADMIN]!.token, json: { role: 'moderator' } }));
    });

    /** What a run of the scenario finds, with every check (needs: ALL) or only some; each is run once. */
    async function play(sc: Scenario, focus?: Family): Promise<Found> {
      const key = JSON.stringify(sc);
      const known = cache.get(key) ?? (focus && cache.get(`${focus} ${key}`));
      if (known) return known;
      const started = performance.now();
      const run = new Run(api(), people, ++executed, sc, focus ? NEEDS[focus] : ALL);
      try {
        await run.play();
      } catch (err) {
        if (!(err instanceof Diverged)) throw err;
      } finally {
        await run.close();
        runTime += performance.now() - started;
      }
      if (process.env.ACCESS_VERBOSE) console.log(`${run.report(run.violations)}\ncompared: ${JSON.stringify(run.compared)}`);
      if (!focus) for (const family of new Set(run.violations.values())) survey.set(family, [...(survey.get(family) ?? []), run.n]);
      const found: Found = { violations: run.violations, inert: run.inert, concrete: run.concrete, report: (v) => run.report(v) };
      cache.set(focus ? `${focus} ${key}` : key, found);
      return found;
    }

    const judge = (found: Found, family: Family) => new Map([...found.violations].filter(([, f]) => f === family || f === 'harness'));

    /**
     * The smallest scenario (by one-at-a-time removal) that still disagrees in this family: its steps pinned
     * to what they chose, then its shortest disagreeing prefix without the steps that changed nothing, then
     * without each step, expert, owner, watch and team member in turn.
     * Each try runs only the checks the family needs, so this costs a few seconds, the same every time.
     */
    async function minimize(sc: Scenario, family: Family): Promise<{ sc: Scenario; found: Found }> {
      let best = sc;
      let found = await play(sc, family);
      if (judge(found, family).size === 0) return { sc, found: await play(sc) }; // only with every check on
      const attempt = async (candidate: Scenario) => {
        const result = await play(candidate, family);
        if (judge(result, family).size === 0) return false;
        [best, found] = [candidate, result];
        return true;
      };
      const without = <T>(xs: T[], i: number) => xs.filter((_, j) => j !== i);
      // Each step pinned to what it chose in this run, so that removing others cannot change its meaning.
      await attempt({ ...best, actions: found.concrete });
      // The shortest prefix that still disagrees (bisection), then without its steps that changed nothing.
      let [lo, hi] = [1, best.actions.length];
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (await attempt({ ...best, actions: best.actions.slice(0, mid) })) hi = mid;
        else lo = mid + 1;
      }
      await attempt({ ...best, actions: best.actions.filter((_, i) => !found.inert.includes(i)) });
      for (let i = best.actions.length - 1; i >= 0; i--) await attempt({ ...best, actions: without(best.actions, i) });
      for (const part of ['experts', 'owners', 'watches'] as const) {
        for (let i = best.setup[part].length - 1; i >= 0; i--) {
          await attempt({ ...best, setup: { ...best.setup, [part]: without(best.setup[part] as unknown[], i) } });
        }
      }
      for (let t = 0; t < best.setup.teams.length; t++) {
        for (let i = best.setup.teams[t]!.length - 1; i >= 0; i--) {
          await attempt({ ...best, setup: { ...best.setup, teams: best.setup.teams.map((m, u) => (u === t ? without(m, i) : m)) } });
        }
      }
      // Setup gone, some steps may now do nothing.
      await attempt({ ...best, actions: best.actions.filter((_, i) => !found.inert.includes(i)) });
      return { sc: best, found };
    }

    for (const [family, rule] of FAMILIES) {
      it.skipIf((CHECKS && !CHECKS.has(family)) || (SURVEY && family !== FAMILIES[0]![0]))(`${family}: ${rule}`, async () => {
        // fast-check generates the scenarios (the same ones for every family: one seed) and stops at the
        // first that disagrees; minimize() then shrinks it (fast-check's own shrinking would replay whole
        // scenarios hundreds of times).
        const details = await fc.check(
          fc.asyncProperty(scenario, async (sc) => {
            const found = await play(sc);
            if (!SURVEY && judge(found, family).size > 0) throw new Disagreement(family);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true, examples: REGRESSIONS.map((r) => [r]) },
        );
        if (SURVEY) {
          console.log(`[access survey] ${api().driver}: scenarios with disagreements, by family: ${JSON.stringify(Object.fromEntries(survey))}`);
          return;
        }
        if (!details.failed) return;
        if (!(details.errorInstance instanceof Disagreement)) throw details.errorInstance;
        const original = details.counterexample![0]!;
        // The other database may have minimized this one already: when that scenario disagrees here too, it is the answer.
        const key = `${family} ${JSON.stringify(original)}`;
        const known = minimized.get(key);
        const again = known && (await play(known, family));
        const { sc, found } = known && again && judge(again, family).size > 0 ? { sc: known, found: again } : await minimize(original, family);
        minimized.set(key, sc);
        throw new Error(
          `${found.report(judge(found, family))}\n` +
            `(scenario ${details.numRuns} of ${RUNS} for seed ${SEED}, fast-check path ${JSON.stringify(details.counterexamplePath)}; ` +
            `minimized from ${original.actions.length} steps to ${sc.actions.length})\nMinimal scenario as data: ${JSON.stringify(sc)}`,
        );
      }, 600_000);
    }

    afterAll(() => {
      console.log(`[access property] ${api().driver}: ${executed} scenarios run in ${(runTime / 1000).toFixed(1)} s (seed ${SEED}, ${RUNS} per family)`);
    });
  },
  // The webhooks point at 127.0.0.1, allowed as an internal receiver; nothing delivers them here (no job
  // runs in the harness): the test reads the delivery rows, created with each event.
  { webhookAllowedHosts: ['127.0.0.1'] },
);
