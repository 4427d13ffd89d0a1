// The URL-pattern language: URLPattern syntax and semantics minus custom regexp groups. See README.md.
export { PatternError, type PatternErrorCode } from './errors';
export { parsePattern, isValidPattern, patternStrings } from './parse';
export { matchPattern, testPattern, testValues, urlComponentValues } from './match';
export { escapePatternString } from './pattern-string';
export { compareSpecificity } from './specificity';
export { PatternIndex, patternOrigin, type IndexMatch } from './pattern-index';
export {
  COMPONENTS,
  type CompiledPattern,
  type CompiledComponent,
  type ComponentMatch,
  type ComponentName,
  type Part,
  type PatternMatch,
  type PatternOptions,
  type URLPatternInitLike,
} from './types';
