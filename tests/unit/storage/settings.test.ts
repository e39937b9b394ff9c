import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentIssueId, draftTemplate, uiLocale } from '../../../storage/settings';
import { DEFAULT_DRAFT_TEMPLATE } from '../../../storage/template';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('have their defaults before anything is stored', async () => {
    expect(await currentIssueId.getValue()).toBeNull();
    expect(await draftTemplate.getValue()).toBe(DEFAULT_DRAFT_TEMPLATE);
    expect(await uiLocale.getValue()).toBe('auto');
  });

  it('are stored in the expected areas under the expected keys', async () => {
    await currentIssueId.setValue('issue-1');
    await draftTemplate.setValue('<p>{title}</p>');
    await uiLocale.setValue('en');

    expect(await fakeBrowser.storage.local.get('currentIssueId')).toEqual({
      currentIssueId: 'issue-1',
    });
    expect(await fakeBrowser.storage.sync.get('draftTemplate')).toEqual({
      draftTemplate: '<p>{title}</p>',
    });
    expect(await fakeBrowser.storage.sync.get('uiLocale')).toEqual({ uiLocale: 'en' });
  });

  it('tell watchers when they change', async () => {
    const seen: Array<string | null> = [];
    const unwatch = currentIssueId.watch((value) => seen.push(value));

    await currentIssueId.setValue('issue-2');
    await currentIssueId.removeValue();
    unwatch();

    expect(seen).toEqual(['issue-2', null]);
  });
});
