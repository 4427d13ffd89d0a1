// The roles, in plain words, as the People pages offer them (the contract's `role`).
import type { Role } from '@shared/contract';

export const roles: Array<{ value: Role; label: string; power: string }> = [
  { value: 'member', label: 'Member', power: 'Reads and shares notes and tips, asks and answers questions.' },
  { value: 'moderator', label: 'Moderator', power: "A member who may also remove others' content (never see more of it)." },
  { value: 'admin', label: 'Admin', power: 'A moderator who also manages apps, people, teams, experts and the server.' },
];

export const roleLabel = (role: Role) => roles.find((r) => r.value === role)!.label;
