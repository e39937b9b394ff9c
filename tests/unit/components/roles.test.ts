import { describe, expect, it } from 'vitest';
import { deskRefusal, type DeskAction, type DeskTarget } from '../../../components/roles';
import { deskIdentity, refusalSentence, rightsSentence } from '../../../components/roleSentences';
import type { SharedDesk } from '../../../components/sharedDesk';
import { setLocale } from '../../../locales/core';
import type { DeskMark, SyncState } from '../../../storage/sync-state';
import { deskCan, deskState, type DeskPerson } from '../desk-fixtures';

/** A Subscriber of the desk: they read it, nothing more. */
const subscriber = (): SharedDesk =>
  desk(
    deskState('contributor', {
      user: { id: 9, name: 'Lecteur', roles: ['subscriber'] },
      can: deskCan('subscriber'),
    }),
  );

const desk = (state?: SyncState): SharedDesk => ({
  enabled: !!state?.enabled,
  ...(state ? { state } : {}),
  pending: 0,
  conflicts: [],
  refusals: [],
});
const as = (who: DeskPerson) => desk(deskState(who));

/** A draft as the site reports it to the current user: whose it is, and may they write it. */
const draft = (createdBy: string, mine: boolean): DeskTarget => ({
  kind: 'draft',
  desk: { remoteId: 1, createdBy, canEdit: mine, canTrash: mine } satisfies DeskMark,
});
const issue: DeskTarget = { kind: 'issue', desk: { remoteId: 2, createdBy: 'Rédac' } };
/** The same draft, put in an issue (by an Editor: only they may). */
const inIssue = (target: DeskTarget): DeskTarget => ({ ...target, inIssue: true });

describe('deskRefusal, the one rule of what a role may do', () => {
  // The plugin's capability map (wordpress/plugin/indiscrets/includes/capabilities.php), row by
  // row: true = allowed. A Contributor and an Author write their own drafts; the issue is an Editor's.
  const table: Array<[DeskAction, DeskTarget | undefined, Record<DeskPerson, boolean>]> = [
    ['edit', draft('Pigiste', true), { contributor: true, author: true, editor: true }],
    ['edit', draft('Rédac', false), { contributor: false, author: false, editor: false }],
    ['trash', draft('Pigiste', true), { contributor: true, author: true, editor: true }],
    ['trash', draft('Rédac', false), { contributor: false, author: false, editor: false }],
    ['merge', draft('Pigiste', true), { contributor: true, author: true, editor: true }],
    ['merge', draft('Rédac', false), { contributor: false, author: false, editor: false }],
    // In an issue, their own draft trashed or merged would leave it: « Retirer » by another way.
    ['trash', inIssue(draft('Pigiste', true)), { contributor: false, author: false, editor: true }],
    ['merge', inIssue(draft('Pigiste', true)), { contributor: false, author: false, editor: true }],
    // Merging another into it keeps it where it is.
    [
      'mergeInto',
      inIssue(draft('Pigiste', true)),
      { contributor: true, author: true, editor: true },
    ],
    ['place', undefined, { contributor: false, author: false, editor: true }],
    ['mergeInto', draft('Pigiste', true), { contributor: true, author: true, editor: true }],
    ['mergeInto', draft('Rédac', false), { contributor: false, author: false, editor: false }],
    ['clip', undefined, { contributor: true, author: true, editor: true }],
    ['arrange', undefined, { contributor: false, author: false, editor: true }],
    ['publish', undefined, { contributor: false, author: false, editor: true }],
    ['editIssues', undefined, { contributor: false, author: false, editor: true }],
    ['edit', issue, { contributor: false, author: false, editor: true }],
    ['trash', issue, { contributor: false, author: false, editor: true }],
  ];
  it.each(table)('%s %o', (action, target, allowed) => {
    for (const who of ['contributor', 'author', 'editor'] as const) {
      expect(deskRefusal(as(who), action, target) === undefined, who).toBe(allowed[who]);
    }
  });

  it('keeps a Subscriber from clipping into the desk, and says so', () => {
    expect(deskRefusal(subscriber(), 'clip')).toBe(
      'Vous êtes Abonné\u00a0: couper des pages pour la rédaction partagée revient à un Contributeur ou plus.',
    );
  });

  it('says an account with no role on the site (taken off a network’s sub-site) has none, not « Abonné »', () => {
    const none = desk(
      deskState('contributor', {
        user: { id: 9, name: 'Pigiste', roles: [] },
        can: deskCan('subscriber'),
      }),
    );
    expect(deskRefusal(none, 'clip')).toBe(
      'Vous êtes sans rôle sur ce site\u00a0: couper des pages pour la rédaction partagée revient à un Contributeur ou plus.',
    );
    setLocale('en');
    expect(deskRefusal(none, 'arrange')).toBe(
      'You are without a role on this site: ordering the issue is up to an Editor.',
    );
    setLocale('fr');
  });

  it('says why, naming the role the user has and the role it takes', () => {
    expect(deskRefusal(as('contributor'), 'arrange')).toBe(
      'Vous êtes Contributeur\u00a0: l’ordre du numéro revient à un Éditeur.',
    );
    // Putting a draft in the issue or taking it out is not ordering it: said as what was tried.
    expect(deskRefusal(as('author'), 'place')).toBe(
      'Vous êtes Auteur\u00a0: mettre un brouillon dans le numéro ou l’en retirer revient à un Éditeur.',
    );
    expect(deskRefusal(as('author'), 'publish')).toBe(
      'Vous êtes Auteur\u00a0: la publication revient à un Éditeur.',
    );
    expect(deskRefusal(as('contributor'), 'edit', issue)).toBe(
      'Vous êtes Contributeur\u00a0: créer et modifier les numéros revient à un Éditeur.',
    );
    expect(deskRefusal(as('contributor'), 'edit', draft('Rédac', false))).toBe(
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le modifier revient à son auteur ou à un Éditeur. Vous pouvez le lire.',
    );
    expect(deskRefusal(as('author'), 'trash', draft('Rédac', false))).toBe(
      'Vous êtes Auteur\u00a0: ce brouillon est celui de Rédac, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
    );
    expect(deskRefusal(as('contributor'), 'merge', draft('Rédac', false))).toBe(
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le fusionner dans un autre revient à son auteur ou à un Éditeur.',
    );
    expect(
      deskRefusal(as('contributor'), 'mergeInto', { ...draft('Rédac', false), title: 'OVH' }),
    ).toBe(
      'Vous êtes Contributeur\u00a0: «\u00a0OVH\u00a0» n’est pas votre brouillon, y fusionner un autre revient à son auteur ou à un Éditeur.',
    );
  });

  it('refuses trashing or merging their own draft that is in an issue, as « Retirer » is refused', () => {
    const mine = inIssue(draft('Pigiste', true));
    expect(deskRefusal(as('contributor'), 'trash', mine)).toBe(
      'Vous êtes Contributeur\u00a0: ce brouillon est dans le numéro, l’en retirer (même par la corbeille) revient à un Éditeur.',
    );
    expect(deskRefusal(as('author'), 'merge', mine)).toBe(
      'Vous êtes Auteur\u00a0: ce brouillon est dans le numéro, l’en retirer (même en le fusionnant dans un autre) revient à un Éditeur.',
    );
    // Another's draft: whose it is is the reason said first.
    expect(deskRefusal(as('contributor'), 'trash', inIssue(draft('Rédac', false)))).toMatch(
      /celui de Rédac/,
    );
    // Out of the trash it goes back to its issue: « Restaurer » takes nothing out.
    expect(deskRefusal(as('contributor'), 'trash', { ...mine, trashed: true })).toBeUndefined();
    // Sync off: as before sharing.
    expect(deskRefusal(desk(undefined), 'trash', mine)).toBeUndefined();
  });

  it('says it in English too', () => {
    setLocale('en');
    try {
      expect(deskRefusal(as('contributor'), 'place')).toBe(
        'You are a Contributor: putting drafts in the issue or taking them out is up to an Editor.',
      );
      expect(deskRefusal(as('author'), 'trash', inIssue(draft('Pigiste', true)))).toBe(
        'You are an Author: this draft is in the issue; taking it out (even by trashing it) is up to an Editor.',
      );
      expect(deskRefusal(as('author'), 'merge', inIssue(draft('Pigiste', true)))).toBe(
        'You are an Author: this draft is in the issue; taking it out (even by merging it into another) is up to an Editor.',
      );
    } finally {
      setLocale('fr');
    }
  });

  it('refuses to merge a draft another editor is editing, naming them, until their lock lapses', () => {
    const now = Date.now();
    const locked = (expires: number): DeskTarget => ({
      kind: 'draft',
      desk: {
        ...draft('Rédac', true).desk!,
        lock: {
          by: 'Rédac',
          userId: 2,
          since: new Date(now - 60_000).toISOString(),
          expires: new Date(expires).toISOString(),
        },
      },
    });
    // Merged, the draft goes to the trash under their hands, without what they typed since.
    expect(deskRefusal(as('editor'), 'merge', locked(now + 120_000))).toBe(
      'Rédac le modifie en ce moment\u00a0: fusionnez quand il ou elle aura fini.',
    );
    expect(deskRefusal(as('editor'), 'merge', locked(now - 1000))).toBeUndefined();
    // The role's refusal is the one said: it outlasts the lock.
    expect(
      deskRefusal(as('contributor'), 'merge', {
        kind: 'draft',
        desk: { ...locked(now + 120_000).desk!, canEdit: false, canTrash: false },
      }),
    ).toMatch(/^Vous êtes Contributeur/);
  });

  it('refuses to delete or merge into a draft another editor is editing, naming them, until their lock lapses', () => {
    const now = Date.now();
    const locked = (expires: number, trashed = false): DeskTarget => ({
      kind: 'draft',
      title: 'Le ministre part',
      trashed,
      desk: {
        ...draft('Rédac', true).desk!,
        lock: {
          by: 'Rédac',
          userId: 2,
          since: new Date(now - 60_000).toISOString(),
          expires: new Date(expires).toISOString(),
        },
      },
    });
    // Trashed, it leaves them typing into the trash; merged into, it is rewritten under them.
    expect(deskRefusal(as('editor'), 'trash', locked(now + 120_000))).toBe(
      'Rédac le modifie en ce moment\u00a0: supprimez-le quand il ou elle aura fini.',
    );
    expect(deskRefusal(as('editor'), 'mergeInto', locked(now + 120_000))).toBe(
      'Rédac modifie «\u00a0Le ministre part\u00a0» en ce moment\u00a0: fusionnez-y quand il ou elle aura fini.',
    );
    expect(deskRefusal(as('editor'), 'trash', locked(now - 1000))).toBeUndefined();
    expect(deskRefusal(as('editor'), 'mergeInto', locked(now - 1000))).toBeUndefined();
    // Out of the trash (the same control, « Restaurer »), it takes nothing from them.
    expect(deskRefusal(as('editor'), 'trash', locked(now + 120_000, true))).toBeUndefined();
    // The role's refusal is the one said: it outlasts the lock.
    const theirs = { ...locked(now + 120_000).desk!, canEdit: false, canTrash: false };
    expect(deskRefusal(as('contributor'), 'trash', { kind: 'draft', desk: theirs })).toMatch(
      /^Vous êtes Contributeur/,
    );
    expect(
      deskRefusal(as('contributor'), 'mergeInto', { kind: 'draft', desk: theirs, title: 'X' }),
    ).toMatch(/^Vous êtes Contributeur/);
  });

  it('allows everything when the desk is not shared, and a draft not shared yet to its writer', () => {
    for (const action of ['arrange', 'publish', 'editIssues', 'edit', 'trash', 'merge'] as const) {
      expect(deskRefusal(desk(undefined), action, issue)).toBeUndefined();
      expect(
        deskRefusal(desk({ ...deskState('contributor'), enabled: false }), action, issue),
      ).toBeUndefined();
    }
    expect(deskRefusal(as('contributor'), 'edit', { kind: 'draft' })).toBeUndefined();
  });

  it('names the strongest role, whatever order WordPress lists them in', () => {
    const state = deskState('contributor', {
      user: { id: 5, name: 'Pigiste', roles: ['subscriber', 'contributor'] },
    });
    expect(deskRefusal(desk(state), 'publish')).toBe(
      'Vous êtes Contributeur\u00a0: la publication revient à un Éditeur.',
    );
    expect(deskIdentity(state.user!)).toBe('Pigiste (Contributeur)');
  });
});

describe('the role sentences', () => {
  it('say what a role allows', () => {
    expect(rightsSentence('editor', deskCan('editor'))).toBe(
      'Vous êtes Éditeur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
    );
    expect(rightsSentence('author', deskCan('author'))).toBe(
      'Vous êtes Auteur\u00a0: vous pouvez proposer et écrire vos brouillons\u202f; l’ordre du numéro et la publication reviennent à un Éditeur.',
    );
    // The plugin lets a Subscriber read nothing of the desk (`can.read` false, a 403).
    expect(rightsSentence('subscriber', deskCan('subscriber'))).toBe(
      'Vous êtes Abonné\u00a0: la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
    );
    // No role on the site at all (no member of a network's sub-site, or « — No role for this
    // site — »): not called a Subscriber.
    expect(rightsSentence('subscriber', deskCan('subscriber'), [])).toBe(
      'Votre compte n’a aucun rôle sur ce site\u00a0: la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
    );
    expect(rightsSentence('subscriber', deskCan('subscriber'), ['subscriber'])).toContain(
      'Vous êtes Abonné',
    );
    // A site that lets a role read without clipping (a filter of the plugin's capability map).
    expect(rightsSentence('subscriber', { ...deskCan('subscriber'), read: true })).toBe(
      'Vous êtes Abonné\u00a0: vous pouvez lire le numéro\u202f; écrire des brouillons demande le rôle Contributeur.',
    );
  });

  it('say what WordPress refused and the role it takes', () => {
    expect(
      refusalSentence({
        key: 'draft:d1:arrange',
        kind: 'draft',
        recordId: 'd1',
        title: 'Le ministre',
        action: 'arrange',
        needs: 'editor',
        at: '2026-03-15T10:00:00Z',
        discarded: {},
      }),
    ).toBe(
      '«\u00a0Le ministre\u00a0»\u00a0: WordPress a refusé le classement dans le numéro, il faut le rôle Éditeur. Votre changement a été annulé.',
    );
  });

  it('say that a draft trashed here was put in an issue meanwhile, which the trash may not take it out of', () => {
    expect(
      refusalSentence({
        key: 'draft:d1:trash',
        kind: 'draft',
        recordId: 'd1',
        title: 'Le ministre',
        action: 'trash',
        needs: 'editor',
        wpCode: 'indiscrets_cannot_arrange',
        at: '2026-03-15T10:00:00Z',
        discarded: {},
      }),
    ).toBe(
      '«\u00a0Le ministre\u00a0» a été mis dans un numéro entre-temps\u00a0: l’en retirer, même par la corbeille, demande le rôle Éditeur. Il y reste.',
    );
  });
});

describe('the sentences naming a draft with no title', () => {
  // A draft emptied of its title, label and text is « Brouillon sans titre » everywhere else
  // (aa3a105, 70621ff): these said « «  » », empty quotes.
  it('name it « Brouillon sans titre » in a refusal, a merge refused and a merge locked', () => {
    const untitled = '«\u00a0Brouillon sans titre\u00a0»';
    const refused = refusalSentence({
      key: 'draft:d1:arrange',
      kind: 'draft',
      recordId: 'd1',
      title: '',
      action: 'arrange',
      needs: 'editor',
      at: '2026-03-15T10:00:00Z',
      discarded: {},
    });
    expect(refused).toContain(untitled);
    const inIssue = refusalSentence({
      key: 'draft:d1:trash',
      kind: 'draft',
      recordId: 'd1',
      title: '\u200b',
      action: 'trash',
      needs: 'editor',
      wpCode: 'indiscrets_cannot_arrange',
      at: '2026-03-15T10:00:00Z',
      discarded: {},
    });
    expect(inIssue).toContain(untitled);
    expect(
      deskRefusal(as('contributor'), 'mergeInto', { ...draft('Rédac', false), title: '' }),
    ).toContain(untitled);
    expect(
      deskRefusal(as('editor'), 'mergeInto', {
        kind: 'draft',
        desk: {
          ...draft('Rédac', true).desk!,
          lock: {
            by: 'Paul',
            userId: 3,
            since: new Date(Date.now() - 60_000).toISOString(),
            expires: new Date(Date.now() + 120_000).toISOString(),
          },
        },
        title: '',
      }),
    ).toContain(untitled);
  });

  it('leave an issue’s title as it is', () => {
    expect(
      refusalSentence({
        key: 'issue:i1:edit',
        kind: 'issue',
        recordId: 'i1',
        title: 'Les indiscrets du 15 mars',
        action: 'edit',
        needs: 'editor',
        at: '2026-03-15T10:00:00Z',
        discarded: {},
      } as never),
    ).toContain('«\u00a0Les indiscrets du 15 mars\u00a0»');
  });
});

describe('a role the desk does not know (WooCommerce’s, a site’s own)', () => {
  const shopManager = {
    id: 12,
    name: 'Chef',
    roles: ['shop_manager'],
    roleNames: { shop_manager: 'Gestionnaire de boutique' },
  } as unknown as NonNullable<SyncState['user']>;

  it('is named by WordPress’s name for it, with what its capabilities allow, never « Abonné »', () => {
    const { roles, roleNames } = shopManager as {
      roles: string[];
      roleNames: Record<string, string>;
    };
    expect(rightsSentence('subscriber', deskCan('editor'), roles, roleNames)).toBe(
      'Vous avez le rôle «\u00a0Gestionnaire de boutique\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons, créer et modifier les numéros, ordonner le numéro et le publier.',
    );
    expect(rightsSentence('subscriber', deskCan('author'), roles, roleNames)).toBe(
      'Vous avez le rôle «\u00a0Gestionnaire de boutique\u00a0» sur ce site\u00a0: vous pouvez proposer et écrire vos brouillons.',
    );
    expect(
      rightsSentence(
        'subscriber',
        { ...deskCan('author'), arrange: false, publish: true },
        roles,
        roleNames,
      ),
    ).toContain('vous pouvez proposer et écrire vos brouillons et publier le numéro.');
    expect(
      rightsSentence('subscriber', { ...deskCan('subscriber'), read: true }, roles, roleNames),
    ).toBe(
      'Vous avez le rôle «\u00a0Gestionnaire de boutique\u00a0» sur ce site\u00a0: vous pouvez lire le numéro\u202f; écrire des brouillons demande les droits d’un Contributeur.',
    );
    // Not given the plugin's capabilities: no access, said of that role.
    expect(rightsSentence('subscriber', deskCan('subscriber'), roles, roleNames)).toBe(
      'Vous avez le rôle «\u00a0Gestionnaire de boutique\u00a0» sur ce site, qui ne donne pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur, pour la lire comme pour y écrire. Demandez-les à un administrateur du site.',
    );
    expect(deskIdentity(shopManager, deskCan('editor'))).toBe('Chef (Gestionnaire de boutique)');
  });

  it('names it in the greyed controls’ sentences', () => {
    const state = deskState('contributor', { user: shopManager, can: deskCan('author') });
    expect(deskRefusal(desk(state), 'publish')).toBe(
      'Vous êtes titulaire du rôle «\u00a0Gestionnaire de boutique\u00a0» sur ce site\u00a0: la publication revient à un Éditeur.',
    );
  });

  it('is named by its slug when an older plugin gives no names', () => {
    const older = { id: 12, name: 'Chef', roles: ['shop_manager'] } as unknown as NonNullable<
      SyncState['user']
    >;
    expect(deskIdentity(older, deskCan('author'))).toBe('Chef (shop_manager)');
    expect(rightsSentence('subscriber', deskCan('author'), older.roles)).toBe(
      'Vous avez le rôle «\u00a0shop_manager\u00a0» sur ce site\u00a0: vous pouvez proposer et écrire vos brouillons.',
    );
    const state = deskState('contributor', { user: older, can: deskCan('author') });
    expect(deskRefusal(desk(state), 'arrange')).toBe(
      'Vous êtes titulaire du rôle «\u00a0shop_manager\u00a0» sur ce site\u00a0: l’ordre du numéro revient à un Éditeur.',
    );
  });

  it('is named beside a known role only when that role does not account for what the user may do', () => {
    const chief = {
      id: 13,
      name: 'Chef',
      roles: ['author', 'redacteur_en_chef'],
      roleNames: { author: 'Auteur', redacteur_en_chef: 'Rédacteur en chef' },
    } as unknown as NonNullable<SyncState['user']>;
    // An Author who orders and publishes: their « Rédacteur en chef » role gives it.
    expect(deskIdentity(chief, deskCan('editor'))).toBe('Chef (Rédacteur en chef)');
    expect(rightsSentence('author', deskCan('editor'), chief.roles, chief.roleNames)).toContain(
      'Vous avez le rôle «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons',
    );
    // An Author who may do what an Author does: « Auteur », as before.
    expect(deskIdentity(chief, deskCan('author'))).toBe('Chef (Auteur)');
    expect(rightsSentence('author', deskCan('author'), chief.roles, chief.roleNames)).toBe(
      'Vous êtes Auteur\u00a0: vous pouvez proposer et écrire vos brouillons\u202f; l’ordre du numéro et la publication reviennent à un Éditeur.',
    );
    // A Subscriber who is also a shop manager: the shop manager's role is named.
    const both = { ...chief, roles: ['subscriber', 'shop_manager'], roleNames: {} } as typeof chief;
    expect(deskIdentity(both, deskCan('subscriber'))).toBe('Chef (shop_manager)');
  });

  it('is said in English as WordPress names it', () => {
    setLocale('en');
    try {
      const { roles, roleNames } = shopManager as {
        roles: string[];
        roleNames: Record<string, string>;
      };
      expect(rightsSentence('subscriber', deskCan('editor'), roles, roleNames)).toBe(
        'You have the “Gestionnaire de boutique” role on this site: you can write every draft, create and edit issues, order the issue, and publish it.',
      );
      const state = deskState('contributor', { user: shopManager, can: deskCan('author') });
      expect(deskRefusal(desk(state), 'publish')).toBe(
        'You are in the “Gestionnaire de boutique” role on this site: publishing is up to an Editor.',
      );
    } finally {
      setLocale('fr');
    }
  });
});

describe('a known role beside one of the site’s own that gives more than it (review s65 RI)', () => {
  const chief = {
    id: 14,
    name: 'Cheffe',
    roles: ['contributor', 'redacteur_en_chef'],
    roleNames: { contributor: 'Contributeur', redacteur_en_chef: 'Rédacteur en chef' },
  } as unknown as NonNullable<SyncState['user']>;
  /** A Contributor whose « Rédacteur en chef » role lets them order the issue, not publish it. */
  const orders = { ...deskCan('author'), editOthers: true, editIssues: true, arrange: true };

  it('names the site’s own role when it lets the user order the issue, never « l’ordre revient à un Éditeur »', () => {
    const sentence = rightsSentence('contributor', orders, chief.roles, chief.roleNames);
    expect(sentence).not.toContain('l’ordre du numéro et la publication reviennent à un Éditeur');
    expect(sentence).toBe(
      'Vous avez le rôle «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons, créer et modifier les numéros et ordonner le numéro.',
    );
    expect(deskIdentity(chief, orders)).toBe('Cheffe (Rédacteur en chef)');
  });

  it('names the site’s own role when it lets the user write every draft', () => {
    const writes = { ...deskCan('author'), editOthers: true, trashOthers: true };
    expect(deskIdentity(chief, writes)).toBe('Cheffe (Rédacteur en chef)');
    expect(rightsSentence('contributor', writes, chief.roles, chief.roleNames)).toContain(
      'vous pouvez écrire tous les brouillons',
    );
  });

  it('names the site’s own role when it takes the desk away from the known one, never « Vous êtes Contributeur : … demande au moins le rôle Contributeur »', () => {
    // A role plugin's denied capability (Members' « deny »): the other role's `false` wins.
    const barred = { ...chief, roleNames: { ...chief.roleNames, redacteur_en_chef: 'Sans accès' } };
    const sentence = rightsSentence(
      'contributor',
      deskCan('subscriber'),
      barred.roles,
      barred.roleNames,
    );
    expect(sentence).toBe(
      'Vous avez le rôle «\u00a0Sans accès\u00a0» sur ce site, qui ne donne pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur, pour la lire comme pour y écrire. Demandez-les à un administrateur du site.',
    );
    expect(deskIdentity(barred, deskCan('subscriber'))).toBe('Cheffe (Sans accès)');
  });

  it('still names the known role when it accounts for all the user may do', () => {
    expect(deskIdentity(chief, deskCan('author'))).toBe('Cheffe (Contributeur)');
  });
});

describe('several roles of the site’s own (review s65 RI)', () => {
  // WooCommerce's role given first, the desk's capabilities by the second: which gave what, the
  // desk cannot tell, so it names both.
  const both = {
    id: 15,
    name: 'Chef',
    roles: ['shop_manager', 'redacteur_en_chef'],
    roleNames: { shop_manager: 'Gestionnaire de boutique', redacteur_en_chef: 'Rédacteur en chef' },
  } as unknown as NonNullable<SyncState['user']>;

  it('names them all, never the first alone as if it gave the desk’s rights', () => {
    expect(rightsSentence('subscriber', deskCan('editor'), both.roles, both.roleNames)).toBe(
      'Vous avez les rôles «\u00a0Gestionnaire de boutique\u00a0» et «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons, créer et modifier les numéros, ordonner le numéro et le publier.',
    );
    expect(rightsSentence('subscriber', deskCan('subscriber'), both.roles, both.roleNames)).toBe(
      'Vous avez les rôles «\u00a0Gestionnaire de boutique\u00a0» et «\u00a0Rédacteur en chef\u00a0» sur ce site, qui ne donnent pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur, pour la lire comme pour y écrire. Demandez-les à un administrateur du site.',
    );
    expect(
      rightsSentence(
        'subscriber',
        { ...deskCan('subscriber'), read: true },
        both.roles,
        both.roleNames,
      ),
    ).toBe(
      'Vous avez les rôles «\u00a0Gestionnaire de boutique\u00a0» et «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez lire le numéro\u202f; écrire des brouillons demande les droits d’un Contributeur.',
    );
    expect(deskIdentity(both, deskCan('editor'))).toBe(
      'Chef (Gestionnaire de boutique et Rédacteur en chef)',
    );
    const state = deskState('contributor', { user: both, can: deskCan('author') });
    expect(deskRefusal(desk(state), 'publish')).toBe(
      'Vous êtes titulaire des rôles «\u00a0Gestionnaire de boutique\u00a0» et «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: la publication revient à un Éditeur.',
    );
  });

  it('names them all in English too', () => {
    setLocale('en');
    try {
      expect(rightsSentence('subscriber', deskCan('author'), both.roles, both.roleNames)).toBe(
        'You have the “Gestionnaire de boutique” and “Rédacteur en chef” roles on this site: you can suggest and write your own drafts.',
      );
      const state = deskState('contributor', { user: both, can: deskCan('author') });
      expect(deskRefusal(desk(state), 'publish')).toBe(
        'You are in the “Gestionnaire de boutique” and “Rédacteur en chef” roles on this site: publishing is up to an Editor.',
      );
    } finally {
      setLocale('fr');
    }
  });
});
