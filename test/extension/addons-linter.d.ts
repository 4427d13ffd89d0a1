// The part of addons-linter's API (it ships no types) that firefox-lint.test.ts uses.
declare module 'addons-linter' {
  export interface Finding {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface Linter {
    run(): Promise<{ errors: Finding[]; warnings: Finding[]; notices: Finding[] }>;
  }
  const addonsLinter: { createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter };
  export default addonsLinter;
}
