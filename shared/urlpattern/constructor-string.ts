/**
 * The constructor-string parser (standard § "Constructor string parsing"): splits a shorthand like
 * "https://*.example.com/accounts/:id?tab=*" into an init dictionary of component pattern strings.
 * It runs on lenient tokens so that pattern syntax (":id", "{...}", "*") is never mistaken for a URL
 * separator.
 */
import { tokenize, type Token } from './tokenizer';
import type { URLPatternInitLike } from './types';

type State =
  | 'init'
  | 'protocol'
  | 'authority'
  | 'username'
  | 'password'
  | 'hostname'
  | 'port'
  | 'pathname'
  | 'search'
  | 'hash'
  | 'done';

type ComponentState = 'protocol' | 'username' | 'password' | 'hostname' | 'port' | 'pathname' | 'search' | 'hash';

/** The standard's "constructor string parser" (a class, not closures: it runs for every pattern). */
class ConstructorStringParser {
  readonly tokens: Token[];
  readonly result: URLPatternInitLike = {};
  componentStart = 0;
  tokenIndex = 0;
  tokenIncrement = 1;
  groupDepth = 0;
  hostnameIPv6BracketDepth = 0;
  protocolIsSpecial = false;
  state: State = 'init';

  constructor(
    readonly input: string,
    readonly protocolMatchesSpecialScheme: (protocol: string) => boolean,
  ) {
    this.tokens = tokenize(input, 'lenient');
  }

  safeToken(index: number): Token {
    if (index < this.tokens.length) return this.tokens[index]!;
    return this.tokens[this.tokens.length - 1]!;
  }
  isNonSpecialPatternChar(index: number, value: string): boolean {
    const token = this.safeToken(index);
    if (token.value !== value) return false;
    return token.type === 'char' || token.type === 'escaped-char' || token.type === 'invalid-char';
  }
  isProtocolSuffix(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, ':');
  }
  nextIsAuthoritySlashes(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex + 1, '/') && this.isNonSpecialPatternChar(this.tokenIndex + 2, '/');
  }
  isIdentityTerminator(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, '@');
  }
  isPasswordPrefix(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, ':');
  }
  isPortPrefix(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, ':');
  }
  isPathnameStart(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, '/');
  }
  isSearchPrefix(): boolean {
    if (this.isNonSpecialPatternChar(this.tokenIndex, '?')) return true;
    if (this.tokens[this.tokenIndex]!.value !== '?') return false;
    const previousIndex = this.tokenIndex - 1;
    if (previousIndex < 0) return true;
    const previous = this.safeToken(previousIndex);
    return !(
      previous.type === 'name' ||
      previous.type === 'regexp' ||
      previous.type === 'close' ||
      previous.type === 'asterisk'
    );
  }
  isHashPrefix(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, '#');
  }
  isGroupOpen(): boolean {
    return this.tokens[this.tokenIndex]!.type === 'open';
  }
  isGroupClose(): boolean {
    return this.tokens[this.tokenIndex]!.type === 'close';
  }
  isIPv6Open(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, '[');
  }
  isIPv6Close(): boolean {
    return this.isNonSpecialPatternChar(this.tokenIndex, ']');
  }

  makeComponentString(): string {
    const token = this.tokens[this.tokenIndex]!;
    const startIndex = this.safeToken(this.componentStart).index;
    return this.input.slice(startIndex, token.index);
  }
  rewind(): void {
    this.tokenIndex = this.componentStart;
    this.tokenIncrement = 0;
  }
  rewindAndSetState(next: State): void {
    this.rewind();
    this.state = next;
  }
  changeState(next: State, skip: number): void {
    const from = this.state;
    const result = this.result;
    if (from !== 'init' && from !== 'authority' && from !== 'done') {
      result[from as ComponentState] = this.makeComponentString();
    }
    if (from !== 'init' && next !== 'done') {
      if (
        (from === 'protocol' || from === 'authority' || from === 'username' || from === 'password') &&
        (next === 'port' || next === 'pathname' || next === 'search' || next === 'hash') &&
        result.hostname === undefined
      ) {
        result.hostname = '';
      }
      if (
        (from === 'protocol' ||
          from === 'authority' ||
          from === 'username' ||
          from === 'password' ||
          from === 'hostname' ||
          from === 'port') &&
        (next === 'search' || next === 'hash') &&
        result.pathname === undefined
      ) {
        result.pathname = this.protocolIsSpecial ? '/' : '';
      }
      if (from !== 'search' && from !== 'hash' && next === 'hash' && result.search === undefined) {
        result.search = '';
      }
    }
    this.state = next;
    this.tokenIndex += skip;
    this.componentStart = this.tokenIndex;
    this.tokenIncrement = 0;
  }

  parse(): URLPatternInitLike {
    const tokens = this.tokens;
    while (this.tokenIndex < tokens.length) {
      this.tokenIncrement = 1;
      if (tokens[this.tokenIndex]!.type === 'end') {
        if (this.state === 'init') {
          this.rewind();
          if (this.isHashPrefix()) this.changeState('hash', 1);
          else if (this.isSearchPrefix()) this.changeState('search', 1);
          else this.changeState('pathname', 0);
          this.tokenIndex += this.tokenIncrement;
          continue;
        }
        if (this.state === 'authority') {
          this.rewindAndSetState('hostname');
          this.tokenIndex += this.tokenIncrement;
          continue;
        }
        this.changeState('done', 0);
        break;
      }
      if (this.isGroupOpen()) {
        this.groupDepth += 1;
        this.tokenIndex += this.tokenIncrement;
        continue;
      }
      if (this.groupDepth > 0) {
        if (this.isGroupClose()) {
          this.groupDepth -= 1;
        } else {
          this.tokenIndex += this.tokenIncrement;
          continue;
        }
      }
      switch (this.state) {
        case 'init':
          if (this.isProtocolSuffix()) this.rewindAndSetState('protocol');
          break;
        case 'protocol':
          if (this.isProtocolSuffix()) {
            this.protocolIsSpecial = this.protocolMatchesSpecialScheme(this.makeComponentString());
            let next: State = 'pathname';
            let skip = 1;
            if (this.nextIsAuthoritySlashes()) {
              next = 'authority';
              skip = 3;
            } else if (this.protocolIsSpecial) {
              next = 'authority';
            }
            this.changeState(next, skip);
          }
          break;
        case 'authority':
          if (this.isIdentityTerminator()) this.rewindAndSetState('username');
          else if (this.isPathnameStart() || this.isSearchPrefix() || this.isHashPrefix()) this.rewindAndSetState('hostname');
          break;
        case 'username':
          if (this.isPasswordPrefix()) this.changeState('password', 1);
          else if (this.isIdentityTerminator()) this.changeState('hostname', 1);
          break;
        case 'password':
          if (this.isIdentityTerminator()) this.changeState('hostname', 1);
          break;
        case 'hostname':
          if (this.isIPv6Open()) this.hostnameIPv6BracketDepth += 1;
          else if (this.isIPv6Close()) this.hostnameIPv6BracketDepth -= 1;
          else if (this.isPortPrefix() && this.hostnameIPv6BracketDepth === 0) this.changeState('port', 1);
          else if (this.isPathnameStart()) this.changeState('pathname', 0);
          else if (this.isSearchPrefix()) this.changeState('search', 1);
          else if (this.isHashPrefix()) this.changeState('hash', 1);
          break;
        case 'port':
          if (this.isPathnameStart()) this.changeState('pathname', 0);
          else if (this.isSearchPrefix()) this.changeState('search', 1);
          else if (this.isHashPrefix()) this.changeState('hash', 1);
          break;
        case 'pathname':
          if (this.isSearchPrefix()) this.changeState('search', 1);
          else if (this.isHashPrefix()) this.changeState('hash', 1);
          break;
        case 'search':
          if (this.isHashPrefix()) this.changeState('hash', 1);
          break;
        case 'hash':
        case 'done':
          break;
      }
      this.tokenIndex += this.tokenIncrement;
    }
    if (this.result.hostname !== undefined && this.result.port === undefined) this.result.port = '';
    return this.result;
  }
}

/**
 * The common shape "scheme://host[:port][/path]" with a plain lowercase scheme and host, and no
 * "?", "#", "{", "(" or "\\" anywhere: the state machine would take the scheme, the host, the port
 * and then the whole rest as the pathname (search and hash unset), so skip it.
 */
const SIMPLE = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9.-]+)(?::([0-9]*))?(\/[^?#{(\\]*)?$/;

/** The fast path of parseConstructorString, or null when the input is not of the simple shape. */
export function parseSimpleConstructorString(input: string): URLPatternInitLike | null {
  const m = SIMPLE.exec(input);
  if (m === null) return null;
  const result: URLPatternInitLike = { protocol: m[1]!, hostname: m[2]!, port: m[3] ?? '' };
  if (m[4] !== undefined) result.pathname = m[4];
  return result;
}

/**
 * The standard's "parse a constructor string".
 * @param protocolMatchesSpecialScheme compiles a protocol pattern string and says whether it matches
 *   any special scheme (passed in to avoid a module cycle with parse.ts).
 */
export function parseConstructorString(
  input: string,
  protocolMatchesSpecialScheme: (protocol: string) => boolean,
): URLPatternInitLike {
  return (
    parseSimpleConstructorString(input) ?? new ConstructorStringParser(input, protocolMatchesSpecialScheme).parse()
  );
}

/** The state machine alone (for tests that compare it with the fast path). */
export function parseConstructorStringFully(
  input: string,
  protocolMatchesSpecialScheme: (protocol: string) => boolean,
): URLPatternInitLike {
  return new ConstructorStringParser(input, protocolMatchesSpecialScheme).parse();
}
