<?php
/**
 * The field contract: the same fields as the extension's IndexedDB records (storage/db.ts),
 * stored as registered post meta with a JSON schema, so WordPress validates what it stores.
 *
 * Title and text are the post's own title and content (so WordPress's revisions keep them);
 * everything else is meta. Keys are the extension's, camelCase, unprefixed: they only exist on
 * this plugin's two post types.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

/** A date as the extension writes it: empty, `YYYY-MM-DD`, or an ISO 8601 date-time. */
const INDISCRETS_DATE_PATTERN = '^(|[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)$';

/** Empty or an http(s) address. */
const INDISCRETS_URL_PATTERN = '^(|https?://\\S+)$';

/** The extension's record id: a UUID or any stable token of 8 to 64 safe characters. */
const INDISCRETS_CLIENT_ID_PATTERN = '^[A-Za-z0-9_-]{8,64}$';

/**
 * The same, or empty: WordPress checks a meta's default against its schema, and the default
 * of a clientId is empty (the controller requires one when a record is created).
 */
const INDISCRETS_CLIENT_ID_OR_EMPTY = '^(|[A-Za-z0-9_-]{8,64})$';

/**
 * Schemas of the meta fields of a draft (post type `indiscrets_draft`).
 *
 * @return array<string, array> meta key => JSON schema (with a `default`).
 */
function indiscrets_draft_fields() {
	$short = array(
		'type'      => 'string',
		'maxLength' => 1000,
		'default'   => '',
	);
	return array(
		'clientId'    => array(
			'type'        => 'string',
			'description' => 'The extension\'s id of the record (a UUID), stable across devices.',
			'pattern'     => INDISCRETS_CLIENT_ID_OR_EMPTY,
			'default'     => '',
		),
		'url'         => array(
			'type'        => 'string',
			'description' => 'Canonical URL of the clipped page.',
			'pattern'     => INDISCRETS_URL_PATTERN,
			'maxLength'   => 4096,
			'default'     => '',
		),
		'siteName'    => array_merge( $short, array( 'description' => 'Name of the publication.' ) ),
		'byline'      => array_merge( $short, array( 'description' => 'Author(s) as declared by the page.' ) ),
		'publishedAt' => array(
			'type'        => 'string',
			'description' => 'Publication date of the page (ISO 8601), or empty.',
			'pattern'     => INDISCRETS_DATE_PATTERN,
			'default'     => '',
		),
		'lang'        => array(
			'type'        => 'string',
			'description' => 'Language of the page (BCP 47), or empty.',
			'pattern'     => '^(|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)$',
			'default'     => '',
		),
		'excerpt'     => array(
			'type'        => 'string',
			'description' => 'The page\'s own description.',
			'maxLength'   => 5000,
			'default'     => '',
		),
		'imageUrl'    => array(
			'type'        => 'string',
			'description' => 'Lead image of the page.',
			'pattern'     => INDISCRETS_URL_PATTERN,
			'maxLength'   => 4096,
			'default'     => '',
		),
		'quotes'      => array(
			'type'        => 'array',
			'description' => 'Passages selected on the page, oldest first.',
			'maxItems'    => 200,
			'default'     => array(),
			'items'       => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'required'             => array( 'text' ),
				'properties'           => array(
					'text'      => array(
						'type'      => 'string',
						'maxLength' => 20000,
					),
					'html'      => array(
						'type'      => 'string',
						'maxLength' => 60000,
					),
					'clippedAt' => array(
						'type'    => 'string',
						'pattern' => INDISCRETS_DATE_PATTERN,
					),
				),
			),
		),
		'provenance'  => array(
			'type'                 => 'object',
			'description'          => 'Where each metadata value came from (og:title, json-ld…).',
			'default'              => array(),
			'properties'           => array(),
			'additionalProperties' => array(
				'type'      => 'string',
				'maxLength' => 200,
			),
		),
		'captureNote' => array(
			'type'        => 'string',
			'description' => 'Why some metadata is missing (a page the browser would not let the extension read), or empty.',
			'enum'        => array( '', 'browser-page', 'web-store', 'pdf', 'view-source', 'file', 'script-failed' ),
			'default'     => '',
		),
		'sources'     => array(
			'type'        => 'array',
			'description' => 'The pages the item cites, in order; the first is the clipped page.',
			'maxItems'    => 100,
			'default'     => array(),
			'items'       => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'required'             => array( 'url', 'title' ),
				'properties'           => array(
					'url'      => array(
						'type'      => 'string',
						'maxLength' => 4096,
					),
					'title'    => array(
						'type'      => 'string',
						'maxLength' => 1000,
					),
					'siteName' => array(
						'type'      => 'string',
						'maxLength' => 1000,
					),
				),
			),
		),
		'note'        => array(
			'type'        => 'string',
			'description' => 'The editor\'s note, when they chose to share it (the extension keeps it private otherwise).',
			'maxLength'   => 20000,
			'default'     => '',
		),
		'tags'        => array(
			'type'        => 'array',
			'description' => 'Free labels, trimmed and distinct.',
			'maxItems'    => 50,
			'uniqueItems' => true,
			'default'     => array(),
			'items'       => array(
				'type'      => 'string',
				'minLength' => 1,
				'maxLength' => 100,
			),
		),
		'status'      => array(
			'type'        => 'string',
			'description' => 'How far the editor has got: written, checked, ready.',
			'enum'        => array( 'draft', 'checked', 'ready' ),
			'default'     => 'draft',
		),
		'issueId'     => array(
			'type'        => 'string',
			'description' => 'clientId of the issue the item is in, or empty while in the inbox. Changing it needs arrange_indiscrets_issues.',
			'pattern'     => INDISCRETS_CLIENT_ID_OR_EMPTY,
			'default'     => '',
		),
		'sortKey'     => array(
			'type'        => 'string',
			'description' => 'Order of the item in its issue (fractional index); empty in the inbox. Changing it needs arrange_indiscrets_issues.',
			'pattern'     => '^[0-9A-Za-z]{0,200}$',
			'default'     => '',
		),
		'label'       => array(
			'type'        => 'string',
			'description' => 'The item\'s short name in the issue list, as the editor gave it; empty: the extension shows the first words of its text.',
			'maxLength'   => 200,
			'default'     => '',
		),
		'createdAt'   => array(
			'type'        => 'string',
			'description' => 'When the draft was created in the extension (ISO 8601).',
			'pattern'     => INDISCRETS_DATE_PATTERN,
			'default'     => '',
		),
	);
}

/**
 * Schemas of the meta fields of an issue (post type `indiscrets_issue`).
 *
 * @return array<string, array>
 */
function indiscrets_issue_fields() {
	return array(
		'clientId'     => array(
			'type'        => 'string',
			'description' => 'The extension\'s id of the issue (a UUID); drafts point at it with issueId.',
			'pattern'     => INDISCRETS_CLIENT_ID_OR_EMPTY,
			'default'     => '',
		),
		'date'         => array(
			'type'        => 'string',
			'description' => 'Day of publication, YYYY-MM-DD.',
			'pattern'     => '^(|[0-9]{4}-[0-9]{2}-[0-9]{2})$',
			'default'     => '',
		),
		'lengthBudget' => array(
			'type'        => 'integer',
			'description' => 'Number of characters the whole issue should fit in.',
			'minimum'     => 0,
			'maximum'     => 1000000,
			'default'     => 4000,
		),
		'status'       => array(
			'type'        => 'string',
			'description' => 'Where the issue stands. Setting it to published needs publish_indiscrets_issues.',
			'enum'        => array( 'open', 'exported', 'published' ),
			'default'     => 'open',
		),
		'createdAt'    => array(
			'type'        => 'string',
			'description' => 'When the issue was created in the extension (ISO 8601).',
			'pattern'     => INDISCRETS_DATE_PATTERN,
			'default'     => '',
		),
		'exportedAt'   => array(
			'type'        => 'string',
			'description' => 'When the issue was last exported (ISO 8601), or empty.',
			'pattern'     => INDISCRETS_DATE_PATTERN,
			'default'     => '',
		),
		'wordpress'    => array(
			'type'                 => 'object',
			'description'          => 'The post the issue was published as, or empty.',
			'default'              => array(),
			'additionalProperties' => false,
			'properties'           => array(
				'postId'      => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'link'        => array(
					'type'      => 'string',
					'maxLength' => 4096,
				),
				'modifiedGmt' => array( 'type' => 'string' ),
				'publishedAt' => array( 'type' => 'string' ),
				'siteUrl'     => array(
					'type'      => 'string',
					'maxLength' => 4096,
				),
				// Who published it (the desk's user who did), for the other editors to read.
				'publishedBy' => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(
						'id'   => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'name' => array(
							'type'      => 'string',
							'maxLength' => 250,
						),
					),
				),
				// That publication updated the post rather than creating it.
				'updated'     => array( 'type' => 'boolean' ),
				// A fingerprint of the issue as that publication made it (the extension's, kept
				// as sent), for the extension to tell when the issue no longer matches the post.
				'digest'      => array(
					'type'      => 'string',
					'maxLength' => 100,
				),
			),
		),
	);
}
