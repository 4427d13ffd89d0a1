import type { Role } from '@shared/contract';

/** The signed-in person a request acts for, with what visibility checks need. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: ReadonlySet<string>;
  sessionId: string;
}

export const isModerator = (viewer: Viewer) => viewer.role === 'moderator' || viewer.role === 'admin';

/** Whether a viewer may read an item shared with `visibility` by `authorId`. */
export function canSee(
  viewer: Viewer,
  item: { authorId: string; visibility: 'private' | 'team' | 'org'; teamId: string | null },
): boolean {
  if (item.authorId === viewer.id || item.visibility === 'org') return true;
  return item.visibility === 'team' && item.teamId !== null && viewer.teamIds.has(item.teamId);
}
