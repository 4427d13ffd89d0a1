// Drafts: what the user is typing, saved per page key and kind as they type, so closing the panel,
// navigating away or a crash loses nothing. Cleared when the post goes to the outbox.
import type { browser } from 'wxt/browser';

export type DraftKind = 'note' | 'tip' | 'question' | `answer:${string}` | `reply:${string}`;

export interface Draft {
  /** A question's title; notes and answers have only a body. */
  title?: string;
  body: string;
  visibility?: 'private' | 'team' | 'org';
  teamId?: string | null;
  savedAt: number;
}

export const draftKey = (pageKey: string, kind: DraftKind) => `draft:${kind}:${pageKey}`;

const isEmpty = (d: Pick<Draft, 'title' | 'body'>) => !d.body.trim() && !(d.title ?? '').trim();

export class Drafts {
  constructor(private readonly area: typeof browser.storage.local) {}

  async load(pageKey: string, kind: DraftKind): Promise<Draft | null> {
    const key = draftKey(pageKey, kind);
    return ((await this.area.get(key))[key] as Draft | undefined) ?? null;
  }

  /** Saves a draft; an empty one is removed rather than kept. */
  save(pageKey: string, kind: DraftKind, draft: Draft): Promise<void> {
    const key = draftKey(pageKey, kind);
    return isEmpty(draft) ? this.area.remove(key) : this.area.set({ [key]: draft });
  }

  clear(pageKey: string, kind: DraftKind): Promise<void> {
    return this.area.remove(draftKey(pageKey, kind));
  }
}
