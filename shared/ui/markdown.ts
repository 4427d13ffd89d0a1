// Markdown from colleagues is untrusted: marked (GFM) parses it, then DOMPurify keeps only an allowlist
// of exactly what marked itself produces, each element with its own attributes and their values checked.
// Anything else (raw HTML, SVG, MathML, style, media, ids, classes of ours) is dropped, its text kept.
// Links go to http(s) or mailto only, in a new tab without opener or referrer. Images are not shown:
// a markdown image becomes a link to it (nothing loads until the reader chooses to open it), so no note
// can load a remote resource, a tracking pixel. The panel's CSP (wxt.config.ts) is the second wall.
import createDOMPurify, { type Config } from 'dompurify';
import { Marked, type Tokens } from 'marked';

type Check = (value: string) => boolean;
const any: Check = () => true;
const one = (...values: string[]): Check => (value) => values.includes(value.toLowerCase());

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** An absolute http(s) or mailto URL: relative ones would resolve against the extension's own pages. */
const safeUrl: Check = (value) => {
  try {
    return SAFE_PROTOCOLS.has(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Each element marked (GFM) renders, with the attributes it gives it and the values they may take. */
const ALLOWED: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  a: { href: safeUrl, title: any },
  blockquote: {},
  br: {},
  code: { class: (value) => /^language-[\w+#.-]{1,40}$/.test(value) },
  del: {},
  em: {},
  h1: {}, h2: {}, h3: {}, h4: {}, h5: {}, h6: {},
  hr: {},
  // A task list's checkbox: always disabled (see afterSanitizeAttributes).
  input: { type: one('checkbox'), checked: any, disabled: any },
  li: {},
  ol: { start: (value) => /^\d{1,9}$/.test(value) },
  p: {},
  pre: {},
  strong: {},
  table: {}, thead: {}, tbody: {}, tr: {},
  th: { align: one('left', 'center', 'right') },
  td: { align: one('left', 'center', 'right') },
  ul: {},
};

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: Object.keys(ALLOWED),
  ALLOWED_ATTR: [...new Set(Object.values(ALLOWED).flatMap(Object.keys))],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  RETURN_DOM_FRAGMENT: true,
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const marked = new Marked({
  gfm: true,
  breaks: false, // CommonMark: a single line break is a space (text flows); a blank line or two trailing spaces break
  renderer: {
    // An image is a link to it, named by its alt text: nothing is fetched while the note is read.
    image({ href, title, text }: Tokens.Image) {
      const label = escapeHtml(text.trim() || href);
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${label}</a>`;
    },
  },
});

// An instance of our own: its hooks change nothing for any other user of DOMPurify.
const purify = createDOMPurify(window);
purify.addHook('uponSanitizeAttribute', (node, data) => {
  const check = ALLOWED[node.nodeName.toLowerCase()]?.[data.attrName];
  if (!check || !check(data.attrValue)) data.keepAttr = false;
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.nodeName === 'INPUT') {
    if (node.getAttribute('type') === 'checkbox') node.setAttribute('disabled', '');
    else node.remove();
  }
});

/** The note's markdown as DOM nodes safe to show in the panel. */
export function renderMarkdown(source: string): DocumentFragment {
  // DOMPurify returns its input untouched where it cannot run: then show the text, never HTML.
  if (!purify.isSupported) {
    const fragment = document.createDocumentFragment();
    fragment.append(Object.assign(document.createElement('p'), { textContent: source }));
    return fragment;
  }
  return purify.sanitize(marked.parse(source, { async: false }), CONFIG);
}
