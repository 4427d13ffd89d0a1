// The console's client of the API: the shared typed client, on this server, signed in by the session
// cookie (sent by the browser itself, unreadable here). Writes come from this page, so the browser marks
// them same-origin, which the API requires of cookie-borne writes.
import { apiClient, ApiFailure } from '@shared/client';

export const API_ROOT = '/api/v1';

export const api = apiClient(API_ROOT).call;

/** What a failed call says to the person: the server's message, or that it did not answer. */
export const problemOf = (err: unknown): string =>
  err instanceof ApiFailure ? err.message : 'Something went wrong. Try again.';

/** The server's message for one field of a form, when it named that field. */
export function fieldProblem(err: unknown, field: string): string | null {
  if (!(err instanceof ApiFailure)) return null;
  return err.issues.find((i) => i.path === field)?.message ?? null;
}
