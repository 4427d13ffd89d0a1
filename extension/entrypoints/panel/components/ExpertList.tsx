import type { Expert } from '@shared/contract';
import { Empty } from '@shared/ui/states';

export function ExpertList({ experts, onAsk }: { experts: Expert[]; onAsk: () => void }) {
  if (!experts.length) {
    return <Empty title="No experts for this page yet" message="An admin can name the people responsible for this part of the app." />;
  }
  return (
    <div>
      <ul class="experts">
        {experts.map((e) => (
          <li key={e.id} class="expert">
            <span class="avatar" aria-hidden="true">{e.user.name.slice(0, 1).toUpperCase()}</span>
            <span>
              <span class="author">{e.user.name}</span>
              <span class="muted pattern">{e.pattern}</span>
            </span>
          </li>
        ))}
      </ul>
      <button type="button" class="primary block" onClick={onAsk}>Ask an expert</button>
    </div>
  );
}
