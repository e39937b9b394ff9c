/**
 * French messages of the popup's first paint (the core): those the modules it imports before it
 * paints use, and no other, so that its first paint carries only these words (45 KB gz budget,
 * tests/browser/budgets.test.ts). Every other message is in `fr.ts`, written the same way; both
 * read by the one `t` (`locales/core.ts`). A key is in one pair only.
 */
export const coreFr = {
  'clip.button': 'Couper cette page',
  'clip.working': 'Coupe en cours…',
  'clip.created': 'Nouveau brouillon : « {title} »',
  'clip.merged':
    'Cette page avait déjà un brouillon : la citation y a été ajoutée ({count|citation|citations}).',
  'clip.beside':
    '{name} a déjà un brouillon de cette page, que votre rôle ne vous permet pas de modifier : le vôtre a été créé à côté.',
  'clip.besideColleague':
    'Un collègue a déjà un brouillon de cette page, que votre rôle ne vous permet pas de modifier : le vôtre a été créé à côté.',
  'clip.mergedNoQuote': 'Cette page avait déjà un brouillon : rien de nouveau à ajouter.',
  'clip.mergedInto':
    '{name} avait déjà un brouillon de cette page : votre citation y a été ajoutée ({count|citation|citations}).',
  'clip.mergedIntoColleague':
    'Un collègue avait déjà un brouillon de cette page : votre citation y a été ajoutée ({count|citation|citations}).',
  'clip.mergedNoQuoteInto':
    '{name} avait déjà un brouillon de cette page : rien de nouveau à ajouter.',
  'clip.mergedNoQuoteIntoColleague':
    'Un collègue avait déjà un brouillon de cette page : rien de nouveau à ajouter.',
  'clip.failed': 'La coupe a échoué.',
  'clip.noTab': 'Aucun onglet à couper.',
  'clip.truncated':
    'La sélection était trop longue pour une citation (100 000 caractères ou 20 passages séparés au plus) : elle a été coupée et se termine par […].',
  'limit.browser-page': 'Le navigateur interdit de lire ses propres pages',
  'limit.web-store': 'Le navigateur interdit de lire la boutique d’extensions',
  'limit.pdf': 'Le lecteur PDF ne se laisse pas lire',
  'limit.view-source': 'Une page « view-source » ne se laisse pas lire',
  'limit.file':
    'Les fichiers locaux ne sont lisibles que si « Autoriser l’accès aux URL de fichier » est coché pour Indiscrets',
  'limit.script-failed': 'Cette page a refusé notre script',
  /** Firefox's reader view (`about:reader?url=…`): the draft is the article's, its address an http(s) one. */
  'limit.reader-view': 'Le mode lecture du navigateur ne se laisse pas lire',
  /** Why a page could not be read (`limit.*` above), then what the draft kept of it. */
  'limit.keptPage': '{reason} : seuls l’adresse et le titre ont été gardés.',
  /** The same, when the context menu gave the words selected: kept, as plain text, as the quote. */
  'limit.keptWords':
    '{reason} : seuls l’adresse, le titre et les mots sélectionnés (en texte brut, sans leurs liens) ont été gardés.',
  /** After `limit.reader-view`: how to quote the page itself (its draft is the same). */
  'limit.readerViewHint':
    'Pour citer un passage avec ses liens, quittez le mode lecture et coupez de nouveau la page : la citation s’ajoutera au même brouillon.',
  'drafts.heading': 'Brouillons',
  'drafts.empty': 'Aucun brouillon. Coupez une page pour commencer.',
  'drafts.count': {
    one: '{count} brouillon',
    other: '{count} brouillons',
  },
  'drafts.quotes': {
    one: '{count} citation',
    other: '{count} citations',
  },
  'drafts.new': 'nouveau',
  'drafts.inIssue': 'dans un numéro',
  'drafts.allInIssues': 'Tous les brouillons sont dans un numéro. Coupez une page pour en ajouter.',
  'provenance.label': 'Origine des métadonnées',
  'provenance.guess': 'déduit',
  /** A line of a draft's tooltip: a field, by its name in the interface, and where it came from. */
  'provenance.line': '{field} : {source}',
  /** Where a value was found when the page did not declare it, in words (`og:title` stays as is). */
  'provenance.source.tab': 'onglet',
  'provenance.source.hostname': 'nom de domaine',
  'provenance.source.link': 'lien',
  'provenance.source.linkText': 'texte du lien',
  'provenance.source.url': 'adresse',
  'provenance.source.location': 'adresse de la page',
  'common.close': 'Fermer',
  'common.loading': 'Chargement…',
  'common.loadFailed':
    'Cette partie de l’extension n’a pas pu se charger. Fermez et rouvrez la fenêtre.',
  'nav.drafts': 'Brouillons',
  'nav.issue': 'Numéro',
  'nav.openDesk': 'Ouvrir le bureau',
  'nav.options': 'Réglages',
  'drafts.noIssueToAdd': 'Aucun numéro en cours : créez-en un pour y ajouter ce brouillon.',
  'drafts.alreadyInIssue': '« {title} » est déjà dans un numéro.',
  'drafts.added': '« {title} » ajouté au numéro.',
  /** A draft with no label, no text and no title, as a row, a list and a sentence name it. */
  'drafts.untitled': 'Brouillon sans titre',
  'drafts.droppedShowsInbox': 'Les brouillons hors numéro sont affichés.',
  'drafts.droppedSearched':
    'La recherche le masque dans les brouillons\u00a0: effacez-la pour le voir.',
  'drafts.droppedFiltered':
    'La recherche ou les filtres le masquent dans les brouillons\u00a0: effacez-les pour le voir.',
  'desk.heading': 'Indiscrets, le bureau',
  'desk.pageTitle': 'Indiscrets — bureau',
  'popup.heading': 'Indiscrets',
  'popup.pageTitle': 'Indiscrets — brouillons',
  'desk.clipHint':
    'Pour couper une page : le bouton Indiscrets de la barre d’outils, le clic droit (« Couper dans Indiscrets ») ou {keys}.',
  'desk.clipHintNoKeys':
    'Pour couper une page : le bouton Indiscrets de la barre d’outils ou le clic droit (« Couper dans Indiscrets »). Aucun raccourci clavier n’est réglé : choisissez-en un dans la page des raccourcis d’extensions du navigateur.',
  'search.label': 'Rechercher',
  'search.placeholder': 'Titre, texte, site, tag…',
  'search.none': 'Aucun brouillon ne correspond.',
  // A search without a match says what to try, and the button under it does it.
  'search.noneInbox': 'Aucun brouillon hors numéro ne correspond.',
  'search.inAll': 'Chercher aussi dans les numéros',
  'search.noneTrash': 'Aucun brouillon de la corbeille ne correspond.',
  'search.outOfTrash': 'Chercher hors de la corbeille',
  'search.noneAll': 'Aucun brouillon ne correspond : essayez d’autres mots, ou moins de filtres.',
  'search.clear': 'Effacer la recherche et les filtres',
  'filter.box': 'Où chercher',
  'filter.boxInbox': 'Hors numéro',
  'filter.boxAll': 'Tous',
  'filter.boxTrash': 'Corbeille',
  'filter.status': 'Statut',
  'filter.anyStatus': 'Tout statut',
  'filter.site': 'Site',
  'filter.anySite': 'Tout site',
  'filter.tag': 'Tag',
  'filter.anyTag': 'Tout tag',
  /** Past the tags a row or a menu draws (components/tagsShown.ts): how many more there are. */
  'tags.more': {
    one: 'et {count} autre',
    other: 'et {count} autres',
  },
  'trash.note': 'vidée après 30 jours',
  'trash.restore': 'Restaurer',
  'trash.restored': '« {title} » est sorti de la corbeille.',
  'trash.empty': 'La corbeille est vide.',
  'status.draft': 'Brouillon',
  'status.checked': 'Vérifié',
  'status.ready': 'Prêt',
  'editor.delete': 'Supprimer',
  'editor.deleteNamed': 'Supprimer « {title} »',
  'merged.row': '{name} l’a fusionné dans « {title} ».',
  'merged.rowAnon': 'Fusionné dans « {title} ».',
  'merged.rowTrashed': '{name} l’a fusionné dans « {title} », lui aussi à la corbeille.',
  'merged.rowTrashedAnon': 'Fusionné dans « {title} », lui aussi à la corbeille.',
  'merged.rowPending': '{name} l’a fusionné dans un autre brouillon, pas encore arrivé ici.',
  'merged.rowPendingAnon': 'Fusionné dans un autre brouillon, pas encore arrivé ici.',
  'merged.rowGone':
    '{name} l’a fusionné dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
  'merged.rowGoneAnon':
    'Fusionné dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
  'merged.rowYou': 'Fusionné par vous dans « {title} ».',
  'merged.rowTrashedYou': 'Fusionné par vous dans « {title} », lui aussi à la corbeille.',
  'merged.rowPendingYou': 'Fusionné par vous dans un autre brouillon, pas encore arrivé ici.',
  'merged.rowGoneYou':
    'Fusionné par vous dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
  'merged.open': 'Ouvrir',
  'merged.openNamed': 'Ouvrir « {title} », où il a été fusionné',
  'undo.button': 'Annuler',
  'undo.failed': 'Impossible d’annuler.',
  'undo.done': 'Annulé.',
  'undo.nothing': 'Rien à annuler.',
  'undo.region': 'Dernière action',
  'undo.trashed': '« {title} » est à la corbeille.',
  'undo.removedIssueGone':
    'Le numéro a été supprimé entre-temps : « {title} » reste dans les brouillons.',
  'undo.removedIssueGoneMany':
    'Le numéro a été supprimé entre-temps : les {count} indiscrets restent dans les brouillons.',
  'undo.movedIssueGone':
    'Le numéro d’où il venait a été supprimé entre-temps : « {title} » reste dans celui où il a été déplacé.',
  'undo.movedIssueGoneMany':
    'Le numéro d’où ils venaient a été supprimé entre-temps : les {count} indiscrets restent dans celui où ils ont été déplacés.',
  'undo.removedTrashed': '« {title} » est à la corbeille : il n’a pas été remis dans le numéro.',
  'undo.removedTrashedMany':
    '« {title} » et d’autres indiscrets sont à la corbeille : ils n’ont pas été remis dans le numéro.',
  'undo.removedDeleted':
    '« {title} » a été supprimé entre-temps : il ne peut pas revenir dans le numéro.',
  'undo.removedDeletedMany':
    '« {title} » et d’autres indiscrets ont été supprimés entre-temps : ils ne peuvent pas revenir dans le numéro.',
  'undo.mergeKeptBody':
    'Fusion annulée. Le texte de « {title} », modifié depuis dans la partie fusionnée, reste tel quel : retirez-en à la main ce qui vient de l’autre brouillon.',
  'undo.mergeKeptNote':
    'Fusion annulée. La note de « {title} », modifiée depuis dans la partie fusionnée, reste telle quelle : retirez-en à la main ce qui vient de l’autre brouillon.',
  'undo.mergeKeptBoth':
    'Fusion annulée. Le texte et la note de « {title} », modifiés depuis dans la partie fusionnée, restent tels quels : retirez-en à la main ce qui vient de l’autre brouillon.',
  'counts.words': '{words|mot|mots}',
  'issue.addShort': 'Au numéro',
  'issue.addNamed': 'Ajouter « {title} » au numéro',
  'field.url': 'Adresse',
  'field.title': 'Titre',
  'field.siteName': 'Site',
  'field.byline': 'Auteur',
  'field.publishedAt': 'Publié le',
  'field.lang': 'Langue',
  'field.excerpt': 'Description',
  'field.imageUrl': 'Image',
  // The role after « Vous êtes »: French names it bare (« Vous êtes Auteur »), as WordPress does.
  'shared.roleAs.administrator': 'Administrateur',
  'shared.roleAs.editor': 'Éditeur',
  'shared.roleAs.author': 'Auteur',
  'shared.roleAs.contributor': 'Contributeur',
  'shared.roleAs.subscriber': 'Abonné',
  'shared.roleAs.none': 'sans rôle sur ce site',
  // A role of the site's own (WooCommerce's, one made with a role plugin), by WordPress's name.
  'shared.roleAs.custom': 'titulaire du rôle «\u00a0{name}\u00a0» sur ce site',
  'shared.roleAs.customMany': 'titulaire des rôles {names} sur ce site',
  // A role of the site's own quoted, in a list of them (shared.roleAs.customMany…).
  'shared.roleQuoted': '«\u00a0{name}\u00a0»',
  'shared.cannot.clip':
    'Vous êtes {role} : couper des pages pour la rédaction partagée revient à un Contributeur ou plus.',
  'shared.cannot.arrange': 'Vous êtes {role} : l’ordre du numéro revient à un Éditeur.',
  'shared.cannot.place':
    'Vous êtes {role} : mettre un brouillon dans le numéro ou l’en retirer revient à un Éditeur.',
  'shared.cannot.publish': 'Vous êtes {role} : la publication revient à un Éditeur.',
  'shared.cannot.editIssues':
    'Vous êtes {role} : créer et modifier les numéros revient à un Éditeur.',
  'shared.cannot.edit':
    'Vous êtes {role} : ce brouillon n’est pas le vôtre, le modifier revient à son auteur ou à un Éditeur. Vous pouvez le lire.',
  'shared.cannot.editOthers':
    'Vous êtes {role} : ce brouillon est celui de {name}, le modifier revient à son auteur ou à un Éditeur. Vous pouvez le lire.',
  'shared.cannot.trash':
    'Vous êtes {role} : ce brouillon n’est pas le vôtre, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
  'shared.cannot.trashOthers':
    'Vous êtes {role} : ce brouillon est celui de {name}, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
  'shared.cannot.trashInIssue':
    'Vous êtes {role} : ce brouillon est dans le numéro, l’en retirer (même par la corbeille) revient à un Éditeur.',
  'shared.cannot.merge':
    'Vous êtes {role} : ce brouillon n’est pas le vôtre, le fusionner dans un autre revient à son auteur ou à un Éditeur.',
  'shared.cannot.mergeOthers':
    'Vous êtes {role} : ce brouillon est celui de {name}, le fusionner dans un autre revient à son auteur ou à un Éditeur.',
  'shared.cannot.mergeInIssue':
    'Vous êtes {role} : ce brouillon est dans le numéro, l’en retirer (même en le fusionnant dans un autre) revient à un Éditeur.',
  'shared.cannot.mergeLocked':
    '{name} le modifie en ce moment : fusionnez quand il ou elle aura fini.',
  'shared.cannot.trashLocked':
    '{name} le modifie en ce moment : supprimez-le quand il ou elle aura fini.',
  'shared.cannot.mergeIntoLocked':
    '{name} modifie « {title} » en ce moment : fusionnez-y quand il ou elle aura fini.',
  'shared.cannot.mergeInto':
    'Vous êtes {role} : « {title} » n’est pas votre brouillon, y fusionner un autre revient à son auteur ou à un Éditeur.',
  'shared.marks.clippedBy': 'Coupé par {name}',
  'shared.marks.createdBy': 'Créé par {name}',
  'shared.marks.clippedEditedBy': 'Coupé et modifié par {name}',
  'shared.marks.createdEditedBy': 'Créé et modifié par {name}',
  'shared.marks.editedBy': 'modifié par {name}',
  'shared.marks.clippedByYou': 'Coupé par vous',
  'shared.marks.createdByYou': 'Créé par vous',
  'shared.marks.clippedEditedByYou': 'Coupé et modifié par vous',
  'shared.marks.createdEditedByYou': 'Créé et modifié par vous',
  'shared.marks.editedByYou': 'modifié par vous',
  'shared.marks.editing': '{name} le modifie en ce moment',
  'shared.marks.lockHelp':
    '{name} a ce brouillon ouvert : vos modifications pourraient croiser les siennes.',
  'error.no_answer':
    'L’extension n’a pas répondu (elle vient peut-être d’être mise à jour) : réessayez.',
  'error.tab_gone': 'L’onglet a été fermé entre-temps.',
  'error.quota':
    'Le navigateur n’a plus de place pour enregistrer : videz la corbeille ou supprimez d’anciens brouillons.',
  'error.unexpected': 'Une erreur inattendue s’est produite.',
  'error.detail': 'Détail technique : {detail}',
} as const;

/** The keys of the messages the popup paints with: all the core `t` takes. */
export type CoreKey = keyof typeof coreFr;

/**
 * A message that depends on a number (`t(key, { count })`): one form per `Intl.PluralRules`
 * category the language needs. French and English need `one` and `other`; French puts 0 and 1
 * in `one`. A category without its form (French `many`, for millions) takes `other`.
 */
export interface PluralMessage {
  one: string;
  other: string;
}

/**
 * A catalogue of the French `Reference`'s keys: exactly them, each a sentence where French has
 * a sentence and plural forms where French has plural forms (an English catalogue missing a key,
 * with a key French lacks, or with a sentence for a plural, does not compile).
 */
export type Catalogue<Reference> = {
  [K in keyof Reference]: Reference[K] extends string ? string : PluralMessage;
};

/** English's catalogue of the core (`core.en.ts`). */
export type CoreMessages = Catalogue<typeof coreFr>;
