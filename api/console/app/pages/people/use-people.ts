// Accounts matching a search, a page at a time (the API's cursor), for the People list and the team
// member picker. Only the newest search's answer is shown: an older one arriving late is dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '@shared/contract';
import { api, problemOf } from '../../api';
import type { Loaded } from '../../ui/load';

type Pages = { items: User[]; next: string | null };

export function usePeople(q: string, limit: number) {
  const [loaded, setLoaded] = useState<Loaded<Pages>>({ state: 'loading' });
  const [more, setMore] = useState<{ busy: boolean; failure: string | null }>({ busy: false, failure: null });
  const latest = useRef(0);

  const first = useCallback(async () => {
    const ticket = ++latest.current;
    setMore({ busy: false, failure: null });
    try {
      const page = await api('GET /users', { query: { q: q || undefined, limit } });
      if (ticket === latest.current) setLoaded({ state: 'ready', data: page });
    } catch (err) {
      if (ticket === latest.current) setLoaded({ state: 'failed', message: problemOf(err) });
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

  return { loaded, more, loadMore, replace, retry };
}
