// Markdown from colleagues, rendered to HTML that is safe to show: marked parses, DOMPurify removes
// anything active (scripts, event handlers, javascript: links, forms, frames). Links open in a new tab.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;

function hookLinks() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMarkdown(source: string): string {
  // DOMPurify returns its input untouched where it cannot run: then show the text, never raw HTML.
  if (!DOMPurify.isSupported) return `<p>${escapeHtml(source)}</p>`;
  hookLinks();
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'img'],
    ADD_ATTR: ['target'],
  });
}
