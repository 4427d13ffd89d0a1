/**
 * The matcher for one component. The standard compiles a part list to a JavaScript RegExp; we compile
 * it to a small program with the same meaning (the same captures, chosen with the same priorities as
 * the standard's regular expression: lazy `[^/]+?` for `:name`, greedy `.*` for `*`, greedy
 * modifiers) and run it with a backtracking matcher that remembers which (branch, position) pairs it
 * has already tried. A remembered pair is never tried twice, so a match costs at most
 * O(program size × input length) steps whatever the pattern: `*a*a*a*a*b` cannot backtrack
 * catastrophically, unlike the equivalent RegExp. No user-written regular expression is ever run.
 *
 * Instructions are 4 ints: [op, a, b, c].
 */
import type { ComponentOptions, Part } from './types';

const OP_LIT = 0; // a = literal index: the input must continue with that text
const OP_SEG = 1; // one code point other than the delimiter (a = delimiter char code, or -1: any)
const OP_ANY = 2; // one code point other than a line terminator (RegExp "." without the s flag)
const OP_SPLIT = 3; // try a, then b; c = branch id for the memo
const OP_JMP = 4; // go to a
const OP_SAVE = 5; // capture slot a := position
const OP_MATCH = 6; // succeed if at the end of the input
const OP_SEGRUN = 7; // one or more code points up to the next delimiter (a) or the end; see peephole()
const OP_ANYEND = 8; // the rest of the input, if it has no line terminator; see peephole()

export interface Program {
  readonly ops: Int32Array;
  readonly literals: readonly string[];
  readonly slots: number;
  readonly branches: number;
  readonly ignoreCase: boolean;
}

class Builder {
  ops: number[] = [];
  literals: string[] = [];
  branches = 0;
  constructor(
    readonly delimiter: number,
    readonly ignoreCase: boolean,
  ) {}

  get pc(): number {
    return this.ops.length;
  }
  emit(op: number, a = 0, b = 0, c = 0): number {
    const at = this.ops.length;
    this.ops.push(op, a, b, c);
    return at;
  }
  split(): number {
    return this.emit(OP_SPLIT, 0, 0, this.branches++);
  }
  patch(at: number, a: number, b: number): void {
    this.ops[at + 1] = a;
    this.ops[at + 2] = b;
  }
  literal(text: string): void {
    if (text === '') return;
    this.literals.push(this.ignoreCase ? asciiLower(text) : text);
    this.emit(OP_LIT, this.literals.length - 1);
  }
  /** `[^d]+?` (segment) or `.*` (full). */
  wildcard(full: boolean): void {
    if (full) {
      // L0: SPLIT L1, out; L1: ANY; JMP L0
      const head = this.split();
      const body = this.pc;
      this.emit(OP_ANY);
      this.emit(OP_JMP, head);
      this.patch(head, body, this.pc);
    } else {
      // L: SEG; SPLIT out, L   (lazy: prefer to stop)
      const body = this.pc;
      this.emit(OP_SEG, this.delimiter);
      const s = this.split();
      this.patch(s, this.pc, body);
    }
  }
  /** `.+` greedy: used for `(.*)?`, where the standard's regexp skips an empty optional group. */
  fullNonEmpty(): void {
    const body = this.pc;
    this.emit(OP_ANY);
    const s = this.split();
    this.patch(s, body, this.pc);
  }
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Compiles a part list to a program, following the standard's "generate a regular expression and
 * name list" construct by construct.
 */
export function compileProgram(parts: readonly Part[], options: ComponentOptions): Program {
  const b = new Builder(options.delimiter === '' ? -1 : options.delimiter.charCodeAt(0), options.ignoreCase);
  let group = 0;
  for (const part of parts) {
    if (part.type === 'fixed-text') {
      switch (part.modifier) {
        case 'none':
          b.literal(part.value);
          break;
        case 'optional': {
          // (?:v)?
          const s = b.split();
          const body = b.pc;
          b.literal(part.value);
          b.patch(s, body, b.pc);
          break;
        }
        case 'zero-or-more': {
          // (?:v)*
          const s = b.split();
          const body = b.pc;
          b.literal(part.value);
          b.emit(OP_JMP, s);
          b.patch(s, body, b.pc);
          break;
        }
        case 'one-or-more': {
          // (?:v)+
          const body = b.pc;
          b.literal(part.value);
          const s = b.split();
          b.patch(s, body, b.pc);
          break;
        }
      }
      continue;
    }
    const full = part.type === 'full-wildcard';
    const start = 2 * group;
    const end = start + 1;
    group += 1;
    if (part.prefix === '' && part.suffix === '') {
      if (part.modifier === 'none') {
        // (V)
        b.emit(OP_SAVE, start);
        b.wildcard(full);
        b.emit(OP_SAVE, end);
      } else if (part.modifier === 'optional') {
        // (V)?  — for V = .* the regexp's empty check makes this (.+)?
        const s = b.split();
        const body = b.pc;
        b.emit(OP_SAVE, start);
        if (full) b.fullNonEmpty();
        else b.wildcard(false);
        b.emit(OP_SAVE, end);
        b.patch(s, body, b.pc);
      } else if (full) {
        // ((?:.*)*) and ((?:.*)+) select exactly what (.*) selects.
        b.emit(OP_SAVE, start);
        b.wildcard(true);
        b.emit(OP_SAVE, end);
      } else if (part.modifier === 'zero-or-more') {
        // ((?:[^d]+?)*):  L0: SPLIT L1, out; L1: SEG; SPLIT L0, L1
        b.emit(OP_SAVE, start);
        const head = b.split();
        const body = b.pc;
        b.emit(OP_SEG, b.delimiter);
        const inner = b.split();
        b.patch(inner, head, body);
        b.patch(head, body, b.pc);
        b.emit(OP_SAVE, end);
      } else {
        // ((?:[^d]+?)+):  L1: SEG; SPLIT L2, L1; L2: SPLIT L1, out
        b.emit(OP_SAVE, start);
        const body = b.pc;
        b.emit(OP_SEG, b.delimiter);
        const inner = b.split();
        const outer = b.split();
        b.patch(inner, outer, body);
        b.patch(outer, body, b.pc);
        b.emit(OP_SAVE, end);
      }
      continue;
    }
    if (part.modifier === 'none' || part.modifier === 'optional') {
      // (?:P(V)S) or (?:P(V)S)?
      const s = part.modifier === 'optional' ? b.split() : -1;
      const body = b.pc;
      b.literal(part.prefix);
      b.emit(OP_SAVE, start);
      b.wildcard(full);
      b.emit(OP_SAVE, end);
      b.literal(part.suffix);
      if (s >= 0) b.patch(s, body, b.pc);
      continue;
    }
    // (?:P((?:V)(?:SP(?:V))*)S) followed by ? for zero-or-more
    const s = part.modifier === 'zero-or-more' ? b.split() : -1;
    const body = b.pc;
    b.literal(part.prefix);
    b.emit(OP_SAVE, start);
    b.wildcard(full);
    const loop = b.split();
    const again = b.pc;
    b.literal(part.suffix);
    b.literal(part.prefix);
    b.wildcard(full);
    b.emit(OP_JMP, loop);
    b.patch(loop, again, b.pc);
    b.emit(OP_SAVE, end);
    b.literal(part.suffix);
    if (s >= 0) b.patch(s, body, b.pc);
  }
  b.emit(OP_MATCH);
  peephole(b.ops, b.literals, b.delimiter);
  return {
    ops: Int32Array.from(b.ops),
    literals: b.literals,
    slots: 2 * group,
    branches: b.branches,
    ignoreCase: options.ignoreCase,
  };
}

/**
 * Replaces two common loops by single steps with the same result:
 *
 * - `[^d]+?` (a `:name`) followed by the end, or by fixed text starting with the delimiter d: the
 *   lazy loop can only stop at the first d or at the end, so it is OP_SEGRUN (`/accounts/:id`,
 *   `/:id/edit`, `:sub.example.com`).
 * - `.*` (a `*`) followed by the end: it takes the rest of the input, if that has no line terminator
 *   (otherwise nothing can match), so it is OP_ANYEND (`/accounts/*`).
 *
 * Captures (SAVE) between the loop and what follows are looked through.
 */
function peephole(ops: number[], literals: readonly string[], delimiter: number): void {
  // Jump targets, each with the instructions that jump there.
  const targets = new Map<number, number[]>();
  const target = (to: number, from: number) => {
    const list = targets.get(to);
    if (list === undefined) targets.set(to, [from]);
    else list.push(from);
  };
  for (let pc = 0; pc < ops.length; pc += 4) {
    if (ops[pc] === OP_SPLIT) {
      target(ops[pc + 1]!, pc);
      target(ops[pc + 2]!, pc);
    } else if (ops[pc] === OP_JMP) {
      target(ops[pc + 1]!, pc);
    }
  }
  const onlyFrom = (to: number, from: number) => (targets.get(to) ?? []).every((source) => source === from);
  const following = (pc: number): number => {
    while (ops[pc] === OP_SAVE || ops[pc] === OP_JMP) pc = ops[pc] === OP_JMP ? ops[pc + 1]! : pc + 4;
    return pc;
  };
  for (let pc = 0; pc < ops.length; pc += 4) {
    if (
      delimiter >= 0 &&
      ops[pc] === OP_SEG &&
      ops[pc + 4] === OP_SPLIT &&
      ops[pc + 5] === pc + 8 &&
      ops[pc + 6] === pc &&
      !targets.has(pc + 4)
    ) {
      // L: SEG d; SPLIT next, L
      const next = following(pc + 8);
      const op = ops[next];
      if (op === OP_MATCH || (op === OP_LIT && literals[ops[next + 1]!]!.charCodeAt(0) === delimiter)) {
        ops.splice(pc, 8, OP_SEGRUN, delimiter, 0, 0, OP_JMP, pc + 8, 0, 0);
      }
    } else if (
      ops[pc] === OP_SPLIT &&
      ops[pc + 1] === pc + 4 &&
      ops[pc + 2] === pc + 12 &&
      ops[pc + 4] === OP_ANY &&
      ops[pc + 8] === OP_JMP &&
      ops[pc + 9] === pc &&
      onlyFrom(pc + 4, pc) &&
      !targets.has(pc + 8) &&
      ops[following(pc + 12)] === OP_MATCH
    ) {
      ops.splice(pc, 12, OP_ANYEND, 0, 0, 0, OP_JMP, pc + 12, 0, 0, OP_JMP, pc + 12, 0, 0);
    }
  }
}

// Shared scratch space (the matcher is synchronous and never re-entered).
let visited = new Uint32Array(4096);
let epoch = 0;
let stack = new Int32Array(768);
let scratch = new Int32Array(64);

function startsWithAt(input: string, pos: number, literal: string, ignoreCase: boolean): boolean {
  const n = literal.length;
  if (pos + n > input.length) return false;
  if (!ignoreCase) return input.startsWith(literal, pos);
  for (let i = 0; i < n; i++) {
    let c = input.charCodeAt(pos + i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== literal.charCodeAt(i)) return false;
  }
  return true;
}

function growStack(): void {
  const bigger = new Int32Array(stack.length * 2);
  bigger.set(stack);
  stack = bigger;
}

/**
 * Runs `program` on `input` (anchored at both ends). Returns the capture slots (start, end pairs;
 * -1 where a group did not participate), or null if there is no match.
 */
export function runProgram(program: Program, input: string): number[] | null {
  const { ops, literals, ignoreCase } = program;
  const n = input.length;
  const width = n + 1;
  const need = program.branches * width;
  if (need > visited.length) {
    visited = new Uint32Array(Math.max(need, visited.length * 2));
    epoch = 0;
  }
  epoch += 1;
  if (epoch === 0xffffffff) {
    visited.fill(0);
    epoch = 1;
  }
  const mark = epoch;
  const slots = program.slots;
  if (slots > scratch.length) scratch = new Int32Array(slots * 2);
  const caps = scratch;
  caps.fill(-1, 0, slots);

  // Stack entries are [kind, a, b]: kind 0 = resume thread at pc a, position b;
  // kind 1 = restore capture slot a to b (undoes a SAVE when backtracking past it).
  stack[0] = 0;
  stack[1] = 0;
  stack[2] = 0;
  let sp = 3;
  while (sp > 0) {
    sp -= 3;
    if (stack[sp] === 1) {
      caps[stack[sp + 1]!] = stack[sp + 2]!;
      continue;
    }
    let pc = stack[sp + 1]!;
    let pos = stack[sp + 2]!;
    for (;;) {
      const op = ops[pc]!;
      if (op === OP_LIT) {
        const literal = literals[ops[pc + 1]!]!;
        if (!startsWithAt(input, pos, literal, ignoreCase)) break;
        pos += literal.length;
        pc += 4;
      } else if (op === OP_SEG) {
        if (pos >= n) break;
        const c = input.charCodeAt(pos);
        if (c === ops[pc + 1]) break;
        pos += c >= 0xd800 && c <= 0xdbff && isLowSurrogate(input.charCodeAt(pos + 1)) ? 2 : 1;
        pc += 4;
      } else if (op === OP_ANY) {
        if (pos >= n) break;
        const c = input.charCodeAt(pos);
        if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
        pos += c >= 0xd800 && c <= 0xdbff && isLowSurrogate(input.charCodeAt(pos + 1)) ? 2 : 1;
        pc += 4;
      } else if (op === OP_SEGRUN) {
        const start = pos;
        const delimiter = ops[pc + 1];
        while (pos < n && input.charCodeAt(pos) !== delimiter) pos++;
        if (pos === start) break;
        pc += 4;
      } else if (op === OP_ANYEND) {
        let clean = true;
        for (let i = pos; i < n; i++) {
          const c = input.charCodeAt(i);
          if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            clean = false;
            break;
          }
        }
        if (!clean) break;
        pos = n;
        pc += 4;
      } else if (op === OP_SPLIT) {
        const key = ops[pc + 3]! * width + pos;
        if (visited[key] === mark) break;
        visited[key] = mark;
        if (sp + 3 > stack.length) growStack();
        stack[sp] = 0;
        stack[sp + 1] = ops[pc + 2]!;
        stack[sp + 2] = pos;
        sp += 3;
        pc = ops[pc + 1]!;
      } else if (op === OP_JMP) {
        pc = ops[pc + 1]!;
      } else if (op === OP_SAVE) {
        const slot = ops[pc + 1]!;
        if (sp + 3 > stack.length) growStack();
        stack[sp] = 1;
        stack[sp + 1] = slot;
        stack[sp + 2] = caps[slot]!;
        sp += 3;
        caps[slot] = pos;
        pc += 4;
      } else {
        // OP_MATCH
        if (pos !== n) break;
        const out = new Array<number>(slots);
        for (let i = 0; i < slots; i++) out[i] = caps[i]!;
        return out;
      }
    }
  }
  return null;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export { asciiLower };
