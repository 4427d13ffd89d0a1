// Secrets handed out once (session tokens, event tickets, device tokens, invitation links) are stored only
// as this hash: a copy of the database signs no one in.
import { createHash } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
