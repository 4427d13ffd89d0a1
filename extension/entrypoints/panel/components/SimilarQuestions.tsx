// Before asking: while a person types a question, the questions already asked on this app that match
// its words, with their status and accepted answer, so the answer can be found instead of waited for.
import { useEffect, useState } from 'preact/hooks';
import type { Output } from '@shared/client';
import { openItem } from '../open-item';
import { api } from '../store';

type Hit = Output<'GET /search'>['hits'][number];

/** Typing pauses this long before a search: not one request per key. */
const PAUSE_MS = 300;
/** Fewer letters than this find too much to help. */
const MIN_CHARS = 4;

/** The questions like `title` on the app `siteId`, searched once typing pauses; stale answers are dropped. */
function useSimilar(title: string, siteId: string): Hit[] {
  const [hits, setHits] = useState<Hit[]>([]);
  useEffect(() => {
    const q = title.trim();
    if (q.length < MIN_CHARS) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api()
        .call('GET /search', { query: { q, prefix: 'true', kind: 'question', site: siteId, limit: 5 } })
        .then((page) => current && setHits(page.hits))
        // Only a help: when search fails, asking still works, and says nothing of it.
        .catch(() => current && setHits([]));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [title, siteId]);
  return hits;
}

export function SimilarQuestions({ title, siteId }: { title: string; siteId: string }) {
  const hits = useSimilar(title, siteId);
  if (hits.length === 0) return null;
  return (
    <section class="similar" aria-label="Already asked on this app" data-testid="similar-questions">
      <p class="similar-title">Already asked on this app</p>
      <ul>
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" class="similar-open" onClick={() => void openItem({ kind: 'question', id: hit.id, pattern: hit.pattern })}>
              <span class="similar-question">{hit.title}</span>
              <span class={`tag ${hit.status === 'answered' ? 'ok' : 'open'}`}>{hit.status === 'answered' ? 'Answered' : 'Open'}</span>
              {hit.screen && <span class="muted similar-where">on {hit.screen}</span>}
            </button>
            {hit.acceptedAnswer && <p class="similar-answer">{hit.acceptedAnswer.text}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
