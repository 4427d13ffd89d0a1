// The extension's client of the API (/api/v1). Types come from shared/contract as type-only imports,
// so zod never reaches the extension's bundles; the API validates every input itself.
import type {
  Anchor,
  Answer,
  CreateNoteRequest,
  CreateQuestionRequest,
  InboxPage,
  Me,
  Note,
  NoteReply,
  PageContext,
  Question,
  Session,
  Site,
  UpdateNoteRequest,
  Watch,
} from '@shared/contract';

type FailureKind = 'unauthorized' | 'unreachable' | 'not-registered' | 'rejected';

/** A failed call, classified by what the user can do about it. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type VoteTarget = 'notes' | 'questions' | 'answers';

/** The API root for a server URL the user typed: "alongside.corp.example:8420/" → "https://…/api/v1". */
export function apiRoot(serverUrl: string): string {
  const withScheme = /^https?:\/\//i.test(serverUrl) ? serverUrl : `https://${serverUrl}`;
  const url = new URL(withScheme);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${url.origin}${path}/api/v1`;
}

function classify(status: number, code: string): FailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 404 && code === 'site_not_registered') return 'not-registered';
  if (status >= 500 || status === 429 || status === 408) return 'unreachable';
  return 'rejected';
}

export function apiClient(root: string, token?: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetchImpl(`${root}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.');
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const err = (parsed ?? {}) as { code?: string; message?: string };
      const code = err.code ?? `http_${res.status}`;
      throw new ApiFailure(classify(res.status, code), res.status, code, err.message ?? `The server answered ${res.status}.`);
    }
    if (parsed === undefined) throw new ApiFailure('unreachable', res.status, 'not_json', 'This address does not answer like an Alongside server.');
    return parsed as T;
  }

  return {
    health: () => call<{ ok: true; version: string }>('GET', '/health'),
    signIn: (email: string, password: string) => call<Session>('POST', '/auth/signin', { email, password }),
    signUp: (email: string, name: string, password: string) => call<Session>('POST', '/auth/signup', { email, name, password }),
    signOut: () => call<{ ok: true }>('POST', '/auth/signout'),
    me: () => call<Me>('GET', '/auth/me'),
    sites: () => call<Site[]>('GET', '/sites'),
    /** `pageKey` is the URL already normalized by the site's rules: the raw URL never leaves the browser. */
    context: (pageKey: string) => call<PageContext>('GET', `/context?url=${encodeURIComponent(pageKey)}`),
    createNote: (body: CreateNoteRequest) => call<Note>('POST', '/notes', body),
    updateNote: (id: string, body: UpdateNoteRequest) => call<Note>('PATCH', `/notes/${id}`, body),
    deleteNote: (id: string) => call<{ ok: true }>('DELETE', `/notes/${id}`),
    createQuestion: (body: CreateQuestionRequest) => call<Question>('POST', '/questions', body),
    question: (id: string) => call<Question>('GET', `/questions/${id}`),
    answer: (questionId: string, body: string) => call<Question>('POST', `/questions/${questionId}/answers`, { body }),
    accept: (questionId: string, answerId: Answer['id'] | null) =>
      call<Question>('PUT', `/questions/${questionId}/accepted-answer`, { answerId }),
    vote: (target: VoteTarget, id: string, on: boolean) =>
      call<{ score: number; votedByMe: boolean }>(on ? 'PUT' : 'DELETE', `/${target}/${id}/vote`),
    // Live updates: EventSource cannot send Authorization, so it opens with a single-use ticket.
    eventTicket: () => call<{ ticket: string; expiresAt: string }>('POST', '/events/ticket'),
    /** The event stream of a page (by its key) and of the person, resuming after `lastEventId`. */
    eventsUrl: (pageKey: string, ticket: string, lastEventId: string | null) =>
      `${root}/events?url=${encodeURIComponent(pageKey)}&ticket=${encodeURIComponent(ticket)}${lastEventId ? `&lastEventId=${lastEventId}` : ''}`,
    inbox: (unreadOnly = false) => call<InboxPage>('GET', `/inbox${unreadOnly ? '?unread=true' : ''}`),
    markRead: (id: string) => call<{ ok: true }>('POST', `/inbox/${id}/read`),
    markAllRead: () => call<{ ok: true }>('POST', '/inbox/read-all'),
    watches: () => call<Watch[]>('GET', '/watches'),
    watch: (pattern: string) => call<Watch>('POST', '/watches', { pattern }),
    unwatch: (id: string) => call<{ ok: true }>('DELETE', `/watches/${id}`),
    // Tips: what this browser found when anchoring, pin again, confirm; a note's discussion.
    reportAnchor: (noteId: string, report: { found: boolean; confidence: number }) =>
      call<{ possiblyOutdated: boolean }>('POST', `/notes/${noteId}/anchor-reports`, report),
    repin: (noteId: string, anchor: Anchor) => call<Note>('PUT', `/notes/${noteId}/anchor`, { anchor }),
    verify: (noteId: string) => call<Note>('POST', `/notes/${noteId}/verify`),
    replies: (noteId: string) => call<NoteReply[]>('GET', `/notes/${noteId}/replies`),
    reply: (noteId: string, body: string) => call<NoteReply>('POST', `/notes/${noteId}/replies`, { body }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
