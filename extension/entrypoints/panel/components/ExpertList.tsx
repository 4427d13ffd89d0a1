import type { Expert } from '@shared/contract';
import { pageLink } from '@shared/page-key';
import { Avatar } from '@shared/ui/Avatar';
import { Empty } from '@shared/ui/states';
import { me } from '../store';

/**
 * What an expert answers for, in the app's words: its screen ("Account"), else where the pattern leads
 * ("this page, /accounts/42" or "pages under /invoices"), never the raw pattern.
 */
export function expertFor(expert: Pick<Expert, 'pattern' | 'screen'>): string {
  if (expert.screen) return expert.screen;
  const link = pageLink(expert.pattern);
  if (!link) return 'pages across sites';
  const url = new URL(link.url);
  return link.exact ? `the page ${url.pathname}${url.search}${url.hash}` : `pages under ${url.pathname}`;
}

/**
 * The page's experts. "Ask <name>" asks the page's experts with that person named first: the API routes a
 * question to every expert for its pages (ring 1), not to one person.
 */
export function ExpertList({ experts, onAsk }: { experts: Expert[]; onAsk: (first: string | null) => void }) {
  if (!experts.length) {
    return <Empty title="No experts for this page yet" message="An admin can name the people responsible for this part of the app." />;
  }
  const mine = me.value?.user.id;
  return (
    <div>
      <ul class="experts" aria-label="Experts for this page">
        {experts.map((e) => (
          <li key={e.id} class="expert" data-testid="expert">
            <Avatar person={e.user} />
            <span class="expert-text">
              <span class="author">{e.user.name}</span>
              <span class="muted expert-for" title={e.pattern}>Expert for {expertFor(e)}</span>
            </span>
            {e.user.id !== mine && (
              <button type="button" class="secondary" aria-label={`Ask ${e.user.name}`} onClick={() => onAsk(e.user.id)}>
                Ask {firstName(e.user.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="primary block" onClick={() => onAsk(null)}>Ask an expert</button>
    </div>
  );
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
