import { useState } from 'preact/hooks';
import { timeAgo, visibilityLabel } from '@shared/ui/format';
import { Empty } from '@shared/ui/states';
import { problemOf } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { OpenPage } from './open-page';
import { kindLabel, type BrowseItem } from './words';

type Page = { items: BrowseItem[]; next: string | null };

/** A list of notes, tips, questions (and answers), newest first, a page at a time. */
export function ItemList({ read, deps, empty, showSite = false }: { read: (cursor?: string) => Promise<Page>; deps: unknown[]; empty: { title: string; message: string }; showSite?: boolean }) {
  const { loaded, reload, set } = useLoad(() => read(), deps);
  const [more, setMore] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  return (
    <Loading loaded={loaded} retry={reload}>
      {(page) => {
        if (page.items.length === 0) return <Empty title={empty.title} message={empty.message} />;
        const loadMore = async () => {
          setMore({ busy: true, problem: null });
          try {
            const next = await read(page.next!);
            set({ items: [...page.items, ...next.items], next: next.next });
            setMore({ busy: false, problem: null });
          } catch (err) {
            setMore({ busy: false, problem: problemOf(err) });
          }
        };
        return (
          <>
            <ul class="browse-items">
              {page.items.map((item) => (
                <Item key={`${item.kind}-${item.id}`} item={item} showSite={showSite} />
              ))}
            </ul>
            {page.next && (
              <div class="actions start">
                <button type="button" class="secondary" disabled={more.busy} onClick={() => void loadMore()}>
                  {more.busy ? 'Loading…' : 'Show more'}
                </button>
                {more.problem && <span class="field-error" role="alert">{more.problem}</span>}
              </div>
            )}
          </>
        );
      }}
    </Loading>
  );
}

function Item({ item, showSite }: { item: BrowseItem; showSite: boolean }) {
  return (
    <li class="card browse-item" data-testid="browse-item" data-kind={item.kind}>
      <div class="browse-item-head">
        <span class={`tag${item.kind === 'tip' ? ' tip' : ''}`}>{kindLabel[item.kind]}</span>
        {item.status === 'answered' && <span class="tag ok">Answered</span>}
        {item.status === 'open' && <span class="tag open">Not answered yet</span>}
        <span class="tag" title="Who may see it">{visibilityLabel[item.visibility]}</span>
      </div>
      <p class="browse-excerpt">{item.title}</p>
      {item.question && <p class="muted">Answer to “{item.question.title}”</p>}
      <p class="muted browse-meta">
        {item.author.name} · <time dateTime={item.createdAt}>{timeAgo(item.createdAt)}</time>
        {showSite && ` · ${item.site.name}`}
      </p>
      <OpenPage pattern={item.pattern} />
    </li>
  );
}
