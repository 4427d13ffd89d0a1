// The model behind access.property.test.ts: "who may see what", written from the rule and nothing else.
//
//   private: only its author; team: its author and the members of its team *now* (the author had to be in
//   the team when writing); org: everyone signed in. Roles give no extra sight. Answers, replies and votes
//   are as visible as the question or note they belong to. Hidden content answers 404 like missing content.
//
// It also generates the scenarios (fast-check arbitraries) and says, for each step, what each read path
// should show: who may receive which live event, who gets which inbox item, who a question is routed to.
import fc from 'fast-check';

export type Vis = 'private' | 'team' | 'org';

/** The people: signed up once per database; the first account is the admin, the second is made a moderator. */
export const NAMES = ['Admin', 'Mod', 'Ann', 'Ben', 'Cat'] as const;
export const PEOPLE = NAMES.length;
export const ADMIN = 0;
/** Toggles its vote on the marker note after every step: the pulse each stream waits for (see the test). */
export const PULSER = 1;
export const TEAMS = 2;

// Every run gets its own site, so experts, owners, watches and scopes of one run never meet another's.
// Content goes on two patterns that both match the page every reader looks at (PAGE_PATH).
export const PAGE_PATH = '/accounts/7';
export const CONTENT_PATTERNS = ['/accounts/:id', '/accounts/7'] as const;
/** Expert patterns, and which content patterns each covers (the content pattern read as a page address). */
export const EXPERT_PATTERNS = ['/accounts/*', '/accounts/7', '/invoices/*'] as const;
const EXPERT_COVERS: ReadonlyArray<readonly number[]> = [[0, 1], [1], []];
/** Watch patterns, and which content patterns each covers (equal, or matching it read as a page address). */
export const WATCH_PATTERNS = ['/accounts/*', '/accounts/:id', '/accounts/7'] as const;
const WATCH_COVERS: ReadonlyArray<readonly number[]> = [[0, 1], [0, 1], [1]];

// ---------------------------------------------------------------------------------------------------------
// Scenarios

export interface Setup {
  /** Initial members of each team. */
  teams: number[][];
  experts: Array<{ who: number; pattern: number }>;
  owners: number[];
  watches: Array<{ who: number; pattern: number }>;
}

/**
 * Set by the minimizer (from a run of the scenario): a step's choices made concrete, so that removing other
 * steps cannot change which item, person or team it means. `item`/`answer`: the `id` of the step that
 * created it; `team`: a team index (or null: no team).
 */
export interface Pin {
  item?: number;
  answer?: number;
  who?: number;
  team?: number | null;
  reporters?: number[];
}

export type Action = (
  | { t: 'note'; by: number; pattern: number; vis: Vis; team: TeamChoice; tip: boolean }
  | { t: 'question'; by: number; pattern: number; vis: Vis; team: TeamChoice; ask: boolean }
  | { t: 'answer'; by: Actor; q: number }
  | { t: 'reply'; by: Actor; n: number }
  | { t: 'vote'; by: Actor; on: 'note' | 'question' | 'answer'; i: number }
  | { t: 'accept'; q: number; a: number }
  | { t: 'editQuestion'; q: number }
  | { t: 'share'; by: number | 'author'; n: number; vis: Vis; team: TeamChoice }
  | { t: 'join'; who: number; team: number }
  /** Someone leaves a team: of the j-th newest team item's team (`item`), or the i-th of all memberships. */
  | { t: 'leave'; item: boolean; j: number; i: number }
  /** `k` of the tip's viewers (from the `from`-th on) report it not found, and maybe someone who may not see it. */
  | { t: 'report'; n: number; k: number; from: number; outsider: boolean }
  | { t: 'check' }
) & { id?: number; pin?: Pin };

export interface Scenario {
  setup: Setup;
  actions: Action[];
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const team = fc.integer({ min: 0, max: TEAMS - 1 });
/** Team content is where membership changes bite: it comes up half the time. */
const vis = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Vis>('org') },
  { weight: 2, arbitrary: fc.constant<Vis>('team') },
  { weight: 1, arbitrary: fc.constant<Vis>('private') },
);
/** A team for a write: usually one of the writer's own (`own`: the i-th of them), sometimes any (then 403 if not theirs). */
const teamChoice = fc.record({ own: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), team });
const pattern = fc.integer({ min: 0, max: CONTENT_PATTERNS.length - 1 });
const index = fc.nat({ max: 11 });

export type TeamChoice = { own: boolean; team: number };
/** Who acts on an item: usually someone who may see it (`viewer`: the i-th of them), sometimes anyone (person i). */
export type Actor = { viewer: boolean; i: number };
const actor: fc.Arbitrary<Actor> = fc.record({
  viewer: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  i: fc.nat({ max: PEOPLE - 1 }),
});

const writeNote = fc.record({ t: fc.constant('note' as const), by: person, pattern, vis, team: teamChoice, tip: fc.boolean() });
const ask = fc.record({
  t: fc.constant('question' as const),
  by: person,
  pattern,
  vis,
  team: teamChoice,
  ask: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: writeNote },
  { weight: 4, arbitrary: ask },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('answer' as const), by: actor, q: index }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reply' as const), by: actor, n: index }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('vote' as const),
      by: actor,
      on: fc.oneof({ weight: 1, arbitrary: fc.constantFrom('note' as const, 'question' as const) }, { weight: 1, arbitrary: fc.constant('answer' as const) }),
      i: index,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('accept' as const), q: index, a: index }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('editQuestion' as const), q: index }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('share' as const),
      by: fc.oneof({ weight: 5, arbitrary: fc.constant('author' as const) }, { weight: 1, arbitrary: person }),
      n: index,
      vis,
      team: teamChoice,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('join' as const), who: person, team }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('leave' as const),
      item: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      j: index,
      i: index,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('report' as const),
      n: index,
      k: fc.oneof({ weight: 3, arbitrary: fc.constant(3) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
      from: index,
      outsider: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'check' as const }) },
);

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  setup: fc.record({
    teams: fc.array(fc.uniqueArray(person, { minLength: 2, maxLength: 4 }), { minLength: TEAMS, maxLength: TEAMS }),
    experts: fc.uniqueArray(
      fc.record({ who: person, pattern: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: EXPERT_PATTERNS.length - 1 }) }) }),
      { minLength: 1, maxLength: 4, selector: (e) => `${e.who}/${e.pattern}` },
    ),
    owners: fc.uniqueArray(person, { maxLength: 1 }),
    watches: fc.uniqueArray(fc.record({ who: person, pattern: fc.integer({ min: 0, max: WATCH_PATTERNS.length - 1 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (w) => `${w.who}/${w.pattern}`,
    }),
  }),
  // A few writes first, so that the steps after them have content to act on.
  actions: fc
    .tuple(fc.array(fc.oneof(writeNote, ask), { minLength: 1, maxLength: 4 }), fc.array(action, { minLength: 4, maxLength: 24, size: 'medium' }))
    .map(([first, rest]): Action[] => [...first, ...rest]),
});

/**
 * Scenarios this property found with more runs than the default (ACCESS_RUNS=30), minimized; fast-check runs
 * them first (`examples`), so the default run checks them too. Each disagreed with the API when written.
 */
export const REGRESSIONS: Scenario[] = [
  // A vote on an answer reaches its author after they left the question's team (live and in a replay),
  // and misses the asker who left it (the vote event is shared as if the answer's author wrote the question).
  {
    setup: { teams: [[1, 2], []], experts: [], owners: [], watches: [] },
    actions: [
      { t: 'question', by: 2, pattern: 0, vis: 'team', team: { own: true, team: 0 }, ask: false, id: 0, pin: { team: 0 } },
      { t: 'answer', by: { viewer: true, i: 0 }, q: 0, id: 1, pin: { item: 0, who: 1 } },
      { t: 'leave', item: false, j: 0, i: 0, id: 2, pin: { who: 1, team: 0 } },
      { t: 'vote', by: { viewer: true, i: 0 }, on: 'answer', i: 0, id: 3, pin: { item: 1, who: 2 } },
    ],
  },
  // A replay tells someone of a team note they never could see: it was made private before they joined.
  {
    setup: { teams: [[2], []], experts: [], owners: [], watches: [] },
    actions: [
      { t: 'note', by: 2, pattern: 0, vis: 'team', team: { own: true, team: 0 }, tip: false, id: 0, pin: { team: 0 } },
      { t: 'share', by: 'author', n: 0, vis: 'private', team: { own: true, team: 0 }, id: 1, pin: { item: 0, who: 2, team: null } },
      { t: 'join', who: 4, team: 0, id: 2 },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// State

export interface Shared {
  author: number;
  vis: Vis;
  team: number | null;
}
export interface MNote extends Shared {
  key: string; // N1, N2, … (M: the marker)
  origin: number; // the step that wrote it
  id: string;
  pattern: number;
  tip: boolean;
  body: string;
  replies: number;
  failing: Set<number>;
  flagged: boolean;
}
export interface MAnswer {
  key: string; // A1, …
  origin: number;
  id: string;
  author: number;
  question: MQuestion;
  body: string;
}
export interface MQuestion extends Shared {
  key: string; // Q1, …
  origin: number;
  id: string;
  pattern: number;
  title: string;
  answers: MAnswer[];
  accepted: MAnswer | null;
  routedTo: Array<{ who: number; ring: number }>;
}

export type InboxKind = 'tip_outdated' | 'question_routed' | 'answer_posted' | 'answer_accepted' | 'note_reply' | 'watched_activity';

/** Who may see each item, and with what sharing, at one moment. */
export type Snapshot = Map<string, { viewers: Set<number>; vis: Vis }>;

function newest<T>(items: T[], i: number): T | undefined {
  return items.length ? items[items.length - 1 - (i % items.length)] : undefined;
}

export class Model {
  readonly members: Array<Set<number>>;
  readonly notes: MNote[] = [];
  readonly questions: MQuestion[] = [];
  readonly answers: MAnswer[] = [];
  marker?: MNote;
  /** person -> "kind item" -> must the item be there ('required'), or may it ('optional')? */
  readonly inbox = new Map<number, Map<string, 'required' | 'optional'>>();
  private counter = 0;

  constructor(readonly setup: Setup) {
    this.members = setup.teams.map((m) => new Set(m));
    for (let p = 0; p < PEOPLE; p++) this.inbox.set(p, new Map());
  }

  next(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  isMember(p: number, team: number): boolean {
    return this.members[team]!.has(p);
  }

  /** The person an action names: the i-th of the item's viewers other than `not`, or simply person i. */
  actor(a: Actor, item: Shared, not?: number): number {
    const viewers = [...this.viewers(item)].filter((p) => p !== not).sort();
    return a.viewer && viewers.length > 0 ? viewers[a.i % viewers.length]! : a.i;
  }

  /** Every current membership, in a fixed order. */
  memberships(): Array<{ who: number; team: number }> {
    return this.members.flatMap((m, team) => [...m].sort().map((who) => ({ who, team })));
  }

  /** The team a write names: the i-th of the writer's own teams, or (own: false, or none) team i. */
  teamFor(p: number, choice: TeamChoice): number {
    const own = this.members.flatMap((m, t) => (m.has(p) ? [t] : []));
    return choice.own && own.length > 0 ? own[choice.team % own.length]! : choice.team;
  }

  /** THE RULE. */
  canSee(p: number, item: Shared): boolean {
    if (item.author === p || item.vis === 'org') return true;
    return item.vis === 'team' && item.team !== null && this.isMember(p, item.team);
  }

  viewers(item: Shared): Set<number> {
    const out = new Set<number>();
    for (let p = 0; p < PEOPLE; p++) if (this.canSee(p, item)) out.add(p);
    return out;
  }

  /** Content the actions may pick, the i-th newest first (small i: what just happened), never the marker. */
  pickNote(i: number): MNote | undefined {
    return newest(this.notes, i);
  }
  pickTip(i: number): MNote | undefined {
    return newest(this.notes.filter((n) => n.tip), i);
  }
  pickQuestion(i: number): MQuestion | undefined {
    return newest(this.questions, i);
  }
  pickAnswer(i: number): MAnswer | undefined {
    return newest(this.answers, i);
  }

  /** Who leaves which team: someone in the team of a team item (they, or others, have a stake in it), or anyone. */
  leaving(a: { item: boolean; j: number; i: number }): { who: number; team: number } | undefined {
    const teamItems = [...this.notes, ...this.questions].filter((x) => x.vis === 'team' && x.team !== null && this.members[x.team]!.size > 0);
    const item = a.item ? newest(teamItems, a.j) : undefined;
    if (item) {
      // Someone other than its author, when there is anyone: they are the ones who lose it.
      const all = [...this.members[item.team!]!].sort();
      const others = all.filter((p) => p !== item.author);
      const members = others.length > 0 ? others : all;
      return { who: members[a.i % members.length]!, team: item.team! };
    }
    return newest(this.memberships(), a.i);
  }

  allNotes(): MNote[] {
    return this.marker ? [this.marker, ...this.notes] : [...this.notes];
  }

  snapshot(): Snapshot {
    const snap: Snapshot = new Map();
    for (const n of this.allNotes()) snap.set(n.key, { viewers: this.viewers(n), vis: n.vis });
    for (const q of this.questions) snap.set(q.key, { viewers: this.viewers(q), vis: q.vis });
    return snap;
  }

  /** Experts (admin-assigned, so active) whose pattern covers a content pattern read as a page address. */
  pageExperts(contentPattern: number): number[] {
    return this.setup.experts.filter((e) => EXPERT_COVERS[e.pattern]!.includes(contentPattern)).map((e) => e.who);
  }

  /** Ask an expert, at creation: the first ring with someone in it who may see the question, never the asker. */
  routeNew(q: MQuestion): Array<{ who: number; ring: number }> {
    const eligible = (ids: number[]) => [...new Set(ids)].filter((p) => p !== q.author && this.canSee(p, q)).sort();
    const rings = [this.pageExperts(q.pattern), this.setup.experts.map((e) => e.who), this.setup.owners];
    for (let r = 0; r < rings.length; r++) {
      const people = eligible(rings[r]!);
      if (people.length > 0) return people.map((who) => ({ who, ring: r + 1 }));
    }
    return [];
  }

  watchers(contentPattern: number): number[] {
    return [...new Set(this.setup.watches.filter((w) => WATCH_COVERS[w.pattern]!.includes(contentPattern)).map((w) => w.who))];
  }

  /** An inbox item the rule allows: required when its owner may see the item when it is made, else optional. */
  deliver(p: number, kind: InboxKind, item: MNote | MQuestion, mode: 'required' | 'optional' = 'required'): void {
    const box = this.inbox.get(p)!;
    const key = `${kind} ${item.key}`;
    if (box.get(key) !== 'required') box.set(key, mode);
  }

  describeSharing(item: Shared): string {
    return item.vis === 'team' ? `team T${item.team}` : item.vis;
  }

  describeTeams(): string {
    return this.members.map((m, i) => `T${i}={${[...m].sort().map((p) => NAMES[p]).join(',')}}`).join(' ');
  }
}
