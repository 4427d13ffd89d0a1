import { useId } from 'preact/hooks';
import type { Visibility } from '@shared/contract';
import { me } from '../store';

interface Props {
  visibility: Visibility;
  teamId: string | null;
  onChange: (visibility: Visibility, teamId: string | null) => void;
}

/** Whether a choice is complete: "one of my teams" needs the team. */
export const visibilityChosen = ({ visibility, teamId }: { visibility?: Visibility; teamId?: string | null }) => visibility !== 'team' || !!teamId;

/** Who will see it: everyone, one of my teams, or only me. */
export function VisibilityPicker({ visibility, teamId, onChange }: Props) {
  const id = useId();
  const teams = me.value?.teams ?? [];
  const value = visibility === 'team' ? `team:${teamId ?? ''}` : visibility;
  return (
    <div class="field-inline">
      <label for={id}>Visible to</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v.startsWith('team:')) onChange('team', v.slice(5));
          else onChange(v as Visibility, null);
        }}
      >
        <option value="org">Everyone</option>
        {teams.map((t) => (
          <option key={t.id} value={`team:${t.id}`}>Team: {t.name}</option>
        ))}
        <option value="private">Only me</option>
      </select>
    </div>
  );
}
