/**
 * French messages: the reference set, and with `en.ts` and the core pair (`core.fr.ts`,
 * `core.en.ts`) the one place where the extension's words live. Here are all the messages but
 * those the popup paints with (its first paint carries only these: core.fr.ts); a message that
 * a module of the popup's first paint comes to need moves there, with its English (the compiler
 * says so: those modules' `t`, from `locales/core`, takes core keys only). `{name}` is a
 * placeholder (of words, or of an element the sentence places, a link or a button: `tParts` in
 * `locales/index.ts`); `{name|one|other}` puts the number `name` and the form
 * `Intl.PluralRules` picks for it (for a sentence with several numbers); a `{ one, other }`
 * object is a message chosen by `count`. The `manifest.*` keys become each language’s
 * `_locales` messages at build time (wxt.config.ts), for the manifest's name, description and
 * command.
 */
import type { Catalogue } from './core.fr';

export const fr = {
  'menu.clipPage': 'Couper dans Indiscrets',
  'menu.clipLink': 'Couper le lien dans Indiscrets',
  'badge.title': {
    one: 'Indiscrets : {count} brouillon hors numéro',
    other: 'Indiscrets : {count} brouillons hors numéro',
  },
  'common.back': 'Retour',
  'common.cancel': 'Annuler',
  'desk.pickDraft': 'Choisissez un brouillon à écrire.',
  'desk.pickItem': 'Choisissez un indiscret du numéro (ou un brouillon) pour l’écrire ici.',
  'desk.firstIssue': 'Pas encore de numéro : créez-le, puis ajoutez-y vos brouillons.',
  'desk.firstIssueAwaited':
    'Pas encore de numéro : un Éditeur le créera, vos brouillons pourront alors y entrer.',
  'desk.issueCreated': 'Numéro créé.',
  'desk.inbox': 'Brouillons',
  'desk.inboxFolded': 'Brouillons repliés.',
  'desk.inboxShown': 'Brouillons dépliés.',
  'desk.shortcuts': 'Raccourcis clavier',
  'desk.output': 'Publier, exporter et aperçu',
  'desk.noIssueOutput': 'La publication, l’export et l’aperçu du numéro s’afficheront ici.',
  'desk.newIssueOutput':
    'Une fois le numéro créé, sa publication, son export et son aperçu s’afficheront ici.',
  'desk.keyName.enter': 'Entrée',
  'desk.keyName.escape': 'Échap',
  'desk.keyName.delete': 'Suppr',
  'desk.key.move': 'Passer à l’indiscret ou au brouillon suivant ou précédent',
  'desk.key.open': 'Ouvrir l’indiscret ou le brouillon dans l’éditeur',
  'desk.key.back': 'Revenir de l’éditeur à la liste',
  'desk.key.add': 'Ajouter le brouillon choisi au numéro',
  'desk.key.trash': 'Mettre le brouillon choisi à la corbeille',
  'desk.key.reorder': 'Déplacer l’indiscret choisi dans le numéro',
  'desk.key.link': 'Lien sur les mots sélectionnés (sources proposées)',
  'desk.key.lists': 'Liste à puces, liste numérotée (dans le texte)',
  'desk.key.columns': 'Aller aux brouillons, aux indiscrets du numéro, au texte, à la publication',
  'desk.key.inbox': 'Replier ou déplier les brouillons',
  'desk.key.search': 'Chercher dans les brouillons',
  'desk.key.newIssue': 'Nouveau numéro',
  'desk.key.undo': 'Annuler ce que dit la barre du bas (hors d’un champ de texte)',
  'desk.key.help': 'Afficher ou masquer cette aide',
  // The desk's keys of one character, which the options turn off (WCAG 2.1.4).
  'desk.singleKeysOn':
    'Les raccourcis d’une seule touche ({keys}) peuvent être coupés, si vous dictez votre texte par exemple : {settings}, rubrique « Clavier ».',
  'desk.singleKeysOff':
    'Les raccourcis d’une seule touche ({keys}) sont coupés : les taper ne fait rien. Pour les rétablir : {settings}, rubrique « Clavier ».',
  'options.keyboard': 'Clavier',
  'options.singleKeys': 'Raccourcis d’une seule touche sur le bureau',
  'options.singleKeysHelp':
    'Les touches {keys}, tapées hors d’un champ de texte. Coupez-les si vous dictez votre texte, ou si une touche tapée par mégarde vous gêne ; Échap, les raccourcis avec {ctrl} ou Alt et les touches d’une ligne de liste (a, j, k) restent.',
  'options.singleKeysNotSaved': 'Le réglage n’a pas pu être enregistré : réessayez.',
  'save.saved': 'Enregistré',
  'save.pending': 'Modifié…',
  'save.saving': 'Enregistrement…',
  'save.error': 'Échec de l’enregistrement : la saisie est gardée, nouvel essai bientôt',
  'save.quota':
    'Plus de place pour enregistrer : votre saisie est gardée dans ce navigateur et sera enregistrée dès que de la place se libère (videz la corbeille, supprimez d’anciens brouillons).',
  'conflict.heading': 'Modifié ailleurs en même temps',
  'conflict.region': 'Modifié ailleurs en même temps\u00a0: «\u00a0{title}\u00a0»',
  'conflict.intro':
    'Ces champs ont été changés dans une autre fenêtre pendant que vous écriviez. Choisissez la version à garder : rien n’est perdu tant que vous n’avez pas choisi.',
  'conflict.mine': 'Votre version',
  'conflict.theirs': 'L’autre version',
  'conflict.introDesk':
    '« {title} » a été modifié dans la rédaction partagée par {name} pendant que vous écriviez. Choisissez la version à garder pour chaque champ : rien n’est perdu tant que vous n’avez pas choisi.',
  'conflict.introDeskAnon':
    '« {title} » a été modifié dans la rédaction partagée par un autre membre de la rédaction pendant que vous écriviez. Choisissez la version à garder pour chaque champ : rien n’est perdu tant que vous n’avez pas choisi.',
  'conflict.theirsBy': 'Version de {name}',
  'conflict.keepMine': 'Garder la mienne',
  'conflict.field.note': 'Note partagée',
  'conflict.field.intro': 'Chapô',
  'conflict.field.issueTitle': 'Titre du numéro',
  'conflict.field.issueId': 'Numéro',
  'conflict.field.sortKey': 'Place dans le numéro',
  'conflict.field.createdAt': 'Date de création',
  'conflict.field.trashed': 'Corbeille',
  'conflict.field.issueTrashed': 'Suppression du numéro',
  'conflict.field.exportedAt': 'Exporté le',
  'conflict.field.wordpress': 'Article WordPress',
  'conflict.value.dateTime': '{date} à {time}',
  'conflict.value.trashed': 'Dans la corbeille',
  'conflict.value.notTrashed': 'Hors de la corbeille',
  'conflict.value.issueTrashed': 'Supprimé',
  'conflict.value.issueKept': 'Gardé',
  'conflict.value.unknownIssue': 'Un numéro absent de ce navigateur',
  'conflict.value.listSeparator': ' ; ',
  'conflict.value.inIssue': '{issue}, {place}',
  'conflict.value.place': '{position}ᵉ sur {total}',
  'conflict.value.placeFirst': '1ᵉʳ sur {total}',
  'conflict.value.post': '{published} ({link})',
  'conflict.keepMineNamed': 'Garder la mienne : {field}',
  'conflict.takeTheirs': 'Prendre l’autre',
  'conflict.takeTheirsNamed': 'Prendre l’autre : {field}',
  'conflict.keepBoth': 'Garder les deux',
  'conflict.keepBothNamed': 'Garder les deux versions : {field}',
  'conflict.keepBothHint':
    'Vos paragraphes, puis ceux que l’autre version a en plus : à relire ensuite.',
  'conflict.empty': '(vide)',
  'conflict.style': 'mêmes mots, ici {changes}',
  'conflict.style.bold': 'en gras',
  'conflict.style.notBold': 'pas en gras',
  'conflict.style.italic': 'en italique',
  'conflict.style.notItalic': 'pas en italique',
  'conflict.style.link': 'avec un lien',
  'conflict.style.noLink': 'sans lien',
  'conflict.style.otherLink': 'avec un lien vers une autre adresse',
  'conflict.style.lang': 'en {language}',
  'conflict.style.textLang': 'dans la langue du texte',
  // Code (words in no language, `zxx`): not a language to an editor (see itemDiff.ts).
  'conflict.style.code': 'marqués comme code',
  'conflict.style.notCode': 'pas marqués comme code',
  'conflict.style.paragraph': 'dans un paragraphe',
  'conflict.style.bulleted': 'dans une liste à puces',
  'conflict.style.numbered': 'dans une liste numérotée',
  'conflict.style.joined': 'à la suite des mots d’avant',
  'conflict.style.newLine': 'après un retour à la ligne',
  'conflict.style.newParagraph': 'dans un nouveau paragraphe',
  'conflict.style.newEntry': 'dans une nouvelle entrée de la liste',
  'conflict.linkTo': 'lien vers',
  'conflict.keys':
    'Tab pour atteindre les changements de forme, ← → pour passer de l’un à l’autre, Échap pour masquer leur explication',
  'conflict.updating': 'Mise à jour de la comparaison…',
  'editor.heading': 'Brouillon',
  'editor.gone': 'Ce brouillon n’existe plus.',
  'editor.trashedBy':
    '{name} a mis ce brouillon à la corbeille, où il sera supprimé au bout de 30 jours. Ce que vous y écrivez reste enregistré avec lui ; remettez-le pour le garder dans les brouillons.',
  'editor.trashedElsewhere':
    'Ce brouillon a été mis à la corbeille ailleurs, où il sera supprimé au bout de 30 jours. Ce que vous y écrivez reste enregistré avec lui ; remettez-le pour le garder dans les brouillons.',
  'editor.trashedByYou':
    'Vous avez mis ce brouillon à la corbeille, où il sera supprimé au bout de 30 jours. Ce que vous y écrivez reste enregistré avec lui ; remettez-le pour le garder dans les brouillons.',
  'editor.restore': 'Le remettre dans les brouillons',
  'editor.mergedBy':
    '{name} a fusionné ce brouillon dans « {title} ». Il est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedElsewhere':
    'Ce brouillon a été fusionné ailleurs dans « {title} ». Il est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedByTrashed':
    '{name} a fusionné ce brouillon dans « {title} », qui est lui aussi à la corbeille. Tous deux y seront supprimés au bout de 30 jours ; remettez « {title} » dans les brouillons pour garder le texte fusionné.',
  'editor.mergedElsewhereTrashed':
    'Ce brouillon a été fusionné ailleurs dans « {title} », qui est lui aussi à la corbeille. Tous deux y seront supprimés au bout de 30 jours ; remettez « {title} » dans les brouillons pour garder le texte fusionné.',
  'editor.mergedByPending':
    '{name} a fusionné ce brouillon dans un autre brouillon, pas encore arrivé dans ce navigateur : vous pourrez l’ouvrir d’ici dès qu’il sera là. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedElsewherePending':
    'Ce brouillon a été fusionné ailleurs dans un autre brouillon, pas encore arrivé dans ce navigateur : vous pourrez l’ouvrir d’ici dès qu’il sera là. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedByGone':
    '{name} a fusionné ce brouillon dans un autre brouillon, qui a depuis été supprimé de la rédaction partagée. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours ; remettez-le dans les brouillons pour en garder le contenu.',
  'editor.mergedElsewhereGone':
    'Ce brouillon a été fusionné ailleurs dans un autre brouillon, qui a depuis été supprimé de la rédaction partagée. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours ; remettez-le dans les brouillons pour en garder le contenu.',
  'editor.mergedByYou':
    'Vous avez fusionné ce brouillon dans « {title} ». Il est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedByYouTrashed':
    'Vous avez fusionné ce brouillon dans « {title} », qui est lui aussi à la corbeille. Tous deux y seront supprimés au bout de 30 jours ; remettez « {title} » dans les brouillons pour garder le texte fusionné.',
  'editor.mergedByYouPending':
    'Vous avez fusionné ce brouillon dans un autre brouillon, pas encore arrivé dans ce navigateur : vous pourrez l’ouvrir d’ici dès qu’il sera là. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours.',
  'editor.mergedByYouGone':
    'Vous avez fusionné ce brouillon dans un autre brouillon, qui a depuis été supprimé de la rédaction partagée. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours ; remettez-le dans les brouillons pour en garder le contenu.',
  'editor.inTrashReason': 'Il est dans la corbeille : remettez-le d’abord.',
  'editor.status': 'Statut',
  'editor.label': 'Libellé',
  'editor.labelHelp': 'Le nom de l’indiscret dans la liste du numéro. Vide : ses premiers mots.',
  'editor.title': 'Titre du brouillon',
  'editor.pasteCut':
    'Ce champ prend au plus {max} caractères : la fin du texte collé n’a pas été gardée.',
  'editor.titleLong':
    'Ce titre, long de {length} caractères, est montré coupé à {max} : il reste entier tant que vous ne le modifiez pas ; modifié, il sera ce que montre le champ.',
  'editor.labelLong':
    'Ce libellé, long de {length} caractères, est montré coupé à {max} : il reste entier tant que vous ne le modifiez pas ; modifié, il sera ce que montre le champ.',
  'editor.sourceLong':
    'Ce champ, long de {length} caractères, est montré coupé à {max} : il reste entier tant que vous ne le modifiez pas ; modifié, il sera ce que montre le champ.',
  'editor.body': 'Texte de l’indiscret',
  'editor.quotes': 'Citations',
  'editor.insertQuote': 'Insérer',
  'editor.sources': 'Sources',
  'editor.sourceUrl': 'Adresse de la source',
  'editor.sourceUrlInvalid': 'Adresse invalide : elle doit commencer par https:// ou http://.',
  'editor.sourceTitle': 'Titre de la source',
  'editor.sourceSite': 'Site',
  'editor.addSource': 'Ajouter une source',
  'editor.removeSource': 'Retirer la source « {title} »',
  'editor.removeEmptySource': 'Retirer la source vide',
  'editor.sourceRemoved': 'Source « {title} » retirée.',
  'editor.emptySourceRemoved': 'Source vide retirée.',
  'editor.tags': 'Tags',
  'editor.addTag': 'Ajouter un tag',
  'editor.removeTag': 'Retirer le tag {tag}',
  'editor.tagRemoved': 'Tag {tag} retiré.',
  'editor.tagsMore': {
    one: 'Et {count} autre tag, non montré ici : il reste tel quel.',
    other: 'Et {count} autres tags, non montrés ici : ils restent tels quels.',
  },
  'editor.tagCut': 'Un tag prend au plus {max} caractères : la fin du tag tapé n’a pas été gardée.',
  'editor.tagsFull': {
    one: 'Un brouillon prend au plus {max} tags : {count} tag tapé n’a pas été ajouté.',
    other: 'Un brouillon prend au plus {max} tags : {count} des tags tapés n’ont pas été ajoutés.',
  },
  'editor.tagHidden': 'Le tag « {tag} » est déjà sur ce brouillon, parmi ceux non montrés ici.',
  'editor.note': 'Note privée (jamais exportée)',
  'editor.noteShared': 'Note partagée (jamais exportée)',
  'editor.toolbar': 'Mise en forme',
  /** The bold button's letter, as word processors in this language show it. */
  'editor.boldLetter': 'G',
  'editor.bold': 'Gras ({key})',
  'editor.italic': 'Italique ({key})',
  'editor.link': 'Lien ({key})',
  'editor.linkShort': 'Lien',
  /** The lists' buttons (after « Lien »): their names with their shortcut. */
  'editor.bulletList': 'Liste à puces ({key})',
  'editor.numberedList': 'Liste numérotée ({key})',
  /** What both show after their mark (• or 1., theme.css): the word in both their names. */
  'editor.listShort': 'Liste',
  /** The Shift key as this language's keyboards name it, in a shortcut (Ctrl+Maj+8). */
  'editor.shiftKey': 'Maj',
  'editor.linkUrl': 'Adresse du lien',
  'editor.linkApply': 'Lier',
  'editor.linkSearch': 'Source, titre ou adresse https://…',
  'editor.linkSuggestions': 'Liens proposés',
  'link.kind.source': 'Source',
  'link.kind.quote': 'Citation',
  'link.kind.item': 'Indiscret',
  'link.group.draft': 'Sources',
  'link.group.issue': 'Dans ce numéro',
  'link.group.site': 'Articles du site',
  'link.site.untitled': '(article sans titre)',
  'link.site.loading': 'Chargement des articles du site…',
  'link.site.searching': 'Recherche dans les articles du site…',
  'link.site.stale': '{reason} : derniers articles connus, liste du {date}.',
  'link.site.none': '{reason} : articles du site indisponibles.',
  'link.site.reason.offline': 'Hors ligne',
  'link.site.reason.timeout': 'Le site met trop de temps à répondre',
  'link.site.reason.unreachable': 'Le site ne répond pas',
  'link.site.reason.credentials': 'WordPress refuse l’identifiant ou le mot de passe d’application',
  'link.site.reason.permission':
    'Accès au site à autoriser dans les réglages (« Tester la connexion »)',
  'link.site.reason.other': 'WordPress n’a pas donné ses articles',
  'editor.dragSource': 'Glisser sur des mots sélectionnés pour les lier à « {title} »',
  'editor.insertQuoteBlock': 'En paragraphe',
  'editor.insertQuoteBlockNamed': 'Insérer la citation en paragraphe à part',
  'editor.insertQuoteNamed': 'Insérer « {words} »',
  'editor.insertQuoteBlockWords': 'En paragraphe : « {words} »',
  // Two quotes whose first words are the same: their place in the list tells them apart.
  'editor.insertQuoteNamedNth': 'Insérer « {words} » (passage {n})',
  'editor.insertQuoteBlockWordsNth': 'En paragraphe : « {words} » (passage {n})',
  'editor.linkInvalid': 'Adresse invalide : elle doit commencer par https://, http:// ou mailto:.',
  'editor.addToIssue': 'Ajouter au numéro',
  'editor.removeFromIssue': 'Retirer du numéro',
  'editor.mergeInto': 'Fusionner dans…',
  'merge.heading': 'Fusionner dans quel brouillon ?',
  'merge.failed': 'La fusion a échoué.',
  'merge.byYou': 'vous',
  'twin.other': '{name} a aussi un brouillon de cette page.',
  'twin.otherAnon': 'Un autre membre de la rédaction a aussi un brouillon de cette page.',
  'twin.mine': 'Vous avez aussi un brouillon de cette page.',
  'twin.open': 'Ouvrir l’autre brouillon',
  'twin.openNamed': 'Ouvrir l’autre brouillon de cette page, « {title} »',
  'twin.merge': 'Le fusionner dans celui-ci',
  'undo.merged': 'Fusionné dans « {title} ».',
  'undo.mergedSameTitle': '« {title} » ({from}) fusionné dans « {title} » ({into}).',
  'time.dayAt': '{day} à {time}',
  'undo.conflictTheirs': 'Vous avez pris l’autre version de « {title} ».',
  'undo.conflictTheirsBy': 'Vous avez pris la version de {name} de « {title} ».',
  'undo.conflictsTheirs': 'Vous avez pris les autres versions dans {records}.',
  'undo.conflictKept':
    'Choix annulé. Ce que vous avez écrit depuis dans « {title} » reste tel quel ({fields}) : votre version d’avant n’y a pas été remise.',
  'undo.conflictKeptMany':
    'Choix annulés. Ce que vous avez écrit depuis dans « {title} » et {others|autre|autres} reste tel quel : vos versions d’avant n’y ont pas été remises.',
  'undo.conflictBoth':
    'Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans « {title} » ({both}) : relisez-le.',
  'undo.conflictBothKept':
    'Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans « {title} » ({both}) : relisez-le. Ailleurs, ce que vous avez écrit depuis reste tel quel ({fields}) : votre version d’avant n’y a pas été remise.',
  'undo.conflictBothMany':
    'Choix annulés. Ce que vous avez écrit depuis et vos versions d’avant sont tous deux dans « {title} » et {others|autre|autres} : relisez-les.',
  'undo.conflictBothKeptMany':
    'Choix annulés. Ce que vous avez écrit depuis et vos versions d’avant sont tous deux dans les textes de « {title} » et {others|autre|autres} : relisez-les. Ailleurs, ce que vous avez écrit depuis reste tel quel : vos versions d’avant n’y ont pas été remises.',
  'undo.draftDeleted': '« {title} » est supprimé.',
  'undo.issueDeleted':
    '« {title} » est supprimé ; ses indiscrets sont retournés dans les brouillons.',
  'undo.removed': '« {title} » retiré du numéro.',
  'undo.moved': '« {title} » déplacé vers « {issue} ».',
  'undo.removedMany': '{count} indiscrets retirés du numéro.',
  'counts.item': '{words|mot|mots}, {chars|signe|signes}',
  'counts.issue': '{items|indiscret|indiscrets} · {words|mot|mots} · {chars} / {budget} signes',
  'counts.issueNoBudget': '{items|indiscret|indiscrets} · {words|mot|mots} · {chars|signe|signes}',
  'counts.over': '{chars|signe|signes} de trop',
  'checks.count': {
    one: '{count} point à vérifier',
    other: '{count} points à vérifier',
  },
  'checks.empty-text': 'Texte vide',
  'checks.no-source': 'Aucun lien vers une source',
  'checks.duplicate-source': 'Source déjà utilisée par « {title} » dans ce numéro',
  'checks.already-exported': 'Source déjà publiée dans « {issue} »',
  'issue.heading': 'Numéro',
  'issue.pick': 'Numéro en cours',
  'issue.none': 'Aucun numéro choisi',
  'issue.pickHint': 'Choisissez ou créez un numéro.',
  'issue.pickHintOnly': 'Choisissez un numéro.',
  'issue.new': 'Nouveau numéro',
  'issue.newStarted': 'Nouveau numéro (commencé)',
  'issue.startedKept': 'Numéro commencé gardé : « + Nouveau numéro (commencé) » le reprend.',
  'issue.startedResumed': 'Repris tel que vous l’aviez laissé.',
  'issue.startOver': 'Repartir de zéro',
  'issue.create': 'Créer le numéro',
  'issue.title': 'Titre',
  'issue.date': 'Date',
  'issue.intro': 'Chapô (facultatif)',
  'issue.noBudget': 'aucune',
  'issue.badBudget': 'Un nombre entier de signes, au moins 1, ou rien pour aucune longueur visée.',
  'issue.budget': 'Longueur visée (signes)',
  'issue.items': 'Indiscrets du numéro',
  'issue.empty': 'Aucun indiscret : ajoutez des brouillons depuis la liste, ou déposez-les ici.',
  'issue.emptyRefused': 'Aucun indiscret dans ce numéro pour l’instant.',
  'issue.remove': 'Retirer',
  'issue.removeNamed': 'Retirer « {title} » du numéro',
  'issue.moveToNamed': 'Déplacer « {title} » vers un autre numéro',
  'issue.settings': 'Titre, date, chapô et longueur visée',
  'issue.moveTo': 'Déplacer vers…',
  'issue.move': 'Déplacer',
  'issue.moveNamed': 'Déplacer « {title} » vers « {issue} »',
  'issue.moveFailed': '« {title} » n’a pas pu être déplacé vers « {issue} ».',
  'issue.preview': 'Aperçu',
  'issue.delete': 'Supprimer le numéro',
  'issue.dateTaken': 'Un numéro de cette date existe déjà : « {title} ».',
  'issue.badDate': 'Corrigez la date (jj/mm/aaaa) pour créer le numéro.',
  'date.placeholder': 'jj/mm/aaaa',
  'date.help': 'jj/mm/aaaa ou « 15 mars 2021 » ; ↑ et ↓ changent le jour.',
  'date.empty': 'Indiquez une date, par exemple 15/03/2021.',
  'date.format': 'Date illisible : « {text} ». Tapez jj/mm/aaaa, par exemple 15/03/2021.',
  'date.impossible': 'Ce jour n’existe pas : « {text} ».',
  'issue.titleAfterDate': 'Le titre suit la date',
  'issue.noTitle': 'Donnez un titre au numéro pour le créer.',
  'issue.status.open': 'en cours',
  'issue.status.exported': 'exporté',
  'issue.status.published': 'envoyé',
  'issue.sentBy': 'envoyé par {name} le {date}',
  'issue.sentByYou': 'envoyé par vous le {date}',
  'issue.sentOn': 'envoyé le {date}',
  'reorder.help':
    'Flèches haut et bas (ou j et k) : indiscret suivant ou précédent ; Entrée l’ouvre ; Alt+Flèche haut ou bas le déplace ; ou glissez-le.',
  // A role that may not order the issue (shared desk): moving is left out.
  'reorder.helpLocked':
    'Flèches haut et bas (ou j et k) : indiscret suivant ou précédent ; Entrée l’ouvre.',
  'reorder.moved': '« {title} » déplacé en position {position} sur {total}.',
  // A draft dropped from the inbox, said as « + Au numéro » says it (drafts.added), with its place.
  'reorder.added': '« {title} » ajouté au numéro en position {position} sur {total}.',
  // The same, a draft of another issue taken from it (said in the undo bar, which can put it back).
  'reorder.addedFrom':
    '« {title} » déplacé de « {issue} » vers ce numéro, en position {position} sur {total}.',
  'reorder.itemLabel': '{title}, position {position} sur {total}',
  'reorder.up': 'Monter « {title} »',
  'reorder.down': 'Descendre « {title} »',
  'export.heading': 'Exporter',
  'export.copy': 'Copier le numéro',
  'export.download': 'Télécharger',
  'export.format': 'Format',
  'export.copyWhat': 'Tel que dans l’aperçu, à coller dans un courriel ou un éditeur.',
  'export.file': 'Télécharger un fichier',
  'export.format.wordpress': 'WordPress (blocs)',
  'export.format.html': 'HTML',
  'export.format.markdown': 'Markdown',
  'export.format.text': 'Texte (courriel)',
  'export.format.json': 'JSON',
  'export.copied': 'Numéro copié (texte enrichi et texte brut).',
  'export.downloaded': 'Fichier {filename} téléchargé.',
  'export.failed': 'L’export a échoué.',
  'export.copyRefused': 'Le navigateur a refusé la copie : téléchargez le fichier à la place.',
  'export.checksPending': {
    one: '{count} point à vérifier avant l’export.',
    other: '{count} points à vérifier avant l’export.',
  },
  'options.heading': 'Réglages d’Indiscrets',
  'options.pageTitle': 'Indiscrets — réglages',
  'options.language': 'Langue de l’interface',
  'options.languageAuto': 'Celle du navigateur',
  'options.languageUnsaved':
    'Des modifications ne sont pas enregistrées sur cette page\u00a0: changer de langue recharge la page, elles seraient perdues.',
  'options.languageStay': 'Garder la langue et les modifications',
  'options.languageLeave': 'Changer de langue sans les enregistrer',
  'options.houseStyle': 'Style maison',
  'options.titlePattern': 'Modèle du titre',
  'options.titlePatternHelp': '{date} = « {example} », aussi {day}, {month}, {year}, {longdate}.',
  /** The title the pattern gives, quoted as the interface's language quotes. */
  'options.titlePatternSample': '→ « {title} »',
  'options.opener': 'Ouverture de chaque indiscret',
  'options.credit': 'Crédit des sources',
  'options.credit.parenthesis': 'Entre parenthèses : (Bloomberg)',
  'options.credit.via': '« — via Bloomberg »',
  'options.credit.none': 'Aucun (les liens sont dans le texte)',
  'options.intro': 'Chapô par défaut',
  'options.outro': 'Conclusion',
  'options.exportLocale': 'Langue des exports',
  'options.typography': 'Typographie française (espaces insécables, apostrophes)',
  'options.save': 'Enregistrer',
  'options.unsaved': 'Modifications non enregistrées.',
  'options.conflict':
    'Ce réglage a changé ailleurs pendant que vous le modifiiez (une restauration, un autre onglet)\u00a0: vos modifications ne sont pas enregistrées. Lesquelles garder\u202f?',
  'options.cardQuoted': '«\u00a0{card}\u00a0»',
  /** Which cards ask their question (options' ConflictsSaid), said once for all of them. */
  'options.conflictsSaid': {
    one: 'La carte {cards} demande lesquelles garder\u00a0: son réglage a changé ailleurs pendant que vous le modifiiez.',
    other:
      'Les cartes {cards} demandent chacune lesquelles garder\u00a0: leurs réglages ont changé ailleurs pendant que vous les modifiiez.',
  },
  'options.conflictKeepMine': 'Enregistrer les miennes',
  'options.conflictTake': 'Reprendre la version enregistrée',
  'options.saved': 'Enregistré.',
  'options.reset': 'Rétablir le modèle par défaut',
  'options.patternEmpty': 'Le modèle du titre est vide.',
  'options.template': 'Modèle des nouveaux brouillons',
  'options.templateLabel':
    'Texte de départ (HTML : <p>, <strong>, <em>, <a>, une liste <ul> ou <ol>)',
  'options.templateHelp':
    '{quote} la citation entre guillemets, {source} le lien vers la source, {link}, {title}, {site}, {byline}, {url}.',
  'publish.heading': 'Publier',
  'publish.notConfigured': 'Pour publier sur WordPress, renseignez le site dans les {settings}.',
  'publish.create': 'Publier sur WordPress (brouillon)',
  'publish.update': 'Mettre à jour l’article WordPress',
  'publish.working': 'Publication…',
  'publish.postLink': 'Article n° {id}',
  'publish.by': 'Publié par {name} le {date} à {time}',
  'publish.byYou': 'Publié par vous le {date} à {time}',
  'publish.on': 'Publié le {date} à {time}',
  'publish.updatedBy': 'Mis à jour par {name} le {date} à {time}',
  'publish.updatedByYou': 'Mis à jour par vous le {date} à {time}',
  'publish.updatedOn': 'Mis à jour le {date} à {time}',
  'publish.viewPost': 'voir l’article',
  'publish.stale': 'Modifié depuis : l’article WordPress n’est plus à jour.',
  'publish.editedInWordPress':
    'Article modifié dans WordPress le {date} à {time}, après sa dernière publication : le mettre à jour écraserait ces changements.',
  'publish.editedUnsure':
    'Article modifié le {date} à {time}, après sa dernière publication ici : dans WordPress, ou par un collègue (la rédaction partagée n’a pas pu être lue). Le mettre à jour écraserait ces changements.',
  'publish.editedSee': 'Voir ces changements dans WordPress',
  'publish.created': 'Article créé dans WordPress.',
  'publish.updated': 'Article mis à jour dans WordPress.',
  'publish.edit': 'L’ouvrir dans WordPress',
  'publish.overwrite': 'Écraser la version de WordPress',
  'publish.createNew': 'Créer un nouvel article',
  'publish.createPending': 'Publier sur WordPress (en attente de relecture)',
  'publish.failed':
    'La publication n’a pas abouti : Indiscrets n’a pas eu de réponse. Rien n’a été perdu ; réessayez.',
  'publish.dismiss': 'Fermer',
  'publish.locked.one':
    '{name} modifie « {title} » en ce moment : ce qui s’y écrit encore ne sera pas dans l’article.',
  'publish.locked.issue':
    '{name} modifie le titre ou le chapô du numéro en ce moment : ce qui s’y écrit encore ne sera pas dans l’article.',
  'publish.locked.many':
    '{name} modifie {count|élément|éléments} du numéro en ce moment : ce qui s’y écrit encore ne sera pas dans l’article.',
  'publish.locked.others':
    '{names} modifient {count|élément|éléments} du numéro en ce moment : ce qui s’y écrit encore ne sera pas dans l’article.',
  'publish.locked.anyway': 'Publier quand même',
  'publish.locked.wait': 'Attendre',
  'wp.help':
    'Un mot de passe d’application se crée dans WordPress (≥ 5.6) : Comptes › Profil › Mots de passe d’application.',
  'wp.siteUrl': 'Adresse du site',
  /** An address the field shows empty: a site of the editor's language. */
  'wp.siteUrlPlaceholder': 'https://monsite.fr',
  'wp.siteUrlHelp':
    'En https:// (http seulement pour localhost). Indiscrets demandera l’accès à ce site seulement.',
  'wp.username': 'Identifiant WordPress',
  'wp.appPassword': 'Mot de passe d’application',
  'wp.appPasswordHelp': 'Gardé dans ce navigateur seulement ; jamais exporté ni sauvegardé.',
  'wp.category': 'Catégorie (créée si besoin)',
  'wp.status': 'Statut des articles créés',
  'wp.status.draft': 'Brouillon',
  'wp.status.pending': 'En attente de relecture',
  'wp.test': 'Tester la connexion',
  'wp.testing': 'Vérification…',
  'wp.testCancelled':
    'Vérification annulée : les réglages sont enregistrés, la connexion n’a pas été testée.',
  'wp.ok': 'Connexion réussie à « {site} » en tant que {user}.',
  'wp.okContributor':
    'Connexion réussie à « {site} » en tant que {user} : ce compte peut créer des brouillons mais pas publier.',
  'wp.saveFailed': 'Les réglages WordPress n’ont pas pu être enregistrés. Réessayez.',
  'wp.permissionRefused':
    'Sans l’autorisation d’accéder à {origin}, Indiscrets ne peut pas publier.',
  'backup.heading': 'Sauvegarde',
  'backup.help':
    'Tout ce que vous avez écrit dans ce navigateur (brouillons, corbeille comprise, numéros et réglages) dans un fichier JSON à garder en lieu sûr. Le mot de passe WordPress n’y figure jamais.',
  'backup.download': 'Télécharger une sauvegarde',
  'backup.restore': 'Restaurer une sauvegarde…',
  'backup.fileLabel': 'Fichier de sauvegarde à restaurer',
  'backup.downloaded':
    'Fichier {filename} téléchargé : {clips|brouillon|brouillons}, {issues|numéro|numéros}.',
  'backup.downloadFailed': 'La sauvegarde n’a pas pu être créée.',
  'backup.reading': 'Lecture du fichier…',
  'backup.chosen': 'Fichier « {name} »',
  'backup.madeOn': 'Sauvegarde du {date} à {time}',
  'backup.undated': 'Sauvegarde sans date',
  'backup.newerSchema':
    'Cette sauvegarde vient d’une version plus récente d’Indiscrets : ce que cette version-ci ne connaît pas encore n’en sera pas restauré. Pour tout garder, mettez l’extension à jour avant de restaurer.',
  'backup.contents': '{clips}, {issues}.',
  'backup.contentsAndSettings': '{clips}, {issues} et les réglages.',
  'backup.issueCount': {
    one: '{count} numéro',
    other: '{count} numéros',
  },
  'backup.trashed': 'dont {count} à la corbeille',
  'backup.settingsFailed':
    'Les réglages, eux, n’ont pas pu être restaurés\u00a0: ici, aucun n’a changé. Pour les reprendre, restaurez de nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: rien de ce qui est ici n’est perdu.',
  'backup.settingsFailedAccount':
    'Les réglages, eux, n’ont pas pu être restaurés\u00a0: ici, aucun n’a changé, ni le compte WordPress ni son mot de passe. Pour les reprendre, restaurez de nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: rien de ce qui est ici n’est perdu.',
  'backup.settingsPartly': 'Les réglages n’ont été restaurés qu’en partie.',
  'backup.settingsWritten': {
    one: 'Restauré\u00a0: {names}.',
    other: 'Restaurés\u00a0: {names}.',
  },
  'backup.settingsMissing': {
    one: 'Pas restauré\u00a0: {names}\u202f; ici, rien n’y a changé. Pour le reprendre, restaurez de nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: rien de ce qui est ici n’est perdu.',
    other:
      'Pas restaurés\u00a0: {names}\u202f; ici, rien n’y a changé. Pour les reprendre, restaurez de nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: rien de ce qui est ici n’est perdu.',
  },
  'backup.partlyAccountKept':
    'Le compte WordPress de la sauvegarde («\u00a0{username}\u00a0») n’a pas été repris\u00a0: ce navigateur garde le sien, avec son mot de passe.',
  'backup.partlyPasswordKept': 'Le mot de passe WordPress de ce navigateur n’a pas changé.',
  'backup.typedKept':
    'Page non rechargée, pour garder les modifications non enregistrées des autres cartes\u00a0: là où la restauration a changé un réglage que vous modifiiez, sa carte vous demande lesquelles garder.',
  'backup.reloadForLanguage': 'La langue restaurée s’affichera une fois la page rechargée.',
  'backup.settingsCheckFailed':
    'Réglages restaurés\u202f; seule la vérification du numéro en cours, qui suit, a échoué\u00a0: s’il n’existe plus, choisissez-en un autre dans l’onglet «\u00a0Numéro\u00a0».',
  'backup.setting.houseStyle': 'le style maison',
  'backup.setting.draftTemplate': 'le modèle des brouillons',
  'backup.setting.uiLocale': 'la langue',
  'backup.setting.characterKeys': 'les raccourcis d’une seule touche',
  'backup.setting.wordpress': 'les réglages WordPress',
  'backup.setting.currentIssueId': 'le numéro en cours',
  'backup.withSettings': 'Restaurer aussi les réglages',
  'backup.withSettingsHelp':
    'Style maison, modèle des brouillons, langue et WordPress ; jamais le mot de passe, qui reste celui de ce navigateur.',
  'backup.noSettings': 'Ce fichier ne contient pas de réglages.',
  'backup.merge': 'Fusionner',
  'backup.mergeHelp':
    'Fusionner ajoute ce qui manque ici. Un brouillon ou un numéro présent des deux côtés garde sa version la plus récente : rien de ce qui est ici n’est perdu.',
  'backup.replace': 'Remplacer tout…',
  'backup.replaceConfirm':
    'Ce navigateur a {clips|brouillon|brouillons} et {issues|numéro|numéros}. Tout remplacer les supprime, puis écrit ceux de la sauvegarde à leur place : ce qui n’est que dans ce navigateur sera perdu.',
  'backup.replaceConfirmEmpty':
    'Ce navigateur a {clips|brouillon|brouillons} et {issues|numéro|numéros}. La sauvegarde n’en a aucun\u00a0: tout remplacer les supprime et laisse ce navigateur vide.',
  'backup.replaceDo': 'Oui, tout remplacer',
  'backup.replaceShared':
    'Sur la rédaction partagée, tout remplacer mettrait à la corbeille ou réécrirait des brouillons de toute l’équipe : utilisez « Fusionner », qui garde la version la plus récente de chacun.',
  'backup.replaceLeavesDesk':
    'Vous avez quitté la rédaction partagée : tout remplacer fait aussi oublier à ce navigateur ce qu’il en savait, et la réactiver la rejoindra comme depuis un nouveau navigateur. Rien de ce que vous supprimez ici n’y sera mis à la corbeille ; ce qui manque à la sauvegarde en reviendra ; un brouillon ou un numéro que la rédaction a modifié depuis ne sera pas réécrit : vous choisirez quelle version garder.',
  'backup.replaceLeftMeanwhile':
    'Entre-temps, ce navigateur a quitté la rédaction partagée : relisez ce que « Remplacer tout… » fera maintenant.',
  'backup.saveFirst': 'D’abord sauvegarder ce navigateur',
  'backup.restoring': 'Restauration…',
  'backup.phase.parse': 'Lecture de la sauvegarde…',
  'backup.phase.check': 'Vérification de la sauvegarde…',
  'backup.phase.prepare': 'Préparation des brouillons…',
  'backup.phase.compare': 'Comparaison avec ce navigateur…',
  'backup.phase.write': 'Restauration…',
  'backup.progress.parse': 'Lecture de la sauvegarde… {percent} %',
  'backup.progress.check': 'Vérification de la sauvegarde… {done} sur {total} brouillons',
  'backup.progress.prepare': 'Préparation des brouillons… {done} sur {total}',
  'backup.progress.compare': 'Comparaison avec ce navigateur… {done} sur {total} brouillons',
  'backup.progress.write': 'Restauration… {done} sur {total} brouillons',
  'backup.count.percent': '{percent} %',
  'backup.count.drafts': '{done} sur {total} brouillons',
  'backup.progressLabel': 'Avancement',
  'backup.stopReading': 'Annuler la lecture',
  'backup.readCancelled': 'Lecture annulée : aucune sauvegarde choisie, rien n’a été modifié.',
  'backup.restoreCancelled': 'Restauration annulée : rien n’a été modifié.',
  'backup.merged':
    'Sauvegarde fusionnée : {added|brouillon ajouté|brouillons ajoutés}, {updated|mis à jour|mis à jour}, {kept|gardé|gardés} ; {issuesAdded|numéro ajouté|numéros ajoutés}, {issuesUpdated|mis à jour|mis à jour}, {issuesKept|gardé|gardés}.',
  'backup.keptHelp': 'Gardés : ce navigateur en avait une version aussi récente ou plus récente.',
  'backup.replaced':
    'Tout a été remplacé par la sauvegarde : {clips|brouillon|brouillons} et {issues|numéro|numéros}.',
  'backup.copied': {
    one: '{count} brouillon ou numéro de la sauvegarde, modifié au même moment qu’ici mais autrement, a été ajouté en copie à côté du vôtre.',
    other:
      '{count} brouillons ou numéros de la sauvegarde, modifiés au même moment qu’ici mais autrement, ont été ajoutés en copie à côté des vôtres.',
  },
  'backup.movedToInbox': {
    one: '{count} brouillon dont le numéro n’existe plus est revenu hors numéro.',
    other: '{count} brouillons dont le numéro n’existe plus sont revenus hors numéro.',
  },
  'backup.settingsRestored': 'Réglages restaurés ; le mot de passe WordPress n’a pas changé.',
  'backup.settingsRestoredAccountKept':
    'Réglages restaurés, sauf le compte WordPress de la sauvegarde (« {username} ») : ce navigateur garde le sien, avec son mot de passe.',
  'backup.siteToAllow':
    'Le site WordPress restauré ({site}) n’est pas encore autorisé dans ce navigateur : ouvrez les réglages WordPress et cliquez sur « Tester la connexion » pour l’autoriser.',
  'backup.openWordPress': 'Ouvrir les réglages WordPress',
  'backup.failed': 'La restauration a échoué et rien n’a été modifié.',
  'backup.unchanged': 'Rien n’a été modifié.',
  'backup.error.empty': 'Ce fichier est vide : ce n’est pas une sauvegarde d’Indiscrets.',
  'backup.error.not-json':
    'Ce fichier n’est pas une sauvegarde d’Indiscrets : ce n’est pas du JSON lisible (fichier tronqué, ou d’un autre type).',
  'backup.error.not-backup': 'Ce fichier n’est pas une sauvegarde d’Indiscrets.',
  'backup.error.invalid-version': 'Cette sauvegarde n’indique pas de version de format lisible.',
  'backup.error.newer-version':
    'Cette sauvegarde vient d’une version plus récente d’Indiscrets (format {version}) : mettez l’extension à jour pour la restaurer.',
  'backup.error.missing-list': 'La sauvegarde est incomplète : la liste des {list} manque.',
  'backup.error.invalid-record': '{record} est illisible.',
  'backup.error.missing-field': '{record} n’a pas de champ {field}.',
  'backup.error.invalid-field': '{record} a un champ {field} invalide.',
  'backup.error.duplicate-id': '{record} a le même identifiant qu’un autre ({id}).',
  'backup.error.invalid-setting': 'Le réglage {field} de la sauvegarde est invalide.',
  'backup.list.clips': 'brouillons',
  'backup.list.issues': 'numéros',
  'backup.record.clips': 'Le brouillon n° {position} de la sauvegarde',
  'backup.record.issues': 'Le numéro n° {position} de la sauvegarde',
  'backup.record.titled': '{record} (« {title} »)',
  'backup.record.file': 'La sauvegarde',
  'backup.field': '« {label} » ({field})',
  /** A field the backup names by its path alone (no label for it): quoted as the language quotes. */
  'backup.fieldPath': '« {field} »',
  'backup.field.id': 'identifiant',
  'backup.field.url': 'adresse',
  'backup.field.title': 'titre',
  'backup.field.createdAt': 'date de création',
  'backup.field.updatedAt': 'date de modification',
  'backup.field.deletedAt': 'date de mise à la corbeille',
  'backup.field.date': 'date',
  'backup.field.body': 'texte',
  'backup.field.sources': 'sources',
  'backup.field.quotes': 'citations',
  'backup.field.tags': 'tags',
  'backup.field.note': 'note',
  'backup.field.status': 'statut',
  'backup.field.issueId': 'numéro',
  'backup.field.lengthBudget': 'longueur visée',
  'shared.settings.heading': 'Rédaction partagée',
  'shared.settings.help':
    'Partagez brouillons et numéros avec toute la rédaction, à travers votre WordPress : chacun coupe, écrit et complète le même numéro, même hors ligne.',
  'shared.role.administrator': 'Administrateur',
  'shared.role.editor': 'Éditeur',
  'shared.role.author': 'Auteur',
  'shared.role.contributor': 'Contributeur',
  'shared.role.subscriber': 'Abonné',
  'shared.probe.checking': 'Vérification du site…',
  'shared.probe.ok':
    'Le site {site} accueille la rédaction partagée (extension Indiscrets {version}).',
  'shared.probe.retry': 'Vérifier à nouveau',
  'shared.probe.noSettings':
    'Réglez d’abord la connexion à WordPress ci-dessus (adresse, identifiant, mot de passe d’application).',
  'shared.probe.noPermission':
    'Indiscrets n’a pas encore l’autorisation de joindre ce site : cliquez sur « Tester la connexion » ci-dessus.',
  'shared.probe.offline':
    'Vous êtes hors ligne : la rédaction partagée sera vérifiée au retour du réseau.',
  'shared.probe.timeout': 'Le site n’a pas répondu à temps. Réessayez dans un moment.',
  'shared.probe.unreachable': 'Le site est injoignable. Vérifiez son adresse et votre connexion.',
  'shared.probe.wrongCredentials':
    'WordPress refuse l’identifiant ou le mot de passe d’application (401). Corrigez-les ci-dessus.',
  'shared.probe.forbidden':
    'Votre compte WordPress n’a pas accès à la rédaction partagée (403) : il faut au moins le rôle {role}. Demandez-le à un administrateur du site.',
  'shared.probe.noPlugin':
    'L’extension WordPress « Indiscrets » n’est pas installée (ou pas activée) sur ce site : la rédaction partagée en a besoin.',
  'shared.probe.restRouteBlocked':
    'Le site refuse les adresses de son API REST qui passent par le paramètre « rest_route » (une extension de sécurité ou une règle du serveur), et Indiscrets ne trouve cette API nulle part ailleurs dans le dossier du site (ni à /wp-json/, ni à un préfixe d’un seul niveau comme /api/) : la rédaction partagée ne peut pas y travailler. Demandez à l’administrateur du site d’autoriser le paramètre « rest_route » (lectures et écritures), ou de laisser l’API REST à /wp-json/.',
  'shared.probe.cancelled': 'La vérification a été interrompue.',
  'shared.probe.httpError': 'Le site a répondu par une erreur ({status}). Réessayez plus tard.',
  'shared.probe.unexpected': 'La vérification du site a échoué. Réessayez.',
  'shared.rights.editor':
    'Vous êtes {role} : vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
  'shared.rights.contributor':
    'Vous êtes {role} : vous pouvez proposer et écrire vos brouillons ; l’ordre du numéro et la publication reviennent à un Éditeur.',
  'shared.rights.readOnly':
    'Vous êtes {role} : vous pouvez lire le numéro ; écrire des brouillons demande le rôle Contributeur.',
  'shared.rights.none':
    'Vous êtes {role} : la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
  'shared.rights.noRole':
    'Votre compte n’a aucun rôle sur ce site : la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
  'shared.rights.custom':
    'Vous avez le rôle «\u00a0{name}\u00a0» sur ce site\u00a0: vous pouvez {abilities}.',
  'shared.rights.customReadOnly':
    'Vous avez le rôle «\u00a0{name}\u00a0» sur ce site\u00a0: vous pouvez lire le numéro\u202f; écrire des brouillons demande les droits d’un Contributeur.',
  'shared.rights.customNone':
    'Vous avez le rôle «\u00a0{name}\u00a0» sur ce site, qui ne donne pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur, pour la lire comme pour y écrire. Demandez-les à un administrateur du site.',
  // Several roles of the site's own, each quoted (shared.roleQuoted), which gave what unknown.
  'shared.rights.customMany':
    'Vous avez les rôles {names} sur ce site\u00a0: vous pouvez {abilities}.',
  'shared.rights.customManyReadOnly':
    'Vous avez les rôles {names} sur ce site\u00a0: vous pouvez lire le numéro\u202f; écrire des brouillons demande les droits d’un Contributeur.',
  'shared.rights.customManyNone':
    'Vous avez les rôles {names} sur ce site, qui ne donnent pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur, pour la lire comme pour y écrire. Demandez-les à un administrateur du site.',
  // What a role of the site's own may do, after « vous pouvez » (shared.rights.custom).
  'shared.ability.clip': 'proposer et écrire vos brouillons',
  'shared.ability.editAll': 'écrire tous les brouillons',
  'shared.ability.editIssues': 'créer et modifier les numéros',
  'shared.ability.arrange': 'ordonner le numéro',
  'shared.ability.publish': 'publier le numéro',
  'shared.ability.publishIt': 'le publier',
  'shared.plugin.download': 'Télécharger l’extension WordPress (indiscrets-wordpress.zip)',
  'shared.plugin.step1':
    'Un administrateur du site ouvre, dans WordPress, Extensions › Ajouter › Téléverser une extension.',
  'shared.plugin.step2':
    'Il choisit ce fichier zip, clique sur « Installer maintenant », puis sur « Activer ».',
  'shared.plugin.step3': 'Revenez ici et cliquez sur « Vérifier à nouveau ».',
  'shared.identity': '{name} ({role})',
  'shared.lock.draft':
    '{name} modifie ce brouillon en ce moment : si vous changez tous deux le même passage, le dernier à enregistrer choisira quelle version garder (d’un texte, il peut garder les deux).',
  'shared.note.share': 'Partager la note avec la rédaction',
  'shared.note.private': 'La note reste dans ce navigateur.',
  'shared.note.shared': 'La note est envoyée à la rédaction avec le brouillon.',
  'shared.status.offline': 'Hors ligne : vos modifications partiront au retour du réseau',
  'shared.status.syncing': 'Synchronisation…',
  'shared.status.synced': 'Synchronisé à {time}',
  'shared.status.syncedOn': 'Synchronisé le {date} à {time}',
  'shared.status.lastSynced': 'dernière synchronisation à {time}',
  'shared.status.lastSyncedOn': 'dernière synchronisation le {date} à {time}',
  'shared.status.lastSyncedFirst': 'Dernière synchronisation à {time}',
  'shared.status.lastSyncedOnFirst': 'Dernière synchronisation le {date} à {time}',
  'shared.status.never': 'Pas encore synchronisé',
  'shared.status.pending': {
    one: '{count} modification à envoyer',
    other: '{count} modifications à envoyer',
  },
  'shared.status.stop': 'Arrêter',
  'shared.status.syncNow': 'Synchroniser',
  'shared.progress.count': 'Préparation : {done} sur {total}',
  'shared.progress.upload': 'Envoi à la rédaction : {done} sur {total}',
  'shared.progress.download': 'Réception de la rédaction : {done} sur {total}',
  'shared.error.offline': 'Hors ligne : la synchronisation reprendra au retour du réseau',
  'shared.error.unreachable': 'Le site est injoignable : nouvel essai bientôt',
  'shared.error.timeout': 'Le site n’a pas répondu à temps : nouvel essai bientôt',
  'shared.error.wrongCredentials':
    'WordPress refuse le mot de passe d’application (401) : il a peut-être été révoqué ; créez-en un autre dans WordPress et collez-le dans les réglages',
  'shared.error.noPlugin': 'L’extension WordPress « Indiscrets » ne répond plus sur le site',
  'shared.error.forbidden': 'WordPress refuse l’accès à la rédaction partagée (403)',
  'shared.error.forbiddenNoRole':
    'Votre compte n’a aucun rôle sur ce site : la rédaction partagée demande au moins le rôle Contributeur ; demandez-le à un administrateur du site',
  'shared.error.blocked':
    'Le site bloque la rédaction partagée (refus 403, sans doute une extension de sécurité ou un pare-feu) : vos modifications attendent, nouvel essai bientôt',
  'shared.error.restRouteBlocked':
    'Le site refuse les adresses de son API REST avec le paramètre « rest_route », et Indiscrets ne trouve cette API ni à /wp-json/ ni à un préfixe d’un seul niveau comme /api/ : vos modifications attendent. Demandez à l’administrateur du site d’autoriser le paramètre « rest_route » (lectures et écritures), ou de laisser l’API REST à /wp-json/',
  'shared.error.noSettings': 'Réglages WordPress incomplets',
  'shared.error.accountChanged':
    'Les réglages WordPress nomment un autre compte ou un autre site que celui de la rédaction partagée : rien n’est envoyé ni reçu. Remettez le compte d’avant, ou quittez puis rejoignez la rédaction partagée avec ce compte',
  'shared.error.siteMoved':
    'Le site répond désormais à une autre adresse que celle des réglages : testez la connexion dans les réglages pour la connaître ; vos modifications attendent',
  'shared.error.writeRedirected':
    'Le serveur du site redirige les envois vers une autre adresse, alors que ce WordPress répond bien à celle des réglages : rien n’a été écrit ; demandez à son administrateur de ne pas rediriger les envois à l’API REST ; vos modifications attendent',
  'shared.error.serverError': 'Le site a répondu par une erreur du serveur : nouvel essai bientôt',
  'shared.error.other': 'La dernière synchronisation a échoué : nouvel essai bientôt',
  'shared.refused':
    // « WordPress a refusé la publication »: the participle before its object agrees with none.
    '« {title} » : WordPress a refusé {action}, il faut le rôle {role}. Votre changement a été annulé.',
  'shared.refusedInIssue':
    '« {title} » a été mis dans un numéro entre-temps : l’en retirer, même par la corbeille, demande le rôle {role}. Il y reste.',
  'shared.refusedOk': 'Compris',
  'shared.refusedAlso': 'Vos autres changements ont été annulés aussi : {fields}.',
  'shared.refusedWriting':
    'Ce que vous aviez écrit n’est plus gardé que dans cet avis : copiez-le avant de le fermer.',
  'shared.refusedCopy': 'Copier ce que vous aviez écrit',
  'shared.refusedCopied': 'Copié : collez-le où vous voulez le garder.',
  'shared.refusedCopyFailed': 'Le navigateur a refusé la copie : réessayez.',
  /** A field's name before its value, in what a refused change had written (to copy). */
  'shared.refusedField': '{field} :',
  'shared.action.create': 'l’envoi',
  'shared.action.edit': 'la modification',
  'shared.action.arrange': 'le classement dans le numéro',
  'shared.action.trash': 'la mise à la corbeille',
  'shared.action.restore': 'la restauration',
  'shared.action.publish': 'la publication',
  'shared.conflict.keptMine': 'Vous avez gardé votre version de « {title} ».',
  'shared.conflict.keptBoth':
    'Vous avez gardé les deux versions de « {title} » : relisez le texte.',
  'shared.conflict.failed': 'Votre choix n’a pas pu être enregistré. Réessayez.',
  'shared.conflict.settled':
    'Le conflit sur « {title} » était déjà réglé : votre choix n’a rien changé.',
  'shared.conflict.changed': '« {title} » a encore changé entre-temps : choisissez de nouveau.',
  'shared.conflict.gone': '« {title} » a été supprimé entre-temps : votre choix n’a rien changé.',
  'shared.conflicts.more': {
    one: '{count} autre conflit à régler',
    other: '{count} autres conflits à régler',
  },
  'shared.conflicts.showAll': 'Tout afficher',
  'shared.conflicts.fold': 'Replier',
  'shared.conflicts.all': {
    one: 'Régler {count} conflit d’un coup :',
    other: 'Régler les {count} conflits d’un coup :',
  },
  'shared.conflicts.keepAll': 'Garder toutes mes versions',
  'shared.conflicts.takeAll': 'Prendre toutes les autres versions',
  'shared.conflicts.drafts': '{count|brouillon|brouillons}',
  'shared.conflicts.issues': '{count|numéro|numéros}',
  'shared.conflicts.both': '{drafts} et {issues}',
  'shared.conflicts.confirmTake':
    'Prendre les autres versions de {fields|champ|champs} dans {records} ? Vos versions de ces champs seront remplacées ; « Annuler » les ramènera toutes.',
  'shared.conflicts.confirmKeep':
    'Garder vos versions de {fields|champ|champs} dans {records} ? Elles seront envoyées à la rédaction à la place des autres.',
  'shared.conflicts.deletionsApart': {
    one: '{count} numéro supprimé par un autre membre de la rédaction n’est pas concerné : dites plus haut s’il faut le garder.',
    other:
      'Les {count} numéros supprimés par d’autres membres de la rédaction ne sont pas concernés : dites plus haut, pour chacun, s’il faut le garder.',
  },
  'shared.conflicts.yesTake': 'Oui, prendre les autres versions',
  'shared.conflicts.yesKeep': 'Oui, garder mes versions',
  'shared.conflicts.no': 'Ne rien changer',
  'shared.conflicts.saving': 'Enregistrement de vos choix…',
  'shared.conflicts.failed':
    'Vos choix n’ont pas pu être enregistrés ; rien n’a changé. Réessayez.',
  'shared.conflicts.keptMine': 'Vous avez gardé vos versions dans {records}.',
  'shared.overridden': {
    one: '«\u00a0{title}\u00a0»\u00a0: vous aviez changé un champ en même temps que {name}, qui a gardé sa version\u00a0: {fields}.',
    other:
      '«\u00a0{title}\u00a0»\u00a0: vous aviez changé des champs en même temps que {name}, qui a gardé sa version\u00a0: {fields}.',
  },
  'shared.overriddenAnon': {
    one: '«\u00a0{title}\u00a0»\u00a0: vous aviez changé un champ en même temps qu’un autre membre de la rédaction, qui a gardé sa version\u00a0: {fields}.',
    other:
      '«\u00a0{title}\u00a0»\u00a0: vous aviez changé des champs en même temps qu’un autre membre de la rédaction, qui a gardé sa version\u00a0: {fields}.',
  },
  'shared.overriddenWriting':
    'Votre version n’est plus gardée que dans cet avis\u00a0: copiez-la avant de le fermer.',
  'shared.merged':
    '« {title} » : {name} a modifié {fields} en même temps que vous, mais à d’autres endroits ; ses modifications ont été ajoutées aux vôtres.',
  'shared.mergedAnon':
    '« {title} » : un autre membre de la rédaction a modifié {fields} en même temps que vous, mais à d’autres endroits ; ses modifications ont été ajoutées aux vôtres.',
  'shared.merged.body': 'le texte',
  'shared.merged.intro': 'le chapô',
  'shared.merged.note': 'la note partagée',
  'shared.merged.both': '{first} et {second}',
  'shared.mergedOk': 'Compris',
  'shared.issueBack':
    '{name} a remis dans la rédaction partagée le numéro « {title} », qui avait été supprimé, avec ses indiscrets.',
  'shared.issueBackAnon':
    'Un autre membre de la rédaction a remis dans la rédaction partagée le numéro « {title} », qui avait été supprimé, avec ses indiscrets.',
  'shared.deleted.notice':
    '{name} a supprimé le numéro « {title} » ; vous l’aviez modifié sans l’avoir encore envoyé : il est remis dans la rédaction partagée, avec vos modifications et ses indiscrets.',
  'shared.deleted.noticeAnon':
    'Un autre membre de la rédaction a supprimé le numéro « {title} » ; vous l’aviez modifié sans l’avoir encore envoyé : il est remis dans la rédaction partagée, avec vos modifications et ses indiscrets.',
  'shared.deleted.keep': 'Garder le numéro',
  'shared.kept':
    'Vous aviez supprimé le brouillon « {title} », mais {name} l’a modifié entre-temps : il est gardé.',
  'shared.keptAnon':
    'Vous aviez supprimé le brouillon « {title} », mais un autre membre de la rédaction l’a modifié entre-temps : il est gardé.',
  'shared.keptMerged':
    'Vous aviez fusionné le brouillon « {title} » dans « {into} », mais {name} l’a modifié entre-temps : il est gardé.',
  'shared.keptMergedAnon':
    'Vous aviez fusionné le brouillon « {title} » dans « {into} », mais un autre membre de la rédaction l’a modifié entre-temps : il est gardé.',
  'shared.kept.keep': 'Le garder',
  'shared.kept.delete': 'Le supprimer quand même',
  'shared.deleted.deleteToo': 'Le supprimer aussi',
  'shared.takenOut.inbox': '{name} a retiré « {title} » du numéro.',
  'shared.takenOut.inboxAnon': '« {title} » a été retiré du numéro.',
  'shared.takenOut.issue': '{name} a déplacé « {title} » vers {to}.',
  'shared.takenOut.issueAnon': '« {title} » a été déplacé vers {to}.',
  'shared.takenOut.trash': '{name} a mis « {title} » à la corbeille.',
  'shared.takenOut.trashAnon': '« {title} » a été mis à la corbeille.',
  'shared.takenOut.merged': '{name} a fusionné « {title} » dans {into}.',
  'shared.takenOut.mergedAnon': '« {title} » a été fusionné dans {into}.',
  'shared.takenOut.deleted': '{name} a supprimé « {title} ».',
  'shared.takenOut.deletedAnon': '« {title} » a été supprimé.',
  'shared.takenOut.quoted': '« {title} »',
  'shared.takenOut.otherIssue': 'un autre numéro',
  'shared.takenOut.otherDraft': 'un autre brouillon',
  'shared.takenOut.many': {
    one: '{name} a retiré {count} indiscret du numéro :',
    other: '{name} a retiré {count} indiscrets du numéro :',
  },
  'shared.takenOut.manyAnon': {
    one: '{count} indiscret a été retiré du numéro :',
    other: '{count} indiscrets ont été retirés du numéro :',
  },
  'shared.takenOut.line.inbox': '« {title} » : remis dans les brouillons',
  'shared.takenOut.line.issue': '« {title} » : déplacé vers {to}',
  'shared.takenOut.line.trash': '« {title} » : mis à la corbeille',
  'shared.takenOut.line.merged': '« {title} » : fusionné dans {into}',
  'shared.takenOut.line.deleted': '« {title} » : supprimé',
  'shared.takenOut.lineBy': '{line}, par {name}',
  'shared.takenOut.open': 'Ouvrir',
  'shared.takenOut.openNamed': 'Ouvrir « {title} »',
  'shared.takenOut.issueDeleted': '{name} a supprimé le numéro « {title} ».',
  'shared.takenOut.issueDeletedAnon':
    'Un autre membre de la rédaction a supprimé le numéro « {title} ».',
  'shared.takenOut.issueDeletedItems': {
    one: '{count} indiscret est remis dans les brouillons.',
    other: 'Ses {count} indiscrets sont remis dans les brouillons.',
  },
  'shared.switch.on': 'Activer la rédaction partagée',
  'shared.switch.counting': 'Décompte…',
  'shared.switch.enabling': 'Activation…',
  'shared.switch.confirm':
    'Envoyer vos {drafts|brouillon|brouillons} et {issues|numéro|numéros} à la rédaction ?',
  'shared.switch.confirmDraft': 'Envoyer votre brouillon à la rédaction ?',
  'shared.switch.confirmDrafts': 'Envoyer vos {count} brouillons à la rédaction ?',
  'shared.switch.confirmIssue': 'Envoyer votre numéro à la rédaction ?',
  'shared.switch.confirmIssues': 'Envoyer vos {count} numéros à la rédaction ?',
  'shared.switch.confirmNothing':
    'Activer la rédaction partagée ? Ce navigateur n’a rien de nouveau à lui envoyer.',
  'shared.switch.confirmHelp':
    'La rédaction en a déjà {drafts|brouillon|brouillons} et {issues|numéro|numéros} : ils arriveront dans ce navigateur.',
  'shared.switch.confirmHelpDraft':
    'La rédaction a déjà un brouillon : il arrivera dans ce navigateur.',
  'shared.switch.confirmHelpDrafts':
    'La rédaction a déjà {count} brouillons : ils arriveront dans ce navigateur.',
  'shared.switch.confirmHelpIssue':
    'La rédaction a déjà un numéro : il arrivera dans ce navigateur.',
  'shared.switch.confirmHelpIssues':
    'La rédaction a déjà {count} numéros : ils arriveront dans ce navigateur.',
  'shared.switch.confirmHelpNothing': 'La rédaction n’a encore ni brouillon ni numéro.',
  'shared.switch.send': 'Envoyer et activer',
  'shared.switch.join': 'Activer',
  'shared.switch.notNow': 'Pas maintenant',
  'shared.switch.progress': 'Première synchronisation',
  'shared.switch.cancel': 'Annuler',
  'shared.switch.off': 'Désactiver la rédaction partagée',
  'shared.switch.offHelp':
    'Désactivée, la rédaction partagée laisse tous vos brouillons et numéros dans ce navigateur, tels quels.',
  'shared.switch.planFailed':
    'Impossible de compter ce qui serait envoyé. Vérifiez la connexion et réessayez.',
  'shared.switch.failed': 'Le changement n’a pas pu être fait. Réessayez.',
  // Turning the desk on with the site not reached (the options, under the button), and the sync
  // line naming the address a moved site answers at.
  'shared.switch.offline':
    'Vous êtes hors ligne : la rédaction partagée n’a pas été activée. Vérifiez la connexion, puis réessayez. Rien n’a été envoyé ni perdu : vos brouillons, numéros et réglages restent tels quels.',
  'shared.switch.timeout':
    'Le site n’a pas répondu à temps : la rédaction partagée n’a pas été activée. Réessayez dans un moment. Rien n’a été envoyé ni perdu : vos brouillons, numéros et réglages restent tels quels.',
  'shared.switch.unreachable':
    'Le site est injoignable : la rédaction partagée n’a pas été activée. Vérifiez son adresse et votre connexion, puis réessayez. Rien n’a été envoyé ni perdu : vos brouillons, numéros et réglages restent tels quels.',
  'shared.error.siteMovedTo':
    'Le site répond désormais à l’adresse {address} : utilisez-la dans « Adresse du site » des réglages, puis testez la connexion ; vos modifications attendent',
  'issue.createFailed': 'Le numéro n’a pas pu être créé.',
  'wp.error.bad_url':
    'Adresse du site invalide. Indiquez l’adresse complète de votre WordPress, avec son nom de domaine et sans espace, par exemple https://www.monjournal.fr.',
  'wp.error.insecure_url':
    'L’adresse doit commencer par https:// (seuls localhost et 127.0.0.1 sont acceptés en http).',
  'wp.error.missing_credentials':
    'Indiquez l’identifiant WordPress et le mot de passe d’application.',
  'wp.error.offline': 'Pas de connexion Internet. Réessayez une fois en ligne.',
  'wp.error.unreachable': 'Le site ne répond pas. Vérifiez l’adresse et votre connexion.',
  'wp.error.timeout': 'Le site n’a pas répondu à temps. Réessayez dans un moment.',
  'wp.error.cancelled': 'Opération annulée.',
  'wp.error.not_wordpress':
    'Ce site ne semble pas être un WordPress (aucune API REST WordPress trouvée à cette adresse).',
  'wp.error.site_server_error':
    'Le site a répondu par une erreur du serveur (code {status}) : il est peut-être momentanément indisponible. Réessayez plus tard, ou prévenez son administrateur si cela dure.',
  'wp.error.rest_disabled':
    'L’API REST de ce WordPress est désactivée ou bloquée (souvent par une extension de sécurité). Demandez à l’administrateur de l’autoriser.',
  'wp.error.site_protected':
    'Le site est protégé par un mot de passe du serveur (authentification HTTP) : Indiscrets ne peut pas le traverser.',
  'wp.error.app_passwords_unavailable':
    'Ce WordPress n’accepte pas les mots de passe d’application : ils y sont désactivés (par une extension ou un réglage). Demandez à l’administrateur du site de les autoriser.',
  'wp.error.wrong_credentials':
    'Identifiant ou mot de passe d’application refusé. Utilisez un mot de passe d’application (Profil › Mots de passe d’application), pas votre mot de passe habituel.',
  'wp.error.site_moved':
    'Ce site répond à l’adresse {address} : utilisez-la dans « Adresse du site », puis testez la connexion.',
  'wp.error.site_moved_unnamed':
    'Ce site répond désormais à une autre adresse que celle des réglages : testez la connexion dans les réglages pour la connaître.',
  'wp.error.write_redirected':
    'Le serveur du site a redirigé l’envoi vers une autre adresse, alors que ce WordPress répond bien à celle des réglages : rien n’a été écrit, et les réglages n’y peuvent rien. Demandez à l’administrateur du site que les envois à son API REST (POST, DELETE) ne soient pas redirigés.',
  'wp.error.wrong_credentials_revoked':
    'WordPress refuse le mot de passe d’application (401) : il a peut-être été révoqué ; créez-en un autre dans WordPress et collez-le dans les réglages.',
  // Credentials sent and answered as to an anonymous visitor (401): a wrong password, or a server
  // that drops the Authorization header before WordPress; nothing in the answer tells which.
  'wp.error.credentials_unseen':
    'WordPress a répondu comme si aucun identifiant ne lui avait été envoyé (401). Vérifiez d’abord l’identifiant et le mot de passe d’application (Profil › Mots de passe d’application, pas votre mot de passe habituel). S’ils sont justes, c’est le serveur du site qui retire l’identification avant qu’elle n’arrive à WordPress : votre mot de passe n’est pas en cause, et l’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
  'wp.error.credentials_unseen_revoked':
    'WordPress ne reconnaît plus vos identifiants (401) : le mot de passe d’application a peut-être été révoqué (créez-en un autre dans WordPress et collez-le dans les réglages), ou le serveur du site retire désormais l’identification avant qu’elle n’arrive à WordPress (l’administrateur du site ou son hébergeur peut la laisser passer : règle HTTP_AUTHORIZATION du .htaccess de WordPress, ou réglage de l’hébergeur).',
  'shared.probe.credentialsUnseen':
    'WordPress a répondu comme si aucun identifiant ne lui avait été envoyé (401). Vérifiez l’identifiant et le mot de passe d’application ci-dessus ; s’ils sont justes, c’est le serveur du site qui retire l’identification avant qu’elle n’arrive à WordPress : l’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
  'link.site.reason.credentialsUnseen':
    'WordPress ne reconnaît pas l’identifiant et le mot de passe d’application (ou le serveur du site les retire en chemin)',
  // The companion plugin saw no Authorization header: the server drops it.
  'link.site.reason.authHeaderDropped':
    'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress',
  'shared.error.credentialsUnseen':
    'WordPress ne reconnaît plus vos identifiants (401) : le mot de passe d’application a peut-être été révoqué (créez-en un autre dans WordPress et collez-le dans les réglages), ou le serveur du site retire désormais l’identification avant qu’elle n’arrive à WordPress (l’administrateur du site ou son hébergeur peut la laisser passer : règle HTTP_AUTHORIZATION du .htaccess de WordPress, ou réglage de l’hébergeur)',
  // Answered as to an anonymous visitor, and the companion plugin (0.1.9) says no Authorization
  // header reached PHP: the server drops it; the password is not in question.
  'wp.error.auth_header_dropped':
    'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress (401) : votre mot de passe d’application n’est pas en cause. L’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
  'shared.error.authHeaderDropped':
    'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress (401) : votre mot de passe n’est pas en cause ; l’administrateur du site ou son hébergeur peut la laisser passer (règle HTTP_AUTHORIZATION du .htaccess de WordPress, ou réglage de l’hébergeur)',
  'wp.error.cannot_create_posts':
    'Ce compte WordPress n’a pas le droit de créer des articles. Demandez un rôle Contributeur, Auteur ou Éditeur.',
  'wp.error.cannot_edit_post': 'Ce compte WordPress n’a pas le droit de modifier cet article.',
  'wp.error.cannot_create_category':
    'La catégorie « {category} » n’existe pas et ce compte ne peut pas la créer. Demandez à un administrateur de la créer.',
  'wp.error.forbidden': 'WordPress a refusé l’opération (accès interdit).',
  'wp.error.blocked':
    'Le site a bloqué la demande (pare-feu, extension de sécurité ou protection de l’hébergeur, code {status}) : vos droits dans WordPress ne sont pas en cause. Réessayez plus tard ; si cela se reproduit, transmettez ce message à l’administrateur du site.',
  'wp.error.too_large':
    'L’article est trop volumineux pour les limites du serveur du site (code 413) : raccourcissez le numéro, ou demandez à l’administrateur du site de relever la taille maximale acceptée.',
  'wp.error.too_many_requests':
    'Le site reçoit trop de demandes et demande de patienter (code 429) : attendez un moment, puis réessayez.',
  'wp.error.not_found': 'WordPress ne trouve pas ce qui est demandé (erreur 404).',
  'wp.error.rejected': 'WordPress a refusé les données envoyées.',
  'wp.error.server_error':
    'Le serveur WordPress a rencontré une erreur (code {status}). Réessayez plus tard.',
  'wp.error.http_error': 'Réponse inattendue du serveur (code {status}).',
  'wp.error.bad_response':
    'Le serveur a envoyé une réponse illisible (pas le JSON attendu de WordPress).',
  'wp.error.deleted':
    'L’article a été supprimé ou mis à la corbeille dans WordPress. Vous pouvez en créer un nouveau.',
  'wp.error.conflict':
    'L’article a été modifié dans WordPress depuis la dernière publication. Écraser ces modifications ?',
  'wp.error.unexpected': 'Erreur inattendue lors de l’échange avec WordPress.',
  'publish.cancelled':
    'Publication annulée. Si WordPress avait déjà reçu le numéro, le prochain essai retrouvera son article au lieu d’en créer un second.',
  'publish.error.not_configured':
    'WordPress n’est pas configuré : renseignez l’adresse, l’identifiant et le mot de passe d’application dans les réglages.',
  'publish.error.no_permission':
    'Indiscrets n’a pas encore l’autorisation d’écrire sur ce site : accordez-la dans les réglages (« Tester la connexion »).',
  'publish.error.issue_missing': 'Ce numéro n’existe plus.',
  'manifest.name': 'Indiscrets',
  'manifest.description':
    'Coupez des pages en brouillons et composez « Les indiscrets » pour WordPress.',
  'manifest.commandClip': 'Couper cette page dans Indiscrets',
} as const;

/** The keys of the messages the popup does not paint with. */
export type RestKey = keyof typeof fr;

/** English's catalogue of these messages (`en.ts`): exactly their keys (see `Catalogue`). */
export type Messages = Catalogue<typeof fr>;
