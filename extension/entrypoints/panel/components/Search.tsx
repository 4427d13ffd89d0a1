// Search from the panel: the field (with where to look), and the results in place of the page's sections
// while it holds words. Results come as typing pauses, best first, with "Show more"; a hit opens where it
// is (in place on this page, else its page in a new tab). `/` focuses the field; Escape there clears it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Output } from '@shared/client';
import { problemCopy, problemOf } from '../../../server/problems';
import { openItem, type ItemRef } from '../open-item';
import { chooseSearchWhere, loadSearchWhere, searchText, searchWhere, type SearchWhere } from '../search';
import { announce, api, page } from '../store';
import { Empty, Skeleton } from '@shared/ui/states';

type Page = Output<'GET /search'>;
type Hit = Page['hits'][number];

/** Typing pauses this long before a search: not one request per key. */
const PAUSE_MS = 250;

const KIND_WORDS: Record<Hit['kind'], string> = { note: 'Note', tip: 'Tip', question: 'Question', answer: 'Answer', reply: 'Reply' };
const WHERE_WORDS: Record<SearchWhere, string> = { page: 'This page', app: 'This app', everywhere: 'Everywhere' };

/** What a hit opens: a question (an answer's too), or a note (a reply's too). */
function itemOf(hit: Hit): ItemRef {
  if (hit.kind === 'question' || hit.kind === 'answer') return { kind: 'question', id: hit.question?.id ?? hit.id, pattern: hit.pattern };
  return { kind: 'note', id: hit.note?.id ?? hit.id, pattern: hit.pattern };
}

let searchField: HTMLInputElement | null = null;
/** `/` anywhere in the panel but a field: to the search field. */
export function focusSearch(): void {
  searchField?.focus();
  searchField?.select();
}

export function SearchBar() {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    searchField = field.current;
    void loadSearchWhere();
    return () => void (searchField = null);
  }, []);
  return (
    <form role="search" class="search-bar" aria-label="Search what colleagues know" onSubmit={(e) => e.preventDefault()}>
      <input
        ref={field}
        type="search"
        aria-label="Search"
        placeholder="Search notes and questions  ( / )"
        value={searchText.value}
        maxLength={300}
        onInput={(e) => (searchText.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          // Escape clears the words first; with none, it closes the panel as everywhere else.
          if (e.key === 'Escape' && searchText.value) {
            e.preventDefault();
            e.stopPropagation();
            searchText.value = '';
          }
        }}
      />
      <select aria-label="Where to search" value={searchWhere.value} onChange={(e) => chooseSearchWhere(e.currentTarget.value as SearchWhere)}>
        {(Object.keys(WHERE_WORDS) as SearchWhere[]).map((w) => (
          <option key={w} value={w}>{WHERE_WORDS[w]}</option>
        ))}
      </select>
    </form>
  );
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; hits: Hit[]; next: string | null; more: boolean };

export function SearchResults() {
  const q = searchText.value.trim();
  const where = searchWhere.value;
  const current = page.value;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const query = (cursor?: string) => ({
    q,
    prefix: 'true' as const,
    limit: 20,
    ...(where === 'page' && current ? { url: current.pageKey } : {}),
    ...(where === 'app' && current ? { site: current.site.id } : {}),
    ...(cursor ? { cursor } : {}),
  });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      api()
        .call('GET /search', { query: query() })
        .then((found) => {
          if (!live) return;
          setState({ status: 'ready', hits: found.hits, next: found.next, more: false });
          announce(found.hits.length ? `${found.hits.length}${found.next ? ' or more' : ''} found` : 'Nothing found');
        })
        .catch((err: unknown) => live && setState({ status: 'error', message: problemCopy[problemOf(err, navigator.onLine)].message }));
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, where, current?.pageKey, attempt]);

  const showMore = async () => {
    if (state.status !== 'ready' || !state.next) return;
    setState({ ...state, more: true });
    try {
      const found = await api().call('GET /search', { query: query(state.next) });
      setState({ status: 'ready', hits: [...state.hits, ...found.hits], next: found.next, more: false });
    } catch {
      setState({ ...state, more: false });
      announce('Could not load more. Try again.');
    }
  };

  const open = async (hit: Hit) => {
    const item = itemOf(hit);
    const here = await openItem(item);
    if (here) searchText.value = ''; // shown in place: the page's sections come back with it
  };

  return (
    <section class="search-results" aria-label={`Search results, ${WHERE_WORDS[where].toLowerCase()}`} data-testid="search-results">
      {state.status === 'loading' && <Skeleton />}
      {state.status === 'error' && (
        <div class="empty" role="alert">
          <p class="empty-title">Search did not answer</p>
          <p class="muted">{state.message}</p>
          <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>Try again</button>
        </div>
      )}
      {state.status === 'ready' && state.hits.length === 0 && (
        <Empty
          title={`Nothing found for “${q}”`}
          message={where === 'everywhere' ? 'Try other words, or ask a question on the page it is about.' : 'Try other words, or search everywhere.'}
        />
      )}
      {state.status === 'ready' && state.hits.length > 0 && (
        <>
          <ul class="hits">
            {state.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} data-testid="search-hit" data-kind={hit.kind}>
                <button type="button" class="hit-open" onClick={() => void open(hit)}>
                  <span class="hit-head">
                    <span class={`tag ${hit.kind === 'tip' ? 'tip' : ''}`}>{KIND_WORDS[hit.kind]}</span>
                    <span class="hit-title">{hit.kind === 'answer' && hit.question ? hit.question.title : hit.kind === 'reply' && hit.note ? hit.note.title : hit.title}</span>
                  </span>
                  <span class="hit-excerpt">
                    {hit.excerpt.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
                  </span>
                  <span class="muted hit-where">
                    {hit.site.name} · {hit.screen ?? hit.pattern}
                    {hit.status && ` · ${hit.status === 'answered' ? 'Answered' : 'Open'}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {state.next && (
            <button type="button" class="secondary more" disabled={state.more} onClick={() => void showMore()}>
              {state.more ? 'Loading…' : 'Show more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
