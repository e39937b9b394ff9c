import { describe, expect, it } from 'vitest';
import { syncLine } from '../../../components/SharedDeskBar';
import { probeFailureText } from '../../../components/SharedDeskSettings';
import { setLocale } from '../../../locales/core';
import { deskState } from '../desk-fixtures';

/**
 * A site refusing `?rest_route=` whose REST API the desk finds nowhere it may send the password
 * (wordpress/desk-client.ts, `rest_route_blocked`: a two-segment prefix like /api/v1/): the editor
 * is told what to ask the site's administrator, in the options' check and in the sync line.
 */
describe('rest_route_blocked, said', () => {
  it('names the rest_route parameter and /wp-json/ for the administrator, in the options’ check', () => {
    setLocale('fr');
    expect(probeFailureText({ ok: false, code: 'rest_route_blocked' })).toBe(
      'Le site refuse les adresses de son API REST qui passent par le paramètre «\u00a0rest_route\u00a0» (une extension de sécurité ou une règle du serveur), et Indiscrets ne trouve cette API nulle part ailleurs dans le dossier du site (ni à /wp-json/, ni à un préfixe d’un seul niveau comme /api/)\u00a0: la rédaction partagée ne peut pas y travailler. Demandez à l’administrateur du site d’autoriser le paramètre «\u00a0rest_route\u00a0» (lectures et écritures), ou de laisser l’API REST à /wp-json/.',
    );
    setLocale('en');
    expect(probeFailureText({ ok: false, code: 'rest_route_blocked' })).toContain(
      'Ask the site’s administrator to allow the “rest_route” parameter (reads and writes), or to keep the REST API at /wp-json/.',
    );
    setLocale('fr');
  });

  it('says the changes wait and what to ask, in the sync line', () => {
    setLocale('fr');
    const line = syncLine(
      {
        ...deskState('editor'),
        lastSyncAt: undefined,
        lastError: { code: 'rest_route_blocked', at: '2026-03-15T10:00:00Z' },
      },
      1,
      true,
    );
    expect(line).toBe(
      'Le site refuse les adresses de son API REST avec le paramètre «\u00a0rest_route\u00a0», et Indiscrets ne trouve cette API ni à /wp-json/ ni à un préfixe d’un seul niveau comme /api/\u00a0: vos modifications attendent. Demandez à l’administrateur du site d’autoriser le paramètre «\u00a0rest_route\u00a0» (lectures et écritures), ou de laisser l’API REST à /wp-json/ · 1 modification à envoyer',
    );
  });
});
