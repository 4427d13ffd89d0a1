/**
 * Pattern strings ⇄ part lists (standard § "Parsing pattern strings" and "Converting part lists to
 * pattern strings"). The only departure from the standard: a `regexp` part — a custom regular
 * expression in parentheses — is rejected with `pattern_regexp_group`. The two parenthesised forms the
 * standard itself turns into wildcards, `(.*)` and the component's segment wildcard (`([^\/]+?)` in the
 * pathname), are accepted like `*` and `:name`, exactly as the standard normalizes them.
 */
import { PatternError, regexpGroupError } from './errors';
import { isValidNameCodePoint, tokenize, type Token, type TokenType } from './tokenizer';
import type { ComponentOptions, Modifier, Part, PartType } from './types';

/** Validates and canonicalizes a piece of fixed text; throws on invalid input. */
export type EncodingCallback = (value: string) => string;

const FULL_WILDCARD_REGEXP = '.*';

/** The standard's "escape a regexp string". */
function escapeRegexpString(input: string): string {
  return input.replace(/[.+*?^${}()[\]|/\\]/g, '\\$&');
}

const PATTERN_SYNTAX = /[+*?:{}()\\]/;

/** The standard's "escape a pattern string". */
export function escapePatternString(input: string): string {
  return PATTERN_SYNTAX.test(input) ? input.replace(/[+*?:{}()\\]/g, '\\$&') : input;
}

const segmentWildcards = new Map<string, string>();

function segmentWildcardRegexp(options: ComponentOptions): string {
  let regexp = segmentWildcards.get(options.delimiter);
  if (regexp === undefined) {
    regexp = `[^${escapeRegexpString(options.delimiter)}]+?`;
    segmentWildcards.set(options.delimiter, regexp);
  }
  return regexp;
}

function modifierOf(token: Token | null): Modifier {
  if (token === null) return 'none';
  if (token.value === '?') return 'optional';
  if (token.value === '*') return 'zero-or-more';
  if (token.value === '+') return 'one-or-more';
  return 'none';
}

function modifierToString(modifier: Modifier): string {
  switch (modifier) {
    case 'zero-or-more':
      return '*';
    case 'optional':
      return '?';
    case 'one-or-more':
      return '+';
    default:
      return '';
  }
}

/** The standard's "pattern parser" (a class, not closures: it runs for every pattern compiled). */
class PatternParser {
  readonly tokens: Token[];
  readonly parts: Part[] = [];
  /** Group names so far (most patterns have a few: a list beats a Set). */
  readonly names: string[] = [];
  readonly segmentWildcard: string;
  pendingFixedValue = '';
  index = 0;
  nextNumericName = 0;

  constructor(
    input: string,
    readonly options: ComponentOptions,
    readonly encode: EncodingCallback,
  ) {
    this.tokens = tokenize(input, 'strict');
    this.segmentWildcard = segmentWildcardRegexp(options);
  }

  tryConsume(type: TokenType): Token | null {
    const token = this.tokens[this.index];
    if (token === undefined || token.type !== type) return null;
    this.index += 1;
    return token;
  }

  tryConsumeModifier(): Token | null {
    return this.tryConsume('other-modifier') ?? this.tryConsume('asterisk');
  }

  tryConsumeRegexpOrWildcard(nameToken: Token | null): Token | null {
    const token = this.tryConsume('regexp');
    if (nameToken === null && token === null) return this.tryConsume('asterisk');
    return token;
  }

  consumeRequired(type: TokenType): Token {
    const token = this.tryConsume(type);
    if (token !== null) return token;
    const found = this.tokens[this.index];
    const what = type === 'close' ? 'a closing "}"' : type === 'end' ? 'the end of the pattern' : `a ${type} token`;
    throw new PatternError('pattern_invalid', `Unexpected ${describe(found)}: expected ${what}`, {
      position: found?.index,
    });
  }

  consumeText(): string {
    let result = '';
    for (;;) {
      const token = this.tryConsume('char') ?? this.tryConsume('escaped-char');
      if (token === null) return result;
      result += token.value;
    }
  }

  maybeAddPartFromPendingFixedValue(): void {
    if (this.pendingFixedValue === '') return;
    const value = this.encode(this.pendingFixedValue);
    this.pendingFixedValue = '';
    this.parts.push({ type: 'fixed-text', value, modifier: 'none', name: '', prefix: '', suffix: '' });
  }

  addPart(
    prefix: string,
    nameToken: Token | null,
    regexpOrWildcardToken: Token | null,
    suffix: string,
    modifierToken: Token | null,
  ): void {
    const modifier = modifierOf(modifierToken);
    if (nameToken === null && regexpOrWildcardToken === null && modifier === 'none') {
      this.pendingFixedValue += prefix;
      return;
    }
    this.maybeAddPartFromPendingFixedValue();
    if (nameToken === null && regexpOrWildcardToken === null) {
      if (prefix === '') return;
      this.parts.push({ type: 'fixed-text', value: this.encode(prefix), modifier, name: '', prefix: '', suffix: '' });
      return;
    }
    let type: PartType;
    if (regexpOrWildcardToken === null) {
      type = 'segment-wildcard';
    } else if (regexpOrWildcardToken.type === 'asterisk') {
      type = 'full-wildcard';
    } else if (regexpOrWildcardToken.value === this.segmentWildcard) {
      type = 'segment-wildcard';
    } else if (regexpOrWildcardToken.value === FULL_WILDCARD_REGEXP) {
      type = 'full-wildcard';
    } else {
      throw regexpGroupError(regexpOrWildcardToken.index);
    }
    let name: string;
    if (nameToken !== null) {
      name = nameToken.value;
    } else {
      name = String(this.nextNumericName);
      this.nextNumericName += 1;
    }
    if (this.names.includes(name)) {
      throw new PatternError('pattern_invalid', `Duplicate group name "${name}"`, {
        position: (nameToken ?? regexpOrWildcardToken)?.index,
      });
    }
    this.names.push(name);
    this.parts.push({ type, value: '', modifier, name, prefix: this.encode(prefix), suffix: this.encode(suffix) });
  }

  parse(): Part[] {
    const tokens = this.tokens;
    while (this.index < tokens.length) {
      const charToken = this.tryConsume('char');
      let nameToken = this.tryConsume('name');
      let regexpOrWildcardToken = this.tryConsumeRegexpOrWildcard(nameToken);
      if (nameToken !== null || regexpOrWildcardToken !== null) {
        let prefix = charToken?.value ?? '';
        if (prefix !== '' && prefix !== this.options.prefix) {
          this.pendingFixedValue += prefix;
          prefix = '';
        }
        this.maybeAddPartFromPendingFixedValue();
        const modifierToken = this.tryConsumeModifier();
        this.addPart(prefix, nameToken, regexpOrWildcardToken, '', modifierToken);
        continue;
      }
      const fixedToken = charToken ?? this.tryConsume('escaped-char');
      if (fixedToken !== null) {
        this.pendingFixedValue += fixedToken.value;
        continue;
      }
      const openToken = this.tryConsume('open');
      if (openToken !== null) {
        const prefix = this.consumeText();
        nameToken = this.tryConsume('name');
        regexpOrWildcardToken = this.tryConsumeRegexpOrWildcard(nameToken);
        const suffix = this.consumeText();
        this.consumeRequired('close');
        const modifierToken = this.tryConsumeModifier();
        this.addPart(prefix, nameToken, regexpOrWildcardToken, suffix, modifierToken);
        continue;
      }
      this.maybeAddPartFromPendingFixedValue();
      this.consumeRequired('end');
    }
    return this.parts;
  }
}

/** The standard's "parse a pattern string", minus regexp parts. */
export function parsePatternString(input: string, options: ComponentOptions, encode: EncodingCallback): Part[] {
  return new PatternParser(input, options, encode).parse();
}

function describe(token: Token | undefined): string {
  if (token === undefined || token.type === 'end') return 'end of pattern';
  switch (token.type) {
    case 'open':
      return '"{"';
    case 'close':
      return '"}"';
    case 'asterisk':
    case 'other-modifier':
      return `modifier "${token.value}"`;
    case 'name':
      return `parameter ":${token.value}"`;
    case 'regexp':
      return 'regular-expression group';
    default:
      return `"${token.value}"`;
  }
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function startsWithNameCodePoint(value: string): boolean {
  const cp = value.codePointAt(0);
  return cp !== undefined && isValidNameCodePoint(cp, false);
}

/** The standard's "generate a pattern string": the normalized form of a part list. */
export function generatePatternString(parts: readonly Part[], options: ComponentOptions): string {
  let result = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const previous = i > 0 ? parts[i - 1]! : null;
    const next = i < parts.length - 1 ? parts[i + 1]! : null;
    if (part.type === 'fixed-text') {
      if (part.modifier === 'none') {
        result += escapePatternString(part.value);
        continue;
      }
      result += `{${escapePatternString(part.value)}}${modifierToString(part.modifier)}`;
      continue;
    }
    const customName = !isAsciiDigit(part.name[0]);
    let needsGrouping = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
    if (
      !needsGrouping &&
      customName &&
      part.type === 'segment-wildcard' &&
      part.modifier === 'none' &&
      next !== null &&
      next.prefix === '' &&
      next.suffix === ''
    ) {
      if (next.type === 'fixed-text') {
        needsGrouping = startsWithNameCodePoint(next.value);
      } else {
        needsGrouping = isAsciiDigit(next.name[0]);
      }
    }
    if (
      !needsGrouping &&
      part.prefix === '' &&
      previous !== null &&
      previous.type === 'fixed-text' &&
      previous.value !== '' &&
      previous.value.slice(-1) === options.prefix
    ) {
      needsGrouping = true;
    }
    if (needsGrouping) result += '{';
    result += escapePatternString(part.prefix);
    if (customName) result += `:${part.name}`;
    if (part.type === 'segment-wildcard') {
      if (!customName) result += `(${segmentWildcardRegexp(options)})`;
    } else {
      // full-wildcard
      if (
        !customName &&
        (previous === null ||
          previous.type === 'fixed-text' ||
          previous.modifier !== 'none' ||
          needsGrouping ||
          part.prefix !== '')
      ) {
        result += '*';
      } else {
        result += `(${FULL_WILDCARD_REGEXP})`;
      }
    }
    if (part.type === 'segment-wildcard' && customName && part.suffix !== '' && startsWithNameCodePoint(part.suffix)) {
      result += '\\';
    }
    result += escapePatternString(part.suffix);
    if (needsGrouping) result += '}';
    result += modifierToString(part.modifier);
  }
  return result;
}
