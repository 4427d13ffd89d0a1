// What an action did, said once in a live region (screen readers hear it; everyone sees it).
import { useState } from 'preact/hooks';

export type Said = { text: string; tone: 'ok' | 'error' } | null;

export function useStatus() {
  const [said, setSaid] = useState<Said>(null);
  return {
    said,
    ok: (text: string) => setSaid({ text, tone: 'ok' }),
    error: (text: string) => setSaid({ text, tone: 'error' }),
  };
}

/** Always in the page (a live region must exist before it speaks); empty until something happened. */
export function Status({ said }: { said: Said }) {
  return (
    <p class={`status-line${said ? ` ${said.tone}` : ''}`} role="status">
      {said?.text}
    </p>
  );
}
