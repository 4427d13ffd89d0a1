import { useLayoutEffect, useRef } from 'preact/hooks';
import { renderMarkdown } from './markdown';
import { scrollRegions } from './scroll-regions';

/**
 * Colleague-written markdown, sanitized (see markdown.ts). The sanitized nodes are inserted as they are:
 * no HTML string is parsed again on the way in. Wide code and tables scroll inside it (scroll-regions.ts).
 */
export function Markdown({ source }: { source: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current!.replaceChildren(renderMarkdown(source));
    return scrollRegions(ref.current!);
  }, [source]);
  return <div class="markdown" ref={ref} />;
}
