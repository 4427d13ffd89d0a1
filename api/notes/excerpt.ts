/** A markdown body's text without markup, in one line, cut at a word: what lists show of a note. */
const EXCERPT_CHARS = 140;

export function excerpt(markdown: string): string {
  const text = markdown.replace(/[`*_>#\[\]()!~|-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}
