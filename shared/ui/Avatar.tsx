// A person's avatar (./avatar.ts): decorative, since their name is always written beside it.
import type { Person } from '@shared/contract';
import { avatarTones, initials } from './avatar';

export function Avatar({ person }: { person: Person }) {
  const { light, dark } = avatarTones(person.id);
  const style = { '--avatar-bg': light.bg, '--avatar-fg': light.fg, '--avatar-bg-dark': dark.bg, '--avatar-fg-dark': dark.fg };
  return (
    <span class="avatar" aria-hidden="true" style={style}>
      {initials(person.name)}
    </span>
  );
}
