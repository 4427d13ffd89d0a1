/**
 * The URLPattern tokenizer (standard § "Tokenizing"). Indexes are UTF-16 offsets into the input; the
 * tokenizer steps over whole code points, as the standard does.
 *
 * "strict" throws a PatternError on the first error; "lenient" (used by the constructor-string parser,
 * which only needs to find component boundaries) turns errors into `invalid-char` tokens.
 * A custom regexp group `( ... )` still becomes a `regexp` token here; the part parser decides whether
 * it is one of the two forms the standard treats as plain wildcards, and rejects everything else.
 */
import { PatternError } from './errors';

export type TokenType =
  | 'open'
  | 'close'
  | 'regexp'
  | 'name'
  | 'char'
  | 'escaped-char'
  | 'other-modifier'
  | 'asterisk'
  | 'end'
  | 'invalid-char';

export interface Token {
  readonly type: TokenType;
  readonly index: number;
  readonly value: string;
}

type TokenizePolicy = 'strict' | 'lenient';

const ID_START = /[$_\p{ID_Start}]/u;
const ID_CONTINUE = /[$_\u200C\u200D\p{ID_Continue}]/u;

/** Whether `cp` may appear in a `:name` (first: at its start). */
export function isValidNameCodePoint(cp: number, first: boolean): boolean {
  // Fast path for ASCII.
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x24 || cp === 0x5f) return true;
    return !first && cp >= 0x30 && cp <= 0x39;
  }
  const ch = String.fromCodePoint(cp);
  return first ? ID_START.test(ch) : ID_CONTINUE.test(ch);
}

function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Tokenizer state (a class, not closures: tokenizing runs for every pattern compiled). */
class Tokenizer {
  readonly tokens: Token[] = [];
  index = 0;
  constructor(
    readonly input: string,
    readonly policy: TokenizePolicy,
  ) {}

  error(nextPosition: number, valuePosition: number, regexp: boolean, message: string): void {
    if (this.policy === 'strict') {
      throw new PatternError(regexp ? 'pattern_regexp_group' : 'pattern_invalid', message, { position: this.index });
    }
    this.tokens.push({ type: 'invalid-char', index: this.index, value: this.input.slice(valuePosition, nextPosition) });
    this.index = nextPosition;
  }

  add(type: TokenType, next: number, valuePosition: number, valueEnd: number): void {
    this.tokens.push({ type, index: this.index, value: this.input.slice(valuePosition, valueEnd) });
    this.index = next;
  }

  /** The "(...)" group starting at this.index (an error unless it is well formed). */
  regexp(next: number): void {
    const input = this.input;
    const length = input.length;
    let depth = 1;
    const regexpStart = next;
    let regexpPosition = regexpStart;
    while (regexpPosition < length) {
      const c = input.codePointAt(regexpPosition)!;
      let nextIndex = regexpPosition + cpLength(c);
      if (c > 0x7f || (regexpPosition === regexpStart && c === 0x3f) /* ? */) {
        return this.error(regexpStart, this.index, true, 'Invalid regular-expression group');
      }
      if (c === 0x5c /* \ */) {
        if (nextIndex === length || input.codePointAt(nextIndex)! > 0x7f) {
          return this.error(regexpStart, this.index, true, 'Invalid regular-expression group');
        }
        regexpPosition = nextIndex + 1;
        continue;
      }
      if (c === 0x29 /* ) */) {
        depth -= 1;
        if (depth === 0) {
          regexpPosition = nextIndex;
          break;
        }
      } else if (c === 0x28 /* ( */) {
        depth += 1;
        if (nextIndex === length || input.codePointAt(nextIndex) !== 0x3f /* ? */) {
          return this.error(regexpStart, this.index, true, 'Invalid regular-expression group');
        }
        // The "?" is looked at again on the next iteration, as in the standard.
        nextIndex = regexpPosition + 1;
      }
      regexpPosition = nextIndex;
    }
    if (depth !== 0) return this.error(regexpStart, this.index, true, 'Unbalanced regular-expression group');
    const regexpLength = regexpPosition - regexpStart - 1;
    if (regexpLength === 0) return this.error(regexpStart, this.index, true, 'Empty regular-expression group');
    this.add('regexp', regexpPosition, regexpStart, regexpStart + regexpLength);
  }

  run(): Token[] {
    const input = this.input;
    const length = input.length;
    while (this.index < length) {
      const index = this.index;
      const cp = input.codePointAt(index)!;
      const next = index + cpLength(cp);
      switch (cp) {
        case 0x2a /* * */:
          this.add('asterisk', next, index, next);
          continue;
        case 0x2b /* + */:
        case 0x3f /* ? */:
          this.add('other-modifier', next, index, next);
          continue;
        case 0x5c /* \ */: {
          if (next === length) {
            this.error(next, index, false, 'A pattern cannot end with an unescaped backslash');
            continue;
          }
          const after = next + cpLength(input.codePointAt(next)!);
          this.add('escaped-char', after, next, after);
          continue;
        }
        case 0x7b /* { */:
          this.add('open', next, index, next);
          continue;
        case 0x7d /* } */:
          this.add('close', next, index, next);
          continue;
        case 0x3a /* : */: {
          const nameStart = next;
          let namePosition = nameStart;
          while (namePosition < length) {
            const c = input.codePointAt(namePosition)!;
            if (!isValidNameCodePoint(c, namePosition === nameStart)) break;
            namePosition += cpLength(c);
          }
          if (namePosition <= nameStart) {
            this.error(nameStart, index, false, 'Missing parameter name after ":" (escape it as \\: for a literal colon)');
            continue;
          }
          this.add('name', namePosition, nameStart, namePosition);
          continue;
        }
        case 0x28 /* ( */:
          this.regexp(next);
          continue;
        default:
          this.add('char', next, index, next);
      }
    }
    this.tokens.push({ type: 'end', index: this.index, value: '' });
    return this.tokens;
  }
}

export function tokenize(input: string, policy: TokenizePolicy): Token[] {
  return new Tokenizer(input, policy).run();
}
