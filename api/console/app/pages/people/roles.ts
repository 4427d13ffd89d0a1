// The roles, in plain words, as the People pages offer them (the contract's `role`).
import type { Role } from '@shared/contract';

export const roles: Array<{ value: Role; label: string; power: string }> = [
  { value: 'member', label: 'Member', power: 'reads and shares notes, asks and answers' },
  { value: 'moderator', label: 'Moderator', power: 'also handles flags and tidies content' },
  { value: 'admin', label: 'Admin', power: 'also manages apps, people and the server' },
];

export const roleLabel = (role: Role) => roles.find((r) => r.value === role)!.label;
