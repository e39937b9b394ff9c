/** French messages: the reference set. Every key here must exist in `en.ts` (a test checks). */
export const fr = {
  'app.name': 'Indiscrets',
  'clip.button': 'Couper cette page',
  'clip.working': 'Coupe en cours…',
  'clip.created': 'Nouveau brouillon : « {title} »',
  'clip.merged': 'Cette page avait déjà un brouillon : la citation y a été ajoutée ({count} citations).',
  'clip.mergedNoQuote': 'Cette page avait déjà un brouillon : rien de nouveau à ajouter.',
  'clip.failed': 'La coupe a échoué : {error}',
  'clip.noTab': 'Aucun onglet à couper.',
  'menu.clipPage': 'Couper dans Indiscrets',
  'menu.clipLink': 'Couper le lien dans Indiscrets',
  'limit.browser-page':
    'Le navigateur interdit de lire ses propres pages : seuls l’adresse et le titre ont été gardés.',
  'limit.web-store':
    'Le navigateur interdit de lire la boutique d’extensions : seuls l’adresse et le titre ont été gardés.',
  'limit.pdf':
    'Le lecteur PDF ne se laisse pas lire : seuls l’adresse et le titre ont été gardés.',
  'limit.view-source':
    'Une page « view-source » ne se laisse pas lire : seuls l’adresse et le titre ont été gardés.',
  'limit.file':
    'Les fichiers locaux ne sont lisibles que si « Autoriser l’accès aux URL de fichier » est coché pour Indiscrets : seuls l’adresse et le titre ont été gardés.',
  'limit.script-failed':
    'Cette page a refusé notre script : seuls l’adresse et le titre ont été gardés.',
  'drafts.heading': 'Brouillons',
  'drafts.empty': 'Aucun brouillon. Coupez une page pour commencer.',
  'drafts.count': '{count} brouillons',
  'drafts.quotes': '{count} citations',
  'drafts.new': 'nouveau',
  'provenance.label': 'Origine des métadonnées',
  'provenance.guess': 'déduit',
  'badge.title': 'Indiscrets : {count} brouillons hors numéro',
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
