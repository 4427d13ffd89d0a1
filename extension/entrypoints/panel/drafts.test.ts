import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Drafts, draftKey } from './drafts';

const area = fakeBrowser.storage.local;
beforeEach(() => fakeBrowser.reset());

describe('Drafts', () => {
  const page = 'https://crm.example/accounts/7';

  it('keeps one draft per page key and kind', async () => {
    const drafts = new Drafts(area);
    await drafts.save(page, 'note', { body: 'a note', savedAt: 1 });
    await drafts.save(page, 'question', { title: 'Why?', body: '', savedAt: 2 });
    await drafts.save(page, 'answer:q1', { body: 'because', savedAt: 3 });
    expect((await drafts.load(page, 'note'))?.body).toBe('a note');
    expect((await drafts.load(page, 'question'))?.title).toBe('Why?');
    expect((await drafts.load(page, 'answer:q1'))?.body).toBe('because');
    expect(await drafts.load('https://crm.example/accounts/8', 'note')).toBeNull();
  });

  it('removes a draft that was emptied, or cleared after posting', async () => {
    const drafts = new Drafts(area);
    await drafts.save(page, 'note', { body: 'x', savedAt: 1 });
    await drafts.save(page, 'note', { body: '   ', savedAt: 2 });
    expect(await area.get(draftKey(page, 'note'))).toEqual({});
    await drafts.save(page, 'question', { title: 't', body: '', savedAt: 1 });
    await drafts.clear(page, 'question');
    expect(await drafts.load(page, 'question')).toBeNull();
  });
});
