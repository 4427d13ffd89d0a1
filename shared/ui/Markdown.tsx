import { useLayoutEffect, useRef } from 'preact/hooks';
import { renderMarkdown } from './markdown';

/**
 * Colleague-written markdown, sanitized (see markdown.ts). The sanitized nodes are inserted as they are:
 * no HTML string is parsed again on the way in.
 */
export function Markdown({ source }: { source: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current!.replaceChildren(renderMarkdown(source)), [source]);
  return <div class="markdown" ref={ref} />;
}
