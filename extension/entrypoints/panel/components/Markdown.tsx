import { renderMarkdown } from '../markdown';

/** Colleague-written markdown, sanitized (see markdown.ts). */
export function Markdown({ source }: { source: string }) {
  return <div class="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
