/** The slice of `browser.storage.local` / `.session` the core modules use, so tests can pass a Map-backed area. */
export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function memoryArea(): KeyValueArea {
  const data = new Map<string, unknown>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}
