// Accounts matching a search, a page at a time (the API's cursor), for the People list and the team
// member picker. Only the newest search's answer is shown: an older one arriving late is dropped. While a
// new search is out, the last answer stays on screen (`searching` says so).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '@shared/contract';
import { api, problemOf } from '../../api';
import type { Loaded } from '../../ui/load';

type Pages = { items: User[]; next: string | null };

const nothing: Loaded<Pages> = { state: 'ready', data: { items: [], next: null } };

/** `q`: part of a name or email, '' for everyone, null to ask nothing (a picker before anything is typed). */
export function usePeople(q: string | null, limit: number) {
  const [loaded, setLoaded] = useState<Loaded<Pages>>(q === null ? nothing : { state: 'loading' });
  const [searching, setSearching] = useState(false);
  const [more, setMore] = useState<{ busy: boolean; failure: string | null }>({ busy: false, failure: null });
  const latest = useRef(0);

  const first = useCallback(async () => {
    const ticket = ++latest.current;
    setMore({ busy: false, failure: null });
    if (q === null) return void (setLoaded(nothing), setSearching(false));
    setSearching(true);
    try {
      const page = await api('GET /users', { query: { q: q || undefined, limit } });
      if (ticket === latest.current) setLoaded({ state: 'ready', data: page });
    } catch (err) {
      if (ticket === latest.current) setLoaded({ state: 'failed', message: problemOf(err) });
    } finally {
      if (ticket === latest.current) setSearching(false);
    }
  }, [q, limit]);

  useEffect(() => void first(), [first]);

  /** The next page, after those shown. */
  const loadMore = async () => {
    if (loaded.state !== 'ready' || !loaded.data.next) return;
    const ticket = latest.current;
    const { items, next } = loaded.data;
    setMore({ busy: true, failure: null });
    try {
      const page = await api('GET /users', { query: { q: q || undefined, limit, cursor: next } });
      if (ticket !== latest.current) return;
      setLoaded({ state: 'ready', data: { items: [...items, ...page.items], next: page.next } });
      setMore({ busy: false, failure: null });
    } catch (err) {
      if (ticket === latest.current) setMore({ busy: false, failure: problemOf(err) });
    }
  };

  /** One account as the server now has it (after a change of role, or turning it off). */
  const replace = (user: User) =>
    setLoaded((now) => (now.state === 'ready' ? { state: 'ready', data: { ...now.data, items: now.data.items.map((u) => (u.id === user.id ? user : u)) } } : now));

  const retry = () => {
    setLoaded({ state: 'loading' });
    void first();
  };

  return { loaded, searching, more, loadMore, replace, retry };
}
