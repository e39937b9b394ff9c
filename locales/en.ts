import type { Messages } from './fr';

/** English messages. */
export const en: Messages = {
  'menu.clipPage': 'Clip to Indiscrets',
  'menu.clipLink': 'Clip link to Indiscrets',
  'badge.title': {
    one: 'Indiscrets: {count} draft not in an issue',
    other: 'Indiscrets: {count} drafts not in an issue',
  },
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'desk.pickDraft': 'Pick a draft to write.',
  'desk.pickItem': 'Pick an item of the issue (or a draft) to write it here.',
  'desk.firstIssue': 'No issue yet: create one, then add your drafts to it.',
  'desk.firstIssueAwaited':
    'No issue yet: an Editor will create one, and your drafts can then go in it.',
  'desk.issueCreated': 'Issue created.',
  'desk.inbox': 'Drafts',
  'desk.inboxFolded': 'Drafts folded away.',
  'desk.inboxShown': 'Drafts shown.',
  'desk.shortcuts': 'Keyboard shortcuts',
  'desk.output': 'Publish, export and preview',
  'desk.noIssueOutput': 'Publishing, exports and the preview of the issue will show here.',
  'desk.newIssueOutput':
    'Once the issue is created, its publishing, exports and preview will show here.',
  'desk.keyName.enter': 'Enter',
  'desk.keyName.escape': 'Esc',
  'desk.keyName.delete': 'Delete',
  'desk.key.move': 'Go to the next or previous item or draft',
  'desk.key.open': 'Open the item or draft in the editor',
  'desk.key.back': 'Go back from the editor to the list',
  'desk.key.add': 'Add the chosen draft to the issue',
  'desk.key.trash': 'Put the chosen draft in the trash',
  'desk.key.reorder': 'Move the chosen item within the issue',
  'desk.key.link': 'Link the selected words (sources offered)',
  'desk.key.lists': 'Bulleted list, numbered list (in the text)',
  'desk.key.columns': 'Go to the drafts, the issue’s items, the text, publishing',
  'desk.key.inbox': 'Fold or show the drafts',
  'desk.key.search': 'Search the drafts',
  'desk.key.newIssue': 'New issue',
  'desk.key.undo': 'Undo what the bar at the bottom says (outside a text field)',
  'desk.key.help': 'Show or hide this help',
  // The desk's keys of one character, which the options turn off (WCAG 2.1.4).
  'desk.singleKeysOn':
    'The single-key shortcuts ({keys}) can be turned off, if you dictate your text for instance: {settings}, “Keyboard”.',
  'desk.singleKeysOff':
    'The single-key shortcuts ({keys}) are turned off: typing them does nothing. To turn them back on: {settings}, “Keyboard”.',
  'options.keyboard': 'Keyboard',
  'options.singleKeys': 'Single-key shortcuts on the desk',
  'options.singleKeysHelp':
    'The keys {keys}, typed outside a text field. Turn them off if you dictate your text, or if a key typed by mistake gets in your way; Escape, the shortcuts with {ctrl} or Alt and the keys of a list’s row (a, j, k) stay.',
  'options.singleKeysNotSaved': 'The setting could not be saved: try again.',
  'save.saved': 'Saved',
  'save.pending': 'Edited…',
  'save.saving': 'Saving…',
  'save.error': 'Saving failed: your text is kept; trying again soon',
  'save.quota':
    'No room left to save: your text is kept in this browser and will be saved as soon as space is freed (empty the trash, delete old drafts).',
  'conflict.heading': 'Changed elsewhere at the same time',
  'conflict.region': 'Changed elsewhere at the same time: “{title}”',
  'conflict.intro':
    'These fields were changed in another window while you were writing. Choose which version to keep: nothing is lost until you choose.',
  'conflict.mine': 'Your version',
  'conflict.theirs': 'The other version',
  'conflict.introDesk':
    '“{title}” was changed on the shared desk by {name} while you were writing. Choose the version to keep for each field: nothing is lost until you choose.',
  'conflict.introDeskAnon':
    '“{title}” was changed on the shared desk by another member of the newsroom while you were writing. Choose the version to keep for each field: nothing is lost until you choose.',
  'conflict.theirsBy': '{name}’s version',
  'conflict.keepMine': 'Keep mine',
  'conflict.field.note': 'Shared note',
  'conflict.field.intro': 'Intro',
  'conflict.field.issueTitle': 'Issue title',
  'conflict.field.issueId': 'Issue',
  'conflict.field.sortKey': 'Place in the issue',
  'conflict.field.createdAt': 'Created',
  'conflict.field.trashed': 'Trash',
  'conflict.field.issueTrashed': 'Issue deleted',
  'conflict.field.exportedAt': 'Exported',
  'conflict.field.wordpress': 'WordPress post',
  'conflict.value.dateTime': '{date} at {time}',
  'conflict.value.trashed': 'In the trash',
  'conflict.value.notTrashed': 'Not in the trash',
  'conflict.value.issueTrashed': 'Deleted',
  'conflict.value.issueKept': 'Kept',
  'conflict.value.unknownIssue': 'An issue this browser does not have',
  'conflict.value.listSeparator': '; ',
  'conflict.value.inIssue': '{issue}, {place}',
  'conflict.value.place': 'position {position} of {total}',
  'conflict.value.placeFirst': 'position 1 of {total}',
  'conflict.value.post': '{published} ({link})',
  'conflict.keepMineNamed': 'Keep mine: {field}',
  'conflict.takeTheirs': 'Take the other',
  'conflict.takeTheirsNamed': 'Take the other: {field}',
  'conflict.keepBoth': 'Keep both',
  'conflict.keepBothNamed': 'Keep both versions: {field}',
  'conflict.keepBothHint':
    'Your paragraphs, then those the other version has besides: to read over afterwards.',
  'conflict.empty': '(empty)',
  'conflict.style': 'same words, here {changes}',
  'conflict.style.bold': 'bold',
  'conflict.style.notBold': 'not bold',
  'conflict.style.italic': 'italic',
  'conflict.style.notItalic': 'not italic',
  'conflict.style.link': 'with a link',
  'conflict.style.noLink': 'without a link',
  'conflict.style.otherLink': 'with a link to another address',
  'conflict.style.lang': 'in {language}',
  'conflict.style.textLang': 'in the text’s language',
  // Code (words in no language, `zxx`): not a language to an editor (see itemDiff.ts).
  'conflict.style.code': 'marked as code',
  'conflict.style.notCode': 'not marked as code',
  'conflict.style.paragraph': 'in a paragraph',
  'conflict.style.bulleted': 'in a bulleted list',
  'conflict.style.numbered': 'in a numbered list',
  'conflict.style.joined': 'run on from the words before',
  'conflict.style.newLine': 'after a line break',
  'conflict.style.newParagraph': 'in a new paragraph',
  'conflict.style.newEntry': 'in a new list entry',
  'conflict.linkTo': 'link to',
  'conflict.keys':
    'Tab to reach the formatting changes, ←/→ to move between them, Esc to hide what they say',
  'conflict.updating': 'Updating the comparison…',
  'editor.heading': 'Draft',
  'editor.gone': 'This draft no longer exists.',
  'editor.trashedBy':
    '{name} put this draft in the trash, where it will be deleted after 30 days. What you type here is still saved with it; restore it to keep it among the drafts.',
  'editor.trashedElsewhere':
    'This draft was put in the trash elsewhere, where it will be deleted after 30 days. What you type here is still saved with it; restore it to keep it among the drafts.',
  'editor.trashedByYou':
    'You put this draft in the trash, where it will be deleted after 30 days. What you type here is still saved with it; restore it to keep it among the drafts.',
  'editor.restore': 'Restore it to the drafts',
  'editor.mergedBy':
    '{name} merged this draft into “{title}”. It is in the trash, where it will be deleted after 30 days.',
  'editor.mergedElsewhere':
    'This draft was merged into “{title}” elsewhere. It is in the trash, where it will be deleted after 30 days.',
  'editor.mergedByTrashed':
    '{name} merged this draft into “{title}”, which is in the trash too. Both will be deleted there after 30 days; restore “{title}” to the drafts to keep the merged text.',
  'editor.mergedElsewhereTrashed':
    'This draft was merged into “{title}” elsewhere, which is in the trash too. Both will be deleted there after 30 days; restore “{title}” to the drafts to keep the merged text.',
  'editor.mergedByPending':
    '{name} merged this draft into another draft that has not reached this browser yet: you can open it from here as soon as it does. This one is in the trash, where it will be deleted after 30 days.',
  'editor.mergedElsewherePending':
    'This draft was merged elsewhere into another draft that has not reached this browser yet: you can open it from here as soon as it does. This one is in the trash, where it will be deleted after 30 days.',
  'editor.mergedByGone':
    '{name} merged this draft into another draft, which has since been deleted from the shared desk. This one is in the trash, where it will be deleted after 30 days; restore it to the drafts to keep what it says.',
  'editor.mergedElsewhereGone':
    'This draft was merged elsewhere into another draft, which has since been deleted from the shared desk. This one is in the trash, where it will be deleted after 30 days; restore it to the drafts to keep what it says.',
  'editor.mergedByYou':
    'You merged this draft into “{title}”. It is in the trash, where it will be deleted after 30 days.',
  'editor.mergedByYouTrashed':
    'You merged this draft into “{title}”, which is in the trash too. Both will be deleted there after 30 days; restore “{title}” to the drafts to keep the merged text.',
  'editor.mergedByYouPending':
    'You merged this draft into another draft that has not reached this browser yet: you can open it from here as soon as it does. This one is in the trash, where it will be deleted after 30 days.',
  'editor.mergedByYouGone':
    'You merged this draft into another draft, which has since been deleted from the shared desk. This one is in the trash, where it will be deleted after 30 days; restore it to the drafts to keep what it says.',
  'editor.inTrashReason': 'It is in the trash: restore it first.',
  'editor.status': 'Status',
  'editor.label': 'Label',
  'editor.labelHelp': 'The item’s name in the issue list. Empty: its first words.',
  'editor.title': 'Draft title',
  'editor.pasteCut':
    'This field takes at most {max} characters: the end of the pasted text was not kept.',
  'editor.titleLong':
    'This title, {length} characters long, is shown cut to {max}: it stays whole as long as you do not change it; changed, it will be what the field shows.',
  'editor.labelLong':
    'This label, {length} characters long, is shown cut to {max}: it stays whole as long as you do not change it; changed, it will be what the field shows.',
  'editor.sourceLong':
    'This field, {length} characters long, is shown cut to {max}: it stays whole as long as you do not change it; changed, it will be what the field shows.',
  'editor.body': 'Item text',
  'editor.quotes': 'Quotes',
  'editor.insertQuote': 'Insert',
  'editor.sources': 'Sources',
  'editor.sourceUrl': 'Source address',
  'editor.sourceUrlInvalid': 'Not a valid address: it must start with https:// or http://.',
  'editor.sourceTitle': 'Source title',
  'editor.sourceSite': 'Site',
  'editor.addSource': 'Add a source',
  'editor.removeSource': 'Remove the source “{title}”',
  'editor.removeEmptySource': 'Remove the empty source',
  'editor.sourceRemoved': 'Source “{title}” removed.',
  'editor.emptySourceRemoved': 'Empty source removed.',
  'editor.tags': 'Tags',
  'editor.addTag': 'Add a tag',
  'editor.removeTag': 'Remove the tag {tag}',
  'editor.tagRemoved': 'Tag {tag} removed.',
  'editor.tagsMore': {
    one: 'And {count} more tag, not shown here: it stays as it is.',
    other: 'And {count} more tags, not shown here: they stay as they are.',
  },
  'editor.tagCut':
    'A tag takes at most {max} characters: the end of the tag you typed was not kept.',
  'editor.tagsFull': {
    one: 'A draft takes at most {max} tags: {count} tag you typed was not added.',
    other: 'A draft takes at most {max} tags: {count} of the tags you typed were not added.',
  },
  'editor.tagHidden': 'The tag “{tag}” is already on this draft, among those not shown here.',
  'editor.note': 'Private note (never exported)',
  'editor.noteShared': 'Shared note (never exported)',
  'editor.toolbar': 'Formatting',
  /** The bold button's letter, as word processors in this language show it. */
  'editor.boldLetter': 'B',
  'editor.bold': 'Bold ({key})',
  'editor.italic': 'Italic ({key})',
  'editor.link': 'Link ({key})',
  'editor.linkShort': 'Link',
  /** The lists' buttons (after « Link »): their names with their shortcut. */
  'editor.bulletList': 'Bulleted list ({key})',
  'editor.numberedList': 'Numbered list ({key})',
  /** What both show after their mark (• or 1., theme.css): the word in both their names. */
  'editor.listShort': 'List',
  /** The Shift key as this language's keyboards name it, in a shortcut (Ctrl+Shift+8). */
  'editor.shiftKey': 'Shift',
  'editor.linkUrl': 'Link address',
  'editor.linkApply': 'Link',
  'editor.linkSearch': 'Source, title or https://… address',
  'editor.linkSuggestions': 'Suggested links',
  'link.kind.source': 'Source',
  'link.kind.quote': 'Quote',
  'link.kind.item': 'Item',
  'link.group.draft': 'Sources',
  'link.group.issue': 'In this issue',
  'link.group.site': 'Posts on the site',
  'link.site.untitled': '(untitled post)',
  'link.site.loading': 'Loading the site’s posts…',
  'link.site.searching': 'Searching the site’s posts…',
  'link.site.stale': '{reason}: last known posts, listed on {date}.',
  'link.site.none': '{reason}: the site’s posts are unavailable.',
  'link.site.reason.offline': 'Offline',
  'link.site.reason.timeout': 'The site takes too long to answer',
  'link.site.reason.unreachable': 'The site does not answer',
  'link.site.reason.credentials': 'WordPress refuses the user name or application password',
  'link.site.reason.permission':
    'Access to the site not allowed yet (“Test connection” in the settings)',
  'link.site.reason.other': 'WordPress did not give its posts',
  'editor.dragSource': 'Drag onto selected words to link them to “{title}”',
  'editor.insertQuoteBlock': 'As a paragraph',
  'editor.insertQuoteBlockNamed': 'Insert the quote as a paragraph of its own',
  'editor.insertQuoteNamed': 'Insert “{words}”',
  'editor.insertQuoteBlockWords': 'As a paragraph: “{words}”',
  'editor.insertQuoteNamedNth': 'Insert “{words}” (passage {n})',
  'editor.insertQuoteBlockWordsNth': 'As a paragraph: “{words}” (passage {n})',
  'editor.linkInvalid': 'Not a valid address: it must start with https://, http:// or mailto:.',
  'editor.addToIssue': 'Add to issue',
  'editor.removeFromIssue': 'Remove from issue',
  'editor.mergeInto': 'Merge into…',
  'merge.failed': 'The merge failed.',
  'merge.byYou': 'you',
  'merge.heading': 'Merge into which draft?',
  'twin.other': '{name} also has a draft of this page.',
  'twin.otherAnon': 'Another member of the newsroom also has a draft of this page.',
  'twin.mine': 'You also have a draft of this page.',
  'twin.open': 'Open the other draft',
  'twin.openNamed': 'Open the other draft of this page, “{title}”',
  'twin.merge': 'Merge it into this one',
  'undo.merged': 'Merged into “{title}”.',
  'undo.mergedSameTitle': '“{title}” ({from}) merged into “{title}” ({into}).',
  'time.dayAt': '{day} at {time}',
  'undo.conflictTheirs': 'You took the other version of “{title}”.',
  'undo.conflictTheirsBy': 'You took {name}’s version of “{title}”.',
  'undo.conflictsTheirs': 'You took the other versions in {records}.',
  'undo.conflictKept':
    'Choice undone. What you wrote since in “{title}” stays as it is ({fields}): your earlier version was not put back there.',
  'undo.conflictKeptMany':
    'Choices undone. What you wrote since in “{title}” and {others|other|others} stays as it is: your earlier versions were not put back there.',
  'undo.conflictBoth':
    'Choice undone. What you wrote since and your earlier version are both in “{title}” ({both}): read it over.',
  'undo.conflictBothKept':
    'Choice undone. What you wrote since and your earlier version are both in “{title}” ({both}): read it over. Elsewhere, what you wrote since stays as it is ({fields}): your earlier version was not put back there.',
  'undo.conflictBothMany':
    'Choices undone. What you wrote since and your earlier versions are both in “{title}” and {others|other|others}: read them over.',
  'undo.conflictBothKeptMany':
    'Choices undone. What you wrote since and your earlier versions are both in the texts of “{title}” and {others|other|others}: read them over. Elsewhere, what you wrote since stays as it is: your earlier versions were not put back there.',
  'undo.draftDeleted': '“{title}” was deleted.',
  'undo.issueDeleted': '“{title}” was deleted; its items went back to the drafts.',
  'undo.removed': '“{title}” removed from the issue.',
  'undo.moved': '“{title}” moved to “{issue}”.',
  'undo.removedMany': '{count} items removed from the issue.',
  'counts.item': '{words|word|words}, {chars|character|characters}',
  'counts.issue': '{items|item|items} · {words|word|words} · {chars} / {budget} characters',
  'counts.issueNoBudget': '{items|item|items} · {words|word|words} · {chars|character|characters}',
  'counts.over': '{chars|character|characters} too many',
  'checks.count': {
    one: '{count} thing to check',
    other: '{count} things to check',
  },
  'checks.empty-text': 'Empty text',
  'checks.no-source': 'No link to a source',
  'checks.duplicate-source': 'Source already used by “{title}” in this issue',
  'checks.already-exported': 'Source already published in “{issue}”',
  'issue.heading': 'Issue',
  'issue.pick': 'Current issue',
  'issue.none': 'No issue chosen',
  'issue.pickHint': 'Pick or create an issue.',
  'issue.pickHintOnly': 'Pick an issue.',
  'issue.new': 'New issue',
  'issue.newStarted': 'New issue (started)',
  'issue.startedKept': 'New issue kept as you left it: “+ New issue (started)” brings it back.',
  'issue.startedResumed': 'Back as you left it.',
  'issue.startOver': 'Start over',
  'issue.create': 'Create the issue',
  'issue.title': 'Title',
  'issue.date': 'Date',
  'issue.intro': 'Intro (optional)',
  'issue.noBudget': 'none',
  'issue.badBudget': 'A whole number of characters, at least 1, or nothing for no target length.',
  'issue.budget': 'Target length (characters)',
  'issue.items': 'Items of the issue',
  'issue.empty': 'No items: add drafts from the list, or drop them here.',
  'issue.emptyRefused': 'No items in this issue yet.',
  'issue.remove': 'Remove',
  'issue.removeNamed': 'Remove “{title}” from the issue',
  'issue.moveToNamed': 'Move “{title}” to another issue',
  'issue.settings': 'Title, date, intro and target length',
  'issue.moveTo': 'Move to…',
  'issue.move': 'Move',
  'issue.moveNamed': 'Move “{title}” to “{issue}”',
  'issue.moveFailed': '“{title}” could not be moved to “{issue}”.',
  'issue.preview': 'Preview',
  'issue.delete': 'Delete the issue',
  'issue.dateTaken': 'An issue of that date exists already: “{title}”.',
  'issue.badDate': 'Correct the date (dd/mm/yyyy) to create the issue.',
  'date.placeholder': 'dd/mm/yyyy',
  'date.help': 'dd/mm/yyyy or “15 March 2021”; ↑ and ↓ change the day.',
  'date.empty': 'Enter a date, for example 15/03/2021.',
  'date.format': 'Unreadable date: “{text}”. Type dd/mm/yyyy, for example 15/03/2021.',
  'date.impossible': 'That day does not exist: “{text}”.',
  'issue.titleAfterDate': 'The title follows the date',
  'issue.noTitle': 'Give the issue a title to create it.',
  'issue.status.open': 'open',
  'issue.status.exported': 'exported',
  'issue.status.published': 'sent',
  'issue.sentBy': 'sent by {name} on {date}',
  'issue.sentByYou': 'sent by you on {date}',
  'issue.sentOn': 'sent on {date}',
  'reorder.help':
    'Up and Down arrows (or j and k): next or previous item; Enter opens it; Alt+Up or Down arrow moves it; or drag it.',
  // A role that may not order the issue (shared desk): moving is left out.
  'reorder.helpLocked': 'Up and Down arrows (or j and k): next or previous item; Enter opens it.',
  'reorder.moved': '“{title}” moved to position {position} of {total}.',
  // A draft dropped from the inbox, said as « + Au numéro » says it (drafts.added), with its place.
  'reorder.added': '“{title}” added to the issue at position {position} of {total}.',
  // The same, a draft of another issue taken from it (said in the undo bar, which can put it back).
  'reorder.addedFrom':
    '“{title}” moved from “{issue}” to this issue, at position {position} of {total}.',
  'reorder.itemLabel': '{title}, position {position} of {total}',
  'reorder.up': 'Move “{title}” up',
  'reorder.down': 'Move “{title}” down',
  'export.heading': 'Export',
  'export.copy': 'Copy the issue',
  'export.download': 'Download',
  'export.format': 'Format',
  'export.copyWhat': 'As in the preview, to paste into an email or an editor.',
  'export.file': 'Download a file',
  'export.format.wordpress': 'WordPress (blocks)',
  'export.format.html': 'HTML',
  'export.format.markdown': 'Markdown',
  'export.format.text': 'Text (e-mail)',
  'export.format.json': 'JSON',
  'export.copied': 'Issue copied (rich text and plain text).',
  'export.downloaded': 'File {filename} downloaded.',
  'export.failed': 'Export failed.',
  'export.copyRefused': 'The browser refused to copy: download the file instead.',
  'export.checksPending': {
    one: '{count} thing to check before export.',
    other: '{count} things to check before export.',
  },
  'options.heading': 'Indiscrets settings',
  'options.pageTitle': 'Indiscrets — settings',
  'options.language': 'Interface language',
  'options.languageAuto': 'The browser’s',
  'options.languageUnsaved':
    'Changes on this page are not saved: changing the language reloads the page, and they would be lost.',
  'options.languageStay': 'Keep the language and the changes',
  'options.languageLeave': 'Change the language without saving them',
  'options.houseStyle': 'House style',
  'options.titlePattern': 'Title pattern',
  'options.titlePatternHelp': '{date} = “{example}”, also {day}, {month}, {year}, {longdate}.',
  /** The title the pattern gives, quoted as the interface's language quotes. */
  'options.titlePatternSample': '→ “{title}”',
  'options.opener': 'Opener of each item',
  'options.credit': 'Source credit',
  'options.credit.parenthesis': 'In parentheses: (Bloomberg)',
  'options.credit.via': '“— via Bloomberg”',
  'options.credit.none': 'None (links are in the text)',
  'options.intro': 'Default intro',
  'options.outro': 'Closing paragraph',
  'options.exportLocale': 'Language of exports',
  'options.typography': 'French typography (no-break spaces, apostrophes)',
  'options.save': 'Save',
  'options.unsaved': 'Unsaved changes.',
  'options.conflict':
    'This setting was changed elsewhere while you were editing it (a restore, another tab): your changes are not saved. Which to keep?',
  'options.cardQuoted': '“{card}”',
  /** Which cards ask their question (options' ConflictsSaid), said once for all of them. */
  'options.conflictsSaid': {
    one: 'The {cards} card asks which to keep: its setting was changed elsewhere while you were editing it.',
    other:
      'The {cards} cards each ask which to keep: their settings were changed elsewhere while you were editing them.',
  },
  'options.conflictKeepMine': 'Save mine',
  'options.conflictTake': 'Use the saved version',
  'options.saved': 'Saved.',
  'options.reset': 'Restore the default template',
  'options.patternEmpty': 'The title pattern is empty.',
  'options.template': 'Template of new drafts',
  'options.templateLabel': 'Starting text (HTML: <p>, <strong>, <em>, <a>, a <ul> or <ol> list)',
  'options.templateHelp':
    '{quote} the quote in quotation marks, {source} the link to the source, {link}, {title}, {site}, {byline}, {url}.',
  'publish.heading': 'Publish',
  'publish.notConfigured': 'To publish to WordPress, set the site up in {settings}.',
  'publish.create': 'Publish to WordPress (draft)',
  'publish.update': 'Update the WordPress post',
  'publish.working': 'Publishing…',
  'publish.postLink': 'Post #{id}',
  'publish.by': 'Published by {name} on {date} at {time}',
  'publish.byYou': 'Published by you on {date} at {time}',
  'publish.on': 'Published on {date} at {time}',
  'publish.updatedBy': 'Updated by {name} on {date} at {time}',
  'publish.updatedByYou': 'Updated by you on {date} at {time}',
  'publish.updatedOn': 'Updated on {date} at {time}',
  'publish.viewPost': 'view the post',
  'publish.stale': 'Changed since: the WordPress post is out of date.',
  'publish.editedInWordPress':
    'Post changed in WordPress on {date} at {time}, after it was last published: updating it would overwrite those changes.',
  'publish.editedUnsure':
    'Post changed on {date} at {time}, after it was last published here: in WordPress, or by a colleague (the shared desk could not be read). Updating it would overwrite those changes.',
  'publish.editedSee': 'See those changes in WordPress',
  'publish.created': 'Post created in WordPress.',
  'publish.updated': 'Post updated in WordPress.',
  'publish.edit': 'Open it in WordPress',
  'publish.overwrite': 'Overwrite the WordPress version',
  'publish.createNew': 'Create a new post',
  'publish.createPending': 'Publish to WordPress (pending review)',
  'publish.failed':
    'Publishing did not complete: Indiscrets got no answer. Nothing was lost; try again.',
  'publish.dismiss': 'Close',
  'publish.locked.one':
    '{name} is editing “{title}” right now: what is still being written there will not be in the post.',
  'publish.locked.issue':
    '{name} is editing the issue’s title or intro right now: what is still being written there will not be in the post.',
  'publish.locked.many':
    '{name} is editing {count|item|items} of the issue right now: what is still being written there will not be in the post.',
  'publish.locked.others':
    '{names} are editing {count|item|items} of the issue right now: what is still being written there will not be in the post.',
  'publish.locked.anyway': 'Publish anyway',
  'publish.locked.wait': 'Wait',
  'wp.help':
    'Create an application password in WordPress (5.6 or later): Users › Profile › Application Passwords.',
  'wp.siteUrl': 'Site address',
  /** An address the field shows empty: a site of the editor's language. */
  'wp.siteUrlPlaceholder': 'https://www.example.com',
  'wp.siteUrlHelp':
    'With https:// (http for localhost only). Indiscrets will ask for access to this site only.',
  'wp.username': 'WordPress user name',
  'wp.appPassword': 'Application password',
  'wp.appPasswordHelp': 'Kept in this browser only; never exported or backed up.',
  'wp.category': 'Category (created when missing)',
  'wp.status': 'Status of created posts',
  'wp.status.draft': 'Draft',
  'wp.status.pending': 'Pending review',
  'wp.test': 'Test connection',
  'wp.testing': 'Checking…',
  'wp.testCancelled': 'Check cancelled: the settings are saved, the connection was not tested.',
  'wp.ok': 'Connected to “{site}” as {user}.',
  'wp.okContributor':
    'Connected to “{site}” as {user}: this account can create drafts but not publish.',
  'wp.saveFailed': 'The WordPress settings could not be saved. Try again.',
  'wp.permissionRefused': 'Without permission to reach {origin}, Indiscrets cannot publish.',
  'backup.heading': 'Backup',
  'backup.help':
    'Everything you wrote in this browser (drafts, trash included, issues and settings) in one JSON file to keep somewhere safe. The WordPress password is never in it.',
  'backup.download': 'Download a backup',
  'backup.restore': 'Restore a backup…',
  'backup.fileLabel': 'Backup file to restore',
  'backup.downloaded': 'Downloaded {filename}: {clips|draft|drafts}, {issues|issue|issues}.',
  'backup.downloadFailed': 'The backup could not be made.',
  'backup.reading': 'Reading the file…',
  'backup.chosen': 'File “{name}”',
  'backup.madeOn': 'Backup of {date} at {time}',
  'backup.undated': 'Undated backup',
  'backup.newerSchema':
    'This backup comes from a newer version of Indiscrets: what this version does not know yet will not be restored from it. To keep everything, update the extension before restoring.',
  'backup.contents': '{clips}, {issues}.',
  'backup.contentsAndSettings': '{clips}, {issues} and the settings.',
  'backup.issueCount': {
    one: '{count} issue',
    other: '{count} issues',
  },
  'backup.trashed': '{count} of them in the trash',
  'backup.settingsFailed':
    'The settings, however, could not be restored: none changed here. To get them back, restore this backup again with its settings, with “Merge”: nothing here is lost.',
  'backup.settingsFailedAccount':
    'The settings, however, could not be restored: none changed here, neither the WordPress account nor its password. To get them back, restore this backup again with its settings, with “Merge”: nothing here is lost.',
  'backup.settingsPartly': 'The settings were only partly restored.',
  'backup.settingsWritten': { one: 'Restored: {names}.', other: 'Restored: {names}.' },
  'backup.settingsMissing': {
    one: 'Not restored: {names}; nothing of it changed here. To get it back, restore this backup again with its settings, with “Merge”: nothing here is lost.',
    other:
      'Not restored: {names}; nothing of them changed here. To get them back, restore this backup again with its settings, with “Merge”: nothing here is lost.',
  },
  'backup.partlyAccountKept':
    'The backup’s WordPress account (“{username}”) was not taken: this browser keeps its own, with its password.',
  'backup.partlyPasswordKept': 'This browser’s WordPress password did not change.',
  'backup.typedKept':
    'The page was not reloaded, to keep the unsaved changes of other cards: where the restore changed a setting you were editing, its card asks which to keep.',
  'backup.reloadForLanguage': 'The restored language will show once the page is reloaded.',
  'backup.settingsCheckFailed':
    'Settings restored; only the check of the current issue, which follows, failed: if it no longer exists, choose another in the “Issue” tab.',
  'backup.setting.houseStyle': 'the house style',
  'backup.setting.draftTemplate': 'the draft template',
  'backup.setting.uiLocale': 'the language',
  'backup.setting.characterKeys': 'the single-key shortcuts',
  'backup.setting.wordpress': 'the WordPress settings',
  'backup.setting.currentIssueId': 'the current issue',
  'backup.withSettings': 'Restore the settings too',
  'backup.withSettingsHelp':
    'House style, draft template, language and WordPress; never the password, which stays this browser’s.',
  'backup.noSettings': 'This file holds no settings.',
  'backup.merge': 'Merge',
  'backup.mergeHelp':
    'Merging adds what is missing here. A draft or an issue found on both sides keeps its most recent version: nothing here is lost.',
  'backup.replace': 'Replace everything…',
  'backup.replaceConfirm':
    'This browser has {clips|draft|drafts} and {issues|issue|issues}. Replacing everything deletes them, then writes the backup’s instead: whatever is only in this browser will be lost.',
  'backup.replaceConfirmEmpty':
    'This browser has {clips|draft|drafts} and {issues|issue|issues}. The backup has none: replacing everything deletes them and leaves this browser empty.',
  'backup.replaceDo': 'Yes, replace everything',
  'backup.replaceShared':
    'On the shared desk, replacing everything would trash or rewrite drafts of the whole team: use “Merge”, which keeps the most recent version of each.',
  'backup.replaceLeavesDesk':
    'You left the shared desk: replacing everything also makes this browser forget what it knew of it, and turning it on again joins it as a new browser would. Nothing you delete here will be trashed there; what the backup lacks will come back from it; a draft or issue the desk changed since will not be written over: you will choose which version to keep.',
  'backup.replaceLeftMeanwhile':
    'Meanwhile, this browser left the shared desk: read again what “Replace everything…” will now do.',
  'backup.saveFirst': 'Back up this browser first',
  'backup.restoring': 'Restoring…',
  'backup.phase.parse': 'Reading the backup…',
  'backup.phase.check': 'Checking the backup…',
  'backup.phase.prepare': 'Preparing the drafts…',
  'backup.phase.compare': 'Comparing with this browser…',
  'backup.phase.write': 'Restoring…',
  'backup.progress.parse': 'Reading the backup… {percent}%',
  'backup.progress.check': 'Checking the backup… {done} of {total} drafts',
  'backup.progress.prepare': 'Preparing the drafts… {done} of {total}',
  'backup.progress.compare': 'Comparing with this browser… {done} of {total} drafts',
  'backup.progress.write': 'Restoring… {done} of {total} drafts',
  'backup.count.percent': '{percent}%',
  'backup.count.drafts': '{done} of {total} drafts',
  'backup.progressLabel': 'Progress',
  'backup.stopReading': 'Stop reading',
  'backup.readCancelled': 'Reading cancelled: no backup chosen, nothing was changed.',
  'backup.restoreCancelled': 'Restore cancelled: nothing was changed.',
  'backup.merged':
    'Backup merged: {added|draft added|drafts added}, {updated|updated|updated}, {kept|kept|kept}; {issuesAdded|issue added|issues added}, {issuesUpdated|updated|updated}, {issuesKept|kept|kept}.',
  'backup.keptHelp': 'Kept: this browser had a version as recent or more recent.',
  'backup.replaced':
    'Everything was replaced by the backup: {clips|draft|drafts} and {issues|issue|issues}.',
  'backup.copied': {
    one: '{count} draft or issue of the backup, changed at the same moment as here but differently, was added as a copy beside yours.',
    other:
      '{count} drafts or issues of the backup, changed at the same moment as here but differently, were added as copies beside yours.',
  },
  'backup.movedToInbox': {
    one: '{count} draft whose issue no longer exists is back in the inbox.',
    other: '{count} drafts whose issue no longer exists are back in the inbox.',
  },
  'backup.settingsRestored': 'Settings restored; the WordPress password did not change.',
  'backup.settingsRestoredAccountKept':
    'Settings restored, except the backup’s WordPress account (“{username}”): this browser keeps its own, with its password.',
  'backup.siteToAllow':
    'The restored WordPress site ({site}) is not allowed in this browser yet: open the WordPress settings and click “Test connection” to allow it.',
  'backup.openWordPress': 'Open the WordPress settings',
  'backup.failed': 'The restore failed and nothing was changed.',
  'backup.unchanged': 'Nothing was changed.',
  'backup.error.empty': 'This file is empty: it is not an Indiscrets backup.',
  'backup.error.not-json':
    'This file is not an Indiscrets backup: it is not readable JSON (a truncated file, or another kind).',
  'backup.error.not-backup': 'This file is not an Indiscrets backup.',
  'backup.error.invalid-version': 'This backup gives no readable format version.',
  'backup.error.newer-version':
    'This backup comes from a newer version of Indiscrets (format {version}): update the extension to restore it.',
  'backup.error.missing-list': 'The backup is incomplete: the list of {list} is missing.',
  'backup.error.invalid-record': '{record} cannot be read.',
  'backup.error.missing-field': '{record} has no {field} field.',
  'backup.error.invalid-field': '{record} has an invalid {field} field.',
  'backup.error.duplicate-id': '{record} has the same id as another ({id}).',
  'backup.error.invalid-setting': 'The {field} setting of the backup is invalid.',
  'backup.list.clips': 'drafts',
  'backup.list.issues': 'issues',
  'backup.record.clips': 'Draft no. {position} of the backup',
  'backup.record.issues': 'Issue no. {position} of the backup',
  'backup.record.titled': '{record} (“{title}”)',
  'backup.record.file': 'The backup',
  'backup.field': '“{label}” ({field})',
  /** A field the backup names by its path alone (no label for it): quoted as the language quotes. */
  'backup.fieldPath': '“{field}”',
  'backup.field.id': 'id',
  'backup.field.url': 'address',
  'backup.field.title': 'title',
  'backup.field.createdAt': 'creation date',
  'backup.field.updatedAt': 'modification date',
  'backup.field.deletedAt': 'date put in the trash',
  'backup.field.date': 'date',
  'backup.field.body': 'text',
  'backup.field.sources': 'sources',
  'backup.field.quotes': 'quotes',
  'backup.field.tags': 'tags',
  'backup.field.note': 'note',
  'backup.field.status': 'status',
  'backup.field.issueId': 'issue',
  'backup.field.lengthBudget': 'length budget',
  'shared.settings.heading': 'Shared desk',
  'shared.settings.help':
    'Share drafts and issues with the whole newsroom through your WordPress: everyone clips, writes and fills the same issue, even offline.',
  'shared.role.administrator': 'Administrator',
  'shared.role.editor': 'Editor',
  'shared.role.author': 'Author',
  'shared.role.contributor': 'Contributor',
  'shared.role.subscriber': 'Subscriber',
  'shared.probe.checking': 'Checking the site…',
  'shared.probe.ok': 'The site {site} hosts the shared desk (Indiscrets plugin {version}).',
  'shared.probe.retry': 'Check again',
  'shared.probe.noSettings':
    'First set up the WordPress connection above (address, user name, application password).',
  'shared.probe.noPermission':
    'Indiscrets is not yet allowed to reach this site: click “Test connection” above.',
  'shared.probe.offline':
    'You are offline: the shared desk will be checked when the network is back.',
  'shared.probe.timeout': 'The site did not answer in time. Try again in a moment.',
  'shared.probe.unreachable': 'The site cannot be reached. Check its address and your connection.',
  'shared.probe.wrongCredentials':
    'WordPress refuses the user name or application password (401). Correct them above.',
  'shared.probe.forbidden':
    'Your WordPress account has no access to the shared desk (403): it takes at least the {role} role. Ask a site administrator for it.',
  'shared.probe.noPlugin':
    'The “Indiscrets” WordPress plugin is not installed (or not active) on this site: the shared desk needs it.',
  'shared.probe.restRouteBlocked':
    'The site refuses the addresses of its REST API that use the “rest_route” parameter (a security plugin or a server rule), and Indiscrets finds that API nowhere else in the site’s folder (neither at /wp-json/ nor at a one-level prefix such as /api/): the shared desk cannot work there. Ask the site’s administrator to allow the “rest_route” parameter (reads and writes), or to keep the REST API at /wp-json/.',
  'shared.probe.cancelled': 'The check was interrupted.',
  'shared.probe.httpError': 'The site answered with an error ({status}). Try again later.',
  'shared.probe.unexpected': 'Checking the site failed. Try again.',
  'shared.rights.editor':
    'You are {role}: you can write every draft, order the issue and publish it.',
  'shared.rights.contributor':
    'You are {role}: you can suggest and write your own drafts; ordering the issue and publishing are up to an Editor.',
  'shared.rights.readOnly':
    'You are {role}: you can read the issue; writing drafts takes the Contributor role.',
  'shared.rights.none':
    'You are {role}: the shared desk takes at least the Contributor role, to read it as well as to write in it. Ask a site administrator for it.',
  'shared.rights.noRole':
    'Your account has no role on this site: the shared desk takes at least the Contributor role, to read it as well as to write in it. Ask a site administrator for it.',
  'shared.rights.custom': 'You have the “{name}” role on this site: you can {abilities}.',
  'shared.rights.customReadOnly':
    'You have the “{name}” role on this site: you can read the issue; writing drafts takes the rights of a Contributor.',
  'shared.rights.customNone':
    'You have the “{name}” role on this site, which gives no access to the shared desk: it takes at least the rights of a Contributor, to read it as well as to write in it. Ask a site administrator for them.',
  'shared.rights.customMany': 'You have the {names} roles on this site: you can {abilities}.',
  'shared.rights.customManyReadOnly':
    'You have the {names} roles on this site: you can read the issue; writing drafts takes the rights of a Contributor.',
  'shared.rights.customManyNone':
    'You have the {names} roles on this site, which give no access to the shared desk: it takes at least the rights of a Contributor, to read it as well as to write in it. Ask a site administrator for them.',
  'shared.ability.clip': 'suggest and write your own drafts',
  'shared.ability.editAll': 'write every draft',
  'shared.ability.editIssues': 'create and edit issues',
  'shared.ability.arrange': 'order the issue',
  'shared.ability.publish': 'publish the issue',
  'shared.ability.publishIt': 'publish it',
  'shared.plugin.download': 'Download the WordPress plugin (indiscrets-wordpress.zip)',
  'shared.plugin.step1':
    'A site administrator opens Plugins › Add New › Upload Plugin in WordPress.',
  'shared.plugin.step2': 'They choose this zip file, click “Install Now”, then “Activate”.',
  'shared.plugin.step3': 'Come back here and click “Check again”.',
  'shared.identity': '{name} ({role})',
  'shared.lock.draft':
    '{name} is editing this draft now: if you both change the same passage, whoever saves last will choose which version to keep (of a text, they may keep both).',
  'shared.note.share': 'Share the note with the newsroom',
  'shared.note.private': 'The note stays in this browser.',
  'shared.note.shared': 'The note is sent to the newsroom with the draft.',
  'shared.status.offline': 'Offline: your changes will be sent when the network is back',
  'shared.status.syncing': 'Syncing…',
  'shared.status.synced': 'Synced at {time}',
  'shared.status.syncedOn': 'Synced on {date} at {time}',
  'shared.status.lastSynced': 'last synced at {time}',
  'shared.status.lastSyncedOn': 'last synced on {date} at {time}',
  'shared.status.lastSyncedFirst': 'Last synced at {time}',
  'shared.status.lastSyncedOnFirst': 'Last synced on {date} at {time}',
  'shared.status.never': 'Not synced yet',
  'shared.status.pending': {
    one: '{count} change to send',
    other: '{count} changes to send',
  },
  'shared.status.stop': 'Stop',
  'shared.status.syncNow': 'Sync',
  'shared.progress.count': 'Preparing: {done} of {total}',
  'shared.progress.upload': 'Sending to the newsroom: {done} of {total}',
  'shared.progress.download': 'Receiving from the newsroom: {done} of {total}',
  'shared.error.offline': 'Offline: sync will resume when the network is back',
  'shared.error.unreachable': 'The site cannot be reached: retrying soon',
  'shared.error.timeout': 'The site did not answer in time: retrying soon',
  'shared.error.wrongCredentials':
    'WordPress refuses the application password (401): it may have been revoked; create another in WordPress and paste it in the settings',
  'shared.error.noPlugin': 'The “Indiscrets” WordPress plugin no longer answers on the site',
  'shared.error.forbidden': 'WordPress refuses access to the shared desk (403)',
  'shared.error.forbiddenNoRole':
    'Your account has no role on this site: the shared desk takes at least the Contributor role; ask a site administrator for it',
  'shared.error.blocked':
    'The site blocks the shared desk (a 403 refusal, most likely a security plugin or a firewall): your changes wait, trying again soon',
  'shared.error.restRouteBlocked':
    'The site refuses the addresses of its REST API with the “rest_route” parameter, and Indiscrets finds that API neither at /wp-json/ nor at a one-level prefix such as /api/: your changes wait. Ask the site’s administrator to allow the “rest_route” parameter (reads and writes), or to keep the REST API at /wp-json/',
  'shared.error.noSettings': 'WordPress settings incomplete',
  'shared.error.accountChanged':
    'The WordPress settings name another account or site than the shared desk’s: nothing is sent or received. Set the previous account again, or leave the shared desk and join it with this one',
  'shared.error.siteMoved':
    'The site now answers at another address than the one in the settings: test the connection in the settings to see it; your changes are waiting',
  'shared.error.writeRedirected':
    'The site’s server redirects requests that write to another address, though this WordPress does answer at the one in the settings: nothing was written; ask its administrator not to redirect writes to the REST API; your changes are waiting',
  'shared.error.serverError': 'The site answered with a server error: retrying soon',
  'shared.error.other': 'The last sync failed: retrying soon',
  'shared.refused':
    '“{title}”: {action} refused by WordPress, it takes the {role} role. Your change was undone.',
  'shared.refusedInIssue':
    '“{title}” was put in an issue meanwhile: taking it out, even through the trash, takes the {role} role. It stays there.',
  'shared.refusedOk': 'OK',
  'shared.refusedAlso': 'Your other changes were undone too: {fields}.',
  'shared.refusedWriting':
    'What you had written is now kept only in this notice: copy it before you close it.',
  'shared.refusedCopy': 'Copy what you had written',
  'shared.refusedCopied': 'Copied: paste it where you want to keep it.',
  'shared.refusedCopyFailed': 'The browser refused to copy: try again.',
  /** A field's name before its value, in what a refused change had written (to copy). */
  'shared.refusedField': '{field}:',
  'shared.action.create': 'sending',
  'shared.action.edit': 'editing',
  'shared.action.arrange': 'placing in the issue',
  'shared.action.trash': 'trashing',
  'shared.action.restore': 'restoring',
  'shared.action.publish': 'publishing',
  'shared.conflict.keptMine': 'You kept your version of “{title}”.',
  'shared.conflict.keptBoth': 'You kept both versions of “{title}”: read the text over.',
  'shared.conflict.failed': 'Your choice could not be saved. Try again.',
  'shared.conflict.settled':
    'The conflict on “{title}” was already settled: your choice changed nothing.',
  'shared.conflict.changed': '“{title}” changed again meanwhile: choose again.',
  'shared.conflict.gone': '“{title}” was deleted meanwhile: your choice changed nothing.',
  'shared.conflicts.more': {
    one: '{count} more conflict to settle',
    other: '{count} more conflicts to settle',
  },
  'shared.conflicts.showAll': 'Show all',
  'shared.conflicts.fold': 'Show fewer',
  'shared.conflicts.all': {
    one: 'Settle {count} conflict at once:',
    other: 'Settle all {count} conflicts at once:',
  },
  'shared.conflicts.keepAll': 'Keep all my versions',
  'shared.conflicts.takeAll': 'Take all the other versions',
  'shared.conflicts.drafts': '{count|draft|drafts}',
  'shared.conflicts.issues': '{count|issue|issues}',
  'shared.conflicts.both': '{drafts} and {issues}',
  'shared.conflicts.confirmTake':
    'Take the other versions of {fields|field|fields} in {records}? Your versions of these fields will be replaced; “Undo” brings them all back.',
  'shared.conflicts.confirmKeep':
    'Keep your versions of {fields|field|fields} in {records}? They will be sent to the newsroom in place of the others.',
  'shared.conflicts.deletionsApart': {
    one: '{count} issue another member of the newsroom deleted is not included: say above whether to keep it.',
    other:
      'The {count} issues other members of the newsroom deleted are not included: say above, for each, whether to keep it.',
  },
  'shared.conflicts.yesTake': 'Yes, take the other versions',
  'shared.conflicts.yesKeep': 'Yes, keep my versions',
  'shared.conflicts.no': 'Change nothing',
  'shared.conflicts.saving': 'Saving your choices…',
  'shared.conflicts.failed': 'Your choices could not be saved; nothing changed. Try again.',
  'shared.conflicts.keptMine': 'You kept your versions in {records}.',
  'shared.overridden': {
    one: '“{title}”: you changed a field at the same time as {name}, who kept their version: {fields}.',
    other:
      '“{title}”: you changed fields at the same time as {name}, who kept their version: {fields}.',
  },
  'shared.overriddenAnon': {
    one: '“{title}”: you changed a field at the same time as another member of the newsroom, who kept their version: {fields}.',
    other:
      '“{title}”: you changed fields at the same time as another member of the newsroom, who kept their version: {fields}.',
  },
  'shared.overriddenWriting':
    'Your version is now kept only in this notice: copy it before you close it.',
  'shared.merged':
    '“{title}”: {name} changed {fields} at the same time as you, but in other places; their changes were added to yours.',
  'shared.mergedAnon':
    '“{title}”: another member of the newsroom changed {fields} at the same time as you, but in other places; their changes were added to yours.',
  'shared.merged.body': 'the text',
  'shared.merged.intro': 'the intro',
  'shared.merged.note': 'the shared note',
  'shared.merged.both': '{first} and {second}',
  'shared.mergedOk': 'OK',
  'shared.issueBack':
    '{name} put the issue “{title}”, which had been deleted, back on the desk, with its items.',
  'shared.issueBackAnon':
    'Another member of the newsroom put the issue “{title}”, which had been deleted, back on the desk, with its items.',
  'shared.deleted.notice':
    '{name} deleted the issue “{title}”; you had changed it and not yet sent your changes: it is back on the desk, with your changes and its items.',
  'shared.deleted.noticeAnon':
    'Another member of the newsroom deleted the issue “{title}”; you had changed it and not yet sent your changes: it is back on the desk, with your changes and its items.',
  'shared.deleted.keep': 'Keep the issue',
  'shared.kept':
    'You had deleted the draft “{title}”, but {name} changed it in the meantime: it is kept.',
  'shared.keptAnon':
    'You had deleted the draft “{title}”, but another member of the newsroom changed it in the meantime: it is kept.',
  'shared.keptMerged':
    'You had merged the draft “{title}” into “{into}”, but {name} changed it in the meantime: it is kept.',
  'shared.keptMergedAnon':
    'You had merged the draft “{title}” into “{into}”, but another member of the newsroom changed it in the meantime: it is kept.',
  'shared.kept.keep': 'Keep it',
  'shared.kept.delete': 'Delete it anyway',
  'shared.deleted.deleteToo': 'Delete it too',
  'shared.takenOut.inbox': '{name} removed “{title}” from the issue.',
  'shared.takenOut.inboxAnon': '“{title}” was removed from the issue.',
  'shared.takenOut.issue': '{name} moved “{title}” to {to}.',
  'shared.takenOut.issueAnon': '“{title}” was moved to {to}.',
  'shared.takenOut.trash': '{name} put “{title}” in the trash.',
  'shared.takenOut.trashAnon': '“{title}” was put in the trash.',
  'shared.takenOut.merged': '{name} merged “{title}” into {into}.',
  'shared.takenOut.mergedAnon': '“{title}” was merged into {into}.',
  'shared.takenOut.deleted': '{name} deleted “{title}”.',
  'shared.takenOut.deletedAnon': '“{title}” was deleted.',
  'shared.takenOut.quoted': '“{title}”',
  'shared.takenOut.otherIssue': 'another issue',
  'shared.takenOut.otherDraft': 'another draft',
  'shared.takenOut.many': {
    one: '{name} removed {count} item from the issue:',
    other: '{name} removed {count} items from the issue:',
  },
  'shared.takenOut.manyAnon': {
    one: '{count} item was removed from the issue:',
    other: '{count} items were removed from the issue:',
  },
  'shared.takenOut.line.inbox': '“{title}”: back in the drafts',
  'shared.takenOut.line.issue': '“{title}”: moved to {to}',
  'shared.takenOut.line.trash': '“{title}”: in the trash',
  'shared.takenOut.line.merged': '“{title}”: merged into {into}',
  'shared.takenOut.line.deleted': '“{title}”: deleted',
  'shared.takenOut.lineBy': '{line}, by {name}',
  'shared.takenOut.open': 'Open',
  'shared.takenOut.openNamed': 'Open “{title}”',
  'shared.takenOut.issueDeleted': '{name} deleted the issue “{title}”.',
  'shared.takenOut.issueDeletedAnon': 'Another member of the newsroom deleted the issue “{title}”.',
  'shared.takenOut.issueDeletedItems': {
    one: '{count} item is back in the drafts.',
    other: 'Its {count} items are back in the drafts.',
  },
  'shared.switch.on': 'Turn on the shared desk',
  'shared.switch.counting': 'Counting…',
  'shared.switch.enabling': 'Turning on…',
  'shared.switch.confirm':
    'Send your {drafts|draft|drafts} and {issues|issue|issues} to the newsroom?',
  'shared.switch.confirmDraft': 'Send your draft to the newsroom?',
  'shared.switch.confirmDrafts': 'Send your {count} drafts to the newsroom?',
  'shared.switch.confirmIssue': 'Send your issue to the newsroom?',
  'shared.switch.confirmIssues': 'Send your {count} issues to the newsroom?',
  'shared.switch.confirmNothing':
    'Turn on the shared desk? This browser has nothing new to send it.',
  'shared.switch.confirmHelp':
    'The newsroom already has {drafts|draft|drafts} and {issues|issue|issues}: they will arrive in this browser.',
  'shared.switch.confirmHelpDraft':
    'The newsroom already has a draft: it will arrive in this browser.',
  'shared.switch.confirmHelpDrafts':
    'The newsroom already has {count} drafts: they will arrive in this browser.',
  'shared.switch.confirmHelpIssue':
    'The newsroom already has an issue: it will arrive in this browser.',
  'shared.switch.confirmHelpIssues':
    'The newsroom already has {count} issues: they will arrive in this browser.',
  'shared.switch.confirmHelpNothing': 'The newsroom has no drafts or issues yet.',
  'shared.switch.send': 'Send and turn on',
  'shared.switch.join': 'Turn on',
  'shared.switch.notNow': 'Not now',
  'shared.switch.progress': 'First sync',
  'shared.switch.cancel': 'Cancel',
  'shared.switch.off': 'Turn off the shared desk',
  'shared.switch.offHelp':
    'Turned off, the shared desk leaves all your drafts and issues in this browser, as they are.',
  'shared.switch.planFailed':
    'Could not count what would be sent. Check the connection and try again.',
  'shared.switch.failed': 'The change could not be made. Try again.',
  // Turning the desk on with the site not reached (the options, under the button), and the sync
  // line naming the address a moved site answers at.
  'shared.switch.offline':
    'You are offline: the shared desk was not turned on. Check the connection, then try again. Nothing was sent or lost: your drafts, issues and settings stay as they are.',
  'shared.switch.timeout':
    'The site did not answer in time: the shared desk was not turned on. Try again in a moment. Nothing was sent or lost: your drafts, issues and settings stay as they are.',
  'shared.switch.unreachable':
    'The site cannot be reached: the shared desk was not turned on. Check its address and your connection, then try again. Nothing was sent or lost: your drafts, issues and settings stay as they are.',
  'shared.error.siteMovedTo':
    'The site now answers at {address}: enter that address in “Site address” in the settings, then test the connection; your changes are waiting',
  'issue.createFailed': 'The issue could not be created.',
  'wp.error.bad_url':
    'Invalid site address. Enter the full address of your WordPress site, with its domain name and no spaces, e.g. https://www.example.com.',
  'wp.error.insecure_url':
    'The address must start with https:// (only localhost and 127.0.0.1 may use http).',
  'wp.error.missing_credentials': 'Enter the WordPress user name and the application password.',
  'wp.error.offline': 'No Internet connection. Try again once you are online.',
  'wp.error.unreachable': 'The site cannot be reached. Check the address and your connection.',
  'wp.error.timeout': 'The site did not answer in time. Try again in a moment.',
  'wp.error.cancelled': 'Operation cancelled.',
  'wp.error.not_wordpress':
    'This site does not look like WordPress (no WordPress REST API found at this address).',
  'wp.error.site_server_error':
    'The site answered with a server error (status {status}): it may be down for a moment. Try again later, or tell its administrator if it lasts.',
  'wp.error.rest_disabled':
    'The REST API of this WordPress site is disabled or blocked (often by a security plugin). Ask the administrator to allow it.',
  'wp.error.site_protected':
    'The site is protected by a server password (HTTP authentication), which Indiscrets cannot get through.',
  'wp.error.app_passwords_unavailable':
    'This WordPress site does not accept application passwords: they are turned off there (by a plugin or a setting). Ask the site’s administrator to allow them.',
  'wp.error.wrong_credentials':
    'User name or application password refused. Use an application password (Profile › Application Passwords), not your usual password.',
  'wp.error.site_moved':
    'This site answers at {address}: enter that address in “Site address”, then test the connection.',
  'wp.error.site_moved_unnamed':
    'This site now answers at another address than the one in the settings: test the connection in the settings to see it.',
  'wp.error.write_redirected':
    'The site’s server redirected the request to another address, though this WordPress does answer at the one in the settings: nothing was written, and no setting can change that. Ask the site’s administrator not to redirect requests that write to its REST API (POST, DELETE).',
  'wp.error.wrong_credentials_revoked':
    'WordPress refuses the application password (401): it may have been revoked; create another in WordPress and paste it in the settings.',
  // Credentials sent and answered as to an anonymous visitor (401): a wrong password, or a server
  // that drops the Authorization header before WordPress; nothing in the answer tells which.
  'wp.error.credentials_unseen':
    'WordPress answered as if no credentials had been sent (401). First check the user name and application password (Profile › Application Passwords, not your usual password). If they are right, the site’s server removes the identification before it reaches WordPress: your password is not at fault, and the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
  'wp.error.credentials_unseen_revoked':
    'WordPress no longer recognises your credentials (401): the application password may have been revoked (create another in WordPress and paste it in the settings), or the site’s server now removes the identification before it reaches WordPress (the site’s administrator or host can let it through: the HTTP_AUTHORIZATION rule in WordPress’s .htaccess, or a setting at the host).',
  'shared.probe.credentialsUnseen':
    'WordPress answered as if no credentials had been sent (401). Check the user name and application password above; if they are right, the site’s server removes the identification before it reaches WordPress: the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
  'link.site.reason.credentialsUnseen':
    'WordPress does not recognise the user name and application password (or the site’s server removes them on the way)',
  // The companion plugin saw no Authorization header: the server drops it.
  'link.site.reason.authHeaderDropped':
    'The site’s server removes the identification before it reaches WordPress',
  'shared.error.credentialsUnseen':
    'WordPress no longer recognises your credentials (401): the application password may have been revoked (create another in WordPress and paste it in the settings), or the site’s server now removes the identification before it reaches WordPress (the site’s administrator or host can let it through: the HTTP_AUTHORIZATION rule in WordPress’s .htaccess, or a setting at the host)',
  // Answered as to an anonymous visitor, and the companion plugin (0.1.9) says no Authorization
  // header reached PHP: the server drops it; the password is not in question.
  'wp.error.auth_header_dropped':
    'The site’s server removes the identification before it reaches WordPress (401): your application password is not at fault. The site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
  'shared.error.authHeaderDropped':
    'The site’s server removes the identification before it reaches WordPress (401): your password is not at fault; the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess, or a setting at the host)',
  'wp.error.cannot_create_posts':
    'This WordPress account may not create posts. Ask for a Contributor, Author or Editor role.',
  'wp.error.cannot_edit_post': 'This WordPress account may not edit this post.',
  'wp.error.cannot_create_category':
    'The category “{category}” does not exist and this account may not create it. Ask an administrator to create it.',
  'wp.error.forbidden': 'WordPress refused the operation (forbidden).',
  'wp.error.blocked':
    'The site blocked the request (a firewall, a security plugin or the host’s protection, status {status}): your WordPress rights are not the cause. Try again later; if it happens again, pass this message on to the site’s administrator.',
  'wp.error.too_large':
    'The post is too big for the site server’s limits (status 413): shorten the issue, or ask the site’s administrator to raise the maximum size accepted.',
  'wp.error.too_many_requests':
    'The site is receiving too many requests and asks to wait (status 429): wait a moment, then try again.',
  'wp.error.not_found': 'WordPress cannot find what was asked for (error 404).',
  'wp.error.rejected': 'WordPress rejected the data sent.',
  'wp.error.server_error':
    'The WordPress server ran into an error (status {status}). Try again later.',
  'wp.error.http_error': 'Unexpected answer from the server (status {status}).',
  'wp.error.bad_response':
    'The server sent an unreadable answer (not the JSON WordPress should send).',
  'wp.error.deleted':
    'The post was deleted or moved to the trash in WordPress. You can create a new one.',
  'wp.error.conflict':
    'The post was changed in WordPress since it was last published. Overwrite those changes?',
  'wp.error.unexpected': 'Unexpected error while talking to WordPress.',
  'publish.cancelled':
    'Publishing cancelled. If WordPress had already received the issue, the next try will find its post rather than create a second one.',
  'publish.error.not_configured':
    'WordPress is not set up: enter the address, user name and application password in the settings.',
  'publish.error.no_permission':
    'Indiscrets is not yet allowed to reach this site: grant it in the settings (“Test connection”).',
  'publish.error.issue_missing': 'This issue no longer exists.',
  'manifest.name': 'Indiscrets',
  'manifest.description': 'Clip pages into drafts and compose “Les Indiscrets” for WordPress.',
  'manifest.commandClip': 'Clip this page to Indiscrets',
};
