import { describe, expect, it } from 'vitest';
import { syncLine } from '../../../components/SharedDeskBar';
import { setLocale } from '../../../locales/core';
import { deskState } from '../desk-fixtures';

describe('sync line, writes redirected by a site that did not move', () => {
  it('says nothing was written and who can fix it, not a connection test that passes', () => {
    setLocale('fr');
    const line = syncLine(
      {
        ...deskState('contributor'),
        lastSyncAt: undefined,
        lastError: { code: 'write_redirected', at: '2026-03-15T10:00:00Z' },
      },
      1,
      true,
    );
    expect(line).toBe(
      'Le serveur du site redirige les envois vers une autre adresse, alors que ce WordPress répond bien à celle des réglages\u00a0: rien n’a été écrit\u202f; demandez à son administrateur de ne pas rediriger les envois à l’API REST\u202f; vos modifications attendent · 1 modification à envoyer',
    );
  });
});
