import type { Visibility } from '@shared/contract';
import { ApiError, forbidden } from '../errors';
import type { Viewer } from './viewer';

/** Checks who content is shared with: `team` needs a team the author belongs to; others carry no team. */
export function resolveSharing(
  viewer: Viewer,
  input: { visibility: Visibility; teamId?: string | null },
): { visibility: Visibility; teamId: string | null } {
  if (input.visibility !== 'team') return { visibility: input.visibility, teamId: null };
  if (!input.teamId) {
    throw new ApiError(400, 'validation_failed', 'teamId: required when visibility is "team"', [
      { path: 'teamId', message: 'required when visibility is "team"' },
    ]);
  }
  if (!viewer.teamIds.has(input.teamId)) throw forbidden('You can share with your own teams only.');
  return { visibility: 'team', teamId: input.teamId };
}
