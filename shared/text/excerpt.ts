// A markdown body as plain text: marked's tokens (the parser the panel renders with) walked for their
// words, so no markdown syntax shows (tables, task boxes, autolinks, references, escapes) and words with
// `_` or `*` inside stay whole. Runs on the API (lists) and in the panel (the re-pin card).
import { Lexer, type Token, type Tokens } from 'marked';

/** How much of a body lists show (inbox, browse, a scope's notes). */
export const EXCERPT_CHARS = 140;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/** Tokens that hold blocks: theirs are apart by a space; inline ones run together ("a\_b" is "a_b"). */
const BLOCKS = new Set(['blockquote', 'list_item']);

/** The words of tokens (blocks, rows and cells apart by a space); HTML tags dropped, their text kept. */
function words(tokens: readonly Token[], separator = ' '): string {
  return tokens.map(wordsOf).join(separator);
}

function wordsOf(token: Token): string {
  switch (token.type) {
    case 'space': case 'hr': case 'def': case 'checkbox': case 'br':
      return '';
    case 'html':
      return decode(token.text.replace(/<[^>]*>/g, ' '));
    case 'code': case 'codespan':
      return decode(token.text);
    case 'image':
      return decode(token.text);
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => words(cell.tokens, '')).join(' ')).join(' ');
    }
    case 'list':
      return (token as Tokens.List).items.map(wordsOf).join(' ');
    default:
      if ('tokens' in token && token.tokens) return words(token.tokens, BLOCKS.has(token.type) ? ' ' : '');
      return 'text' in token ? decode(String(token.text)) : '';
  }
}

/**
 * A markdown body as a short plain-text excerpt, in one line: its words without markdown syntax or tags,
 * whitespace collapsed, cut at a word. What the API's lists and the panel's re-pin card show of a note.
 */
export function plainExcerpt(markdown: string, max = EXCERPT_CHARS): string {
  const text = words(new Lexer({ gfm: true }).lex(markdown)).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
