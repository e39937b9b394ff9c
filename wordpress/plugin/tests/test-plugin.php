<?php
/**
 * The plugin's own tests, run inside the real test WordPress (see harness.php).
 * Each test runs in a transaction rolled back afterwards.
 */

require_once __DIR__ . '/harness.php';

/** A draft created through REST by $user_id; returns its REST data. */
function indiscrets_make_draft( $user_id, $fields = array() ) {
	$body = array_replace_recursive(
		array(
			'title'   => 'Le ministre et le yacht',
			'content' => '<p>Texte.</p>',
			'meta'    => array(
				'clientId' => indiscrets_cid(),
				'url'      => 'https://exemple.fr/yacht',
				'siteName' => 'Exemple',
				'quotes'   => array(
					array(
						'text'      => '« Je ne savais pas »',
						'html'      => '<p>« Je ne savais pas »</p>',
						'clippedAt' => '2026-03-10T10:00:00.000Z',
					),
				),
			),
		),
		$fields
	);
	list( $status, $data ) = indiscrets_rest( $user_id, 'POST', '/indiscrets/v1/drafts', $body );
	assert_same( 201, $status, 'create draft: ' . wp_json_encode( $data ) );
	return $data;
}

indiscrets_test(
	'every field of the contract is registered meta with its schema, shown in REST',
	function () {
		foreach ( array( INDISCRETS_DRAFT => indiscrets_draft_fields(), INDISCRETS_ISSUE => indiscrets_issue_fields() ) as $type => $fields ) {
			$registered = get_registered_meta_keys( 'post', $type );
			foreach ( $fields as $key => $schema ) {
				// register_meta() refuses a field whose default fails its own schema, silently.
				assert_true( isset( $registered[ $key ] ), "$type.$key registered" );
				assert_same( $schema['type'], $registered[ $key ]['show_in_rest']['schema']['type'], "$type.$key type" );
			}
			assert_true( empty( $registered['_indiscrets_version']['show_in_rest'] ), "$type version hidden from meta" );
		}
	}
);

indiscrets_test(
	'the post types are private to the desk: not public, not queryable, in REST under indiscrets/v1',
	function () {
		foreach ( array( INDISCRETS_DRAFT, INDISCRETS_ISSUE ) as $type ) {
			$object = get_post_type_object( $type );
			assert_false( $object->public, "$type public" );
			assert_false( is_post_type_viewable( $type ), "$type viewable" );
			assert_true( $object->show_in_rest, "$type show_in_rest" );
			assert_same( 'indiscrets/v1', $object->rest_namespace, "$type namespace" );
			assert_true( post_type_supports( $type, 'revisions' ), "$type revisions" );
		}
		list( $status ) = indiscrets_rest( 0, 'GET', '/indiscrets/v1/drafts' );
		assert_same( 401, $status, 'anonymous list' );
	}
);

indiscrets_test(
	'a Contributor clips and edits their own drafts, not another’s, and cannot arrange or create issues',
	function () {
		$me    = indiscrets_user( 'contributor' );
		$other = indiscrets_user( 'contributor' );
		$mine  = indiscrets_make_draft( $me );
		$their = indiscrets_make_draft( $other );
		assert_true( user_can( $me, 'edit_post', $mine['id'] ), 'edit own' );
		assert_true( user_can( $me, 'delete_post', $mine['id'] ), 'trash own' );
		assert_false( user_can( $me, 'edit_post', $their['id'] ), 'edit other' );
		assert_false( user_can( $me, 'delete_post', $their['id'] ), 'trash other' );
		assert_false( user_can( $me, INDISCRETS_CAP_ARRANGE ), 'arrange' );
		assert_false( user_can( $me, 'edit_indiscrets_issues' ), 'issues' );
		assert_true( user_can( $me, 'read_post', $their['id'] ), 'read other' );

		list( $status, $data ) = indiscrets_rest( $me, 'POST', '/indiscrets/v1/drafts/' . $their['id'], array( 'title' => 'Volé', 'base_version' => $their['version'] ) );
		assert_same( 403, $status, 'update other' );
		assert_same( 'Le ministre et le yacht', get_post( $their['id'] )->post_title, 'other untouched' );

		list( $status, $data ) = indiscrets_rest( $me, 'POST', '/indiscrets/v1/drafts/' . $mine['id'], array( 'meta' => array( 'sortKey' => 'a0' ), 'base_version' => $mine['version'] ) );
		assert_same( 403, $status, 'reorder' );
		assert_same( 'indiscrets_cannot_arrange', $data['code'], 'reorder code' );
		assert_same( 'editor', $data['data']['needs'], 'reorder needs' );
		assert_same( '', get_post_meta( $mine['id'], 'sortKey', true ), 'sortKey untouched' );
		assert_same( $mine['version'], indiscrets_version( $mine['id'] ), 'version untouched by a refused write' );

		list( $status ) = indiscrets_rest( $me, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°1', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 403, $status, 'create issue' );
	}
);

indiscrets_test(
	'an Author edits their own drafts only',
	function () {
		$author = indiscrets_user( 'author' );
		$other  = indiscrets_user( 'contributor' );
		$mine   = indiscrets_make_draft( $author );
		$their  = indiscrets_make_draft( $other );
		assert_true( user_can( $author, 'edit_post', $mine['id'] ), 'edit own' );
		assert_false( user_can( $author, 'edit_post', $their['id'] ), 'edit other' );
		assert_false( user_can( $author, INDISCRETS_CAP_ARRANGE ), 'arrange' );
		list( $status ) = indiscrets_rest( $author, 'POST', '/indiscrets/v1/drafts/' . $mine['id'], array( 'title' => 'Réécrit', 'base_version' => $mine['version'] ) );
		assert_same( 200, $status, 'update own' );
	}
);

indiscrets_test(
	'an Editor edits every draft, arranges and publishes issues; a Subscriber sees nothing',
	function () {
		$editor = indiscrets_user( 'editor' );
		$writer = indiscrets_user( 'contributor' );
		$draft  = indiscrets_make_draft( $writer );
		assert_true( user_can( $editor, 'edit_post', $draft['id'] ), 'edit other' );
		assert_true( user_can( $editor, 'delete_post', $draft['id'] ), 'trash other' );
		assert_true( user_can( $editor, INDISCRETS_CAP_ARRANGE ), 'arrange' );
		assert_true( user_can( $editor, 'publish_indiscrets_issues' ), 'publish' );

		$issue_cid             = indiscrets_cid();
		list( $status, $issue ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues', array( 'title' => 'Les indiscrets du 15 mars', 'meta' => array( 'clientId' => $issue_cid, 'date' => '2026-03-15' ) ) );
		assert_same( 201, $status, 'create issue' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => array( 'issueId' => $issue_cid, 'sortKey' => 'a0' ), 'base_version' => $draft['version'] ) );
		assert_same( 200, $status, 'arrange' );
		assert_same( 'a0', $data['meta']['sortKey'], 'sortKey' );
		assert_same( array( 'id' => $editor, 'name' => get_userdata( $editor )->display_name ), $data['last_edited_by'], 'last editor' );
		assert_same( $writer, $data['clipped_by']['id'], 'clipped by' );
		list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues/' . $issue['id'], array( 'meta' => array( 'status' => 'published' ), 'base_version' => $issue['version'] ) );
		assert_same( 200, $status, 'publish issue' );

		$subscriber = indiscrets_user( 'subscriber' );
		assert_false( user_can( $subscriber, 'read_post', $draft['id'] ), 'subscriber read' );
		list( $status, $data ) = indiscrets_rest( $subscriber, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 403, $status, 'subscriber GET' );
		assert_same( 'indiscrets_cannot_read', $data['code'], 'subscriber code' );
	}
);

indiscrets_test(
	'an issue\'s post keeps who published it and whether that was an update, and refuses a publisher without a name',
	function () {
		$editor                 = indiscrets_user( 'editor' );
		$post                   = array(
			'postId'      => 42,
			'link'        => 'https://example.test/?p=42',
			'modifiedGmt' => '2026-03-15T09:02:00',
			'publishedAt' => '2026-03-15T09:02:00.000Z',
			'siteUrl'     => 'https://example.test',
			'publishedBy' => array(
				'id'   => $editor,
				'name' => 'Claire Martin',
			),
			'updated'     => true,
		);
		list( $status, $issue ) = indiscrets_rest(
			$editor,
			'POST',
			'/indiscrets/v1/issues',
			array(
				'title' => 'Les indiscrets du 15 mars',
				'meta'  => array(
					'clientId'  => indiscrets_cid(),
					'status'    => 'published',
					'wordpress' => $post,
				),
			)
		);
		assert_same( 201, $status, 'created with its post' );
		list( $status, $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/issues/' . $issue['id'], null, array( 'context' => 'edit' ) );
		assert_same( 200, $status, 'read back' );
		assert_same( $post, $data['meta']['wordpress'], 'publisher and update kept' );

		$nameless = $post;
		unset( $nameless['publishedBy']['name'] );
		$nameless['publishedBy']['nickname'] = 'Claire';
		list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues/' . $issue['id'], array( 'meta' => array( 'wordpress' => $nameless ), 'base_version' => $data['version'] ) );
		assert_same( 400, $status, 'an unknown field of the publisher' );
	}
);

indiscrets_test(
	'an issue\'s post keeps the digest of what was sent, a string of at most 100 characters',
	function () {
		$editor                 = indiscrets_user( 'editor' );
		$post                   = array(
			'postId'      => 43,
			'link'        => 'https://example.test/?p=43',
			'modifiedGmt' => '2026-03-15T09:02:00',
			'publishedAt' => '2026-03-15T09:02:00.000Z',
			'digest'      => 'fnv1a32:4f1c0a9e:5321',
		);
		list( $status, $issue ) = indiscrets_rest(
			$editor,
			'POST',
			'/indiscrets/v1/issues',
			array(
				'title' => 'Les indiscrets du 22 mars',
				'meta'  => array(
					'clientId'  => indiscrets_cid(),
					'status'    => 'published',
					'wordpress' => $post,
				),
			)
		);
		assert_same( 201, $status, 'created with its post' );
		list( $status, $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/issues/' . $issue['id'], null, array( 'context' => 'edit' ) );
		assert_same( 200, $status, 'read back' );
		assert_same( $post, $data['meta']['wordpress'], 'digest kept' );

		$long           = $post;
		$long['digest'] = str_repeat( 'a', 101 );
		list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues/' . $issue['id'], array( 'meta' => array( 'wordpress' => $long ), 'base_version' => $data['version'] ) );
		assert_same( 400, $status, 'a digest too long' );
	}
);

indiscrets_test(
	'an update needs base_version: 428 without it, 409 with the current record when stale',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Sans base' ) );
		assert_same( 428, $status, 'no base' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Premier', 'base_version' => 1 ) );
		assert_same( 200, $status, 'first writer' );
		assert_same( 2, $data['version'], 'version after first write' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Second', 'base_version' => 1 ) );
		assert_same( 409, $status, 'stale' );
		assert_same( 'indiscrets_conflict', $data['code'], 'code' );
		assert_same( 'Premier', $data['data']['current']['title']['raw'], 'current record' );
		assert_same( 2, $data['data']['current']['version'], 'current version' );
		assert_same( 'Premier', get_post( $draft['id'] )->post_title, 'nothing written' );
	}
);

indiscrets_test(
	'WordPress\'s own editor saves without base_version (its session\'s REST nonce); a wrong nonce still gets 428',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor );
		wp_set_current_user( $editor );
		$nonce = wp_create_nonce( 'wp_rest' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Depuis wp-admin' ), array( '_wpnonce' => 'faux' ) );
		assert_same( 428, $status, 'wrong nonce' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Depuis wp-admin' ), array( '_wpnonce' => $nonce ) );
		assert_same( 200, $status, 'editor save: ' . wp_json_encode( $data ) );
		assert_same( 2, indiscrets_version( $draft['id'] ), 'the version moves on' );
		assert_same( 'Depuis wp-admin', get_post( $draft['id'] )->post_title, 'written' );
	}
);

/**
 * An update of a record by $user_id based on its current version, with $body (title, meta,
 * overrides…); returns [status, data].
 */
function indiscrets_update( $user_id, $kind, $id, $body ) {
	return indiscrets_rest( $user_id, 'POST', "/indiscrets/v1/$kind/$id", array_merge( array( 'base_version' => indiscrets_version( $id ) ), $body ) );
}

/** The overrides stored on a record, read past WordPress's caches (array() when none). */
function indiscrets_stored_overrides_of( $post_id ) {
	global $wpdb;
	$value = $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = %s", $post_id, INDISCRETS_OVERRIDES_KEY ) );
	return null === $value ? array() : maybe_unserialize( $value );
}

/** A user as the REST fields give them. */
function indiscrets_ref( $user_id ) {
	return array(
		'id'   => $user_id,
		'name' => get_userdata( $user_id )->display_name,
	);
}

indiscrets_test(
	'an update with overrides notes who kept which fields over whose version; the record says it by name',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		assert_same( array(), $draft['overrides'], 'none at first' );
		// B was editing version 1 too, and chose « Garder la mienne » for the title and text.
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'overrides' => array( 'title', 'body', 'title' ) ) );
		assert_same( 200, $status, 'written: ' . wp_json_encode( $data ) );
		assert_same( 2, $data['version'], 'version after the write' );
		assert_same( 1, count( $data['overrides'] ), 'the answer says it' );
		$entry = $data['overrides'][0];
		assert_same( 2, $entry['version'], 'at the version the write made' );
		assert_same( indiscrets_ref( $b ), $entry['by'], 'by' );
		assert_same( indiscrets_ref( $a ), $entry['over'], 'over' );
		assert_same( array( 'title', 'body' ), $entry['fields'], 'fields, each once' );
		assert_true( 1 === preg_match( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $entry['at'] ), 'at: ' . $entry['at'] );
		assert_true( abs( strtotime( $entry['at'] ) - time() ) < 60, 'at: now' );
		$stored = indiscrets_stored_overrides_of( $draft['id'] );
		assert_same( 1, count( $stored ), 'stored' );
		assert_same( array( 2, $b, $a, array( 'title', 'body' ) ), array( $stored[0]['version'], $stored[0]['by'], $stored[0]['over'], $stored[0]['fields'] ), 'stored entry' );

		// A's desk pulls it.
		list( $status, $data ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'], null, array( 'context' => 'edit' ) );
		assert_same( 200, $status, 'read' );
		assert_same( array( $entry ), $data['overrides'], 'a later read says it' );
		assert_false( array_key_exists( INDISCRETS_OVERRIDES_KEY, $data['meta'] ), 'not in meta' );
		$registered = get_registered_meta_keys( 'post', INDISCRETS_DRAFT );
		assert_true( isset( $registered[ INDISCRETS_OVERRIDES_KEY ] ) && empty( $registered[ INDISCRETS_OVERRIDES_KEY ]['show_in_rest'] ), 'registered, hidden from meta' );
		list( , $versions ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] . '/versions' );
		assert_same( array( 2, 1 ), array_column( $versions, 'version' ), 'one revision per version' );
		assert_false( array_key_exists( INDISCRETS_OVERRIDES_KEY, $versions[0]['meta'] ), 'not in the revision' );
		assert_same( '', get_metadata( 'post', $versions[0]['revision'], INDISCRETS_OVERRIDES_KEY, true ), 'no copy on the revision' );

		// An issue too.
		list( $status, $issue ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°1', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 201, $status, 'issue' );
		list( $status, $data ) = indiscrets_update( $b, 'issues', $issue['id'], array( 'content' => 'Intro de B', 'overrides' => array( 'intro' ) ) );
		assert_same( 200, $status, 'issue written' );
		assert_same( array( 'intro' ), $data['overrides'][0]['fields'], 'issue fields' );
		assert_same( $a, $data['overrides'][0]['over']['id'], 'issue over' );

		// Rights are the update's own: a Contributor keeps their version on their own draft
		// over an Editor's, never on a colleague's.
		$c    = indiscrets_user( 'contributor' );
		$own  = indiscrets_make_draft( $c );
		list( $status ) = indiscrets_update( $b, 'drafts', $own['id'], array( 'meta' => array( 'note' => 'Note de B' ) ) );
		assert_same( 200, $status, 'the editor edits the contributor\'s draft' );
		list( $status, $data ) = indiscrets_update( $c, 'drafts', $own['id'], array( 'meta' => array( 'note' => 'Note de C' ), 'overrides' => array( 'note' ) ) );
		assert_same( 200, $status, 'the contributor keeps theirs' );
		assert_same( array( $c, $b ), array( $data['overrides'][0]['by']['id'], $data['overrides'][0]['over']['id'] ), 'contributor over editor' );
		list( $status ) = indiscrets_update( $c, 'drafts', $draft['id'], array( 'title' => 'Volé', 'overrides' => array( 'title' ) ) );
		assert_same( 403, $status, 'not on a colleague\'s draft' );
		assert_same( 1, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'nothing noted by a refused write' );
	}
);

indiscrets_test(
	'an update with overrides is noted whoever wrote the record last: the desks tell whose words went',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		list( $status, $data ) = indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Mon titre', 'overrides' => array( 'title' ) ) );
		assert_same( 200, $status, 'A over A' );
		assert_same( 1, count( $data['overrides'] ), 'A over A noted' );
		assert_same( $a, $data['overrides'][0]['over']['id'], 'over the last editor, A' );
		// B's trash sent ahead of the fields it kept makes B the last editor: still noted.
		list( $status ) = indiscrets_rest( $b, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 200, $status, 'B trashes' );
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B', 'overrides' => array( 'title' ) ) );
		assert_same( 200, $status, 'B over B' );
		assert_same( 2, count( $data['overrides'] ), 'B over B noted' );
		assert_same( $b, $data['overrides'][1]['by']['id'], 'by B' );
		assert_same( $b, $data['overrides'][1]['over']['id'], 'over B' );
		assert_same( 2, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'stored' );
	}
);

indiscrets_test(
	'an update without overrides (or from WordPress\'s own editor) notes nothing and keeps the earlier notes',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B', 'overrides' => array( 'title' ) ) );
		$before = $data['overrides'];
		assert_same( 1, count( $before ), 'B over A' );
		list( $status, $data ) = indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Titre de A' ) );
		assert_same( 200, $status, 'A, plainly' );
		assert_same( $before, $data['overrides'], 'kept, nothing added' );
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B, 2', 'overrides' => array() ) );
		assert_same( 200, $status, 'B, with no field' );
		assert_same( $before, $data['overrides'], 'no field, nothing added' );
		// wp-admin's save (no base_version): it writes over what it finds, and says nothing kept.
		wp_set_current_user( $a );
		$nonce = wp_create_nonce( 'wp_rest' );
		list( $status, $data ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Depuis wp-admin', 'overrides' => array( 'title' ) ), array( '_wpnonce' => $nonce ) );
		assert_same( 200, $status, 'editor save: ' . wp_json_encode( $data ) );
		assert_same( $before, $data['overrides'], 'without base_version, ignored' );
		assert_same( 1, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'stored' );
	}
);

indiscrets_test(
	'a conflicting or failing update with overrides notes nothing',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B', 'overrides' => array( 'title' ) ) );
		assert_same( 2, $data['version'], 'B over A' );
		list( $status ) = indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Titre de A' ) );
		assert_same( 200, $status, 'A writes version 3' );
		list( $status, $data ) = indiscrets_rest( $b, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Titre de B, 2', 'base_version' => 2, 'overrides' => array( 'title' ) ) );
		assert_same( 409, $status, 'stale' );
		assert_same( 1, count( $data['data']['current']['overrides'] ), 'the conflict\'s record: the earlier note only' );
		assert_same( 1, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'nothing noted by the conflict' );
		// A write refused after its post was saved (a meta the database refuses).
		$refuse = function ( $check, $post_id, $meta_key ) {
			return 'note' === $meta_key ? false : $check;
		};
		add_filter( 'update_post_metadata', $refuse, 10, 3 );
		add_filter( 'add_post_metadata', $refuse, 10, 3 );
		try {
			list( $status ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B, 3', 'meta' => array( 'note' => 'refusée' ), 'overrides' => array( 'title', 'note' ) ) );
		} finally {
			remove_filter( 'update_post_metadata', $refuse, 10 );
			remove_filter( 'add_post_metadata', $refuse, 10 );
		}
		assert_true( $status >= 400, 'refused: ' . $status );
		assert_same( 1, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'nothing noted by a refused write' );
	}
);

indiscrets_test(
	'overrides must be a list of at most 30 field names: anything else answers 400 and writes nothing',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		$bad   = array(
			'a number'        => array( 5 ),
			'a space'         => array( 'is sue' ),
			'a dash'          => array( 'issue-id' ),
			'empty'           => array( '' ),
			'41 letters'      => array( str_repeat( 'a', 41 ) ),
			'31 fields'       => array_fill( 0, 31, 'title' ),
			'an object'       => array( 'field' => 'title' ),
			'a list in it'    => array( array( 'title' ) ),
		);
		foreach ( $bad as $what => $overrides ) {
			list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B', 'overrides' => $overrides ) );
			assert_same( 400, $status, $what );
			assert_same( 'rest_invalid_param', $data['code'], "$what: code" );
		}
		assert_same( 'Le ministre et le yacht', get_post( $draft['id'] )->post_title, 'title untouched' );
		assert_same( 1, indiscrets_version( $draft['id'] ), 'version untouched' );
		assert_same( array(), indiscrets_stored_overrides_of( $draft['id'] ), 'nothing noted' );
		list( $status ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Titre de B', 'overrides' => array_fill( 0, 30, 'issueId' ) ) );
		assert_same( 200, $status, '30 fields' );
		assert_same( array( 'issueId' ), indiscrets_stored_overrides_of( $draft['id'] )[0]['fields'], 'noted once' );
	}
);

indiscrets_test(
	'a record keeps its 10 newest overrides',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		// A and B keep theirs over each other, twelve times: versions 2 to 13.
		for ( $i = 0; $i < 12; $i++ ) {
			list( $status, $data ) = indiscrets_update( 0 === $i % 2 ? $b : $a, 'drafts', $draft['id'], array( 'title' => "Titre $i", 'overrides' => array( 'title' ) ) );
			assert_same( 200, $status, "write $i" );
		}
		assert_same( range( 4, 13 ), array_column( $data['overrides'], 'version' ), 'the 10 newest, newest last' );
		assert_same( array( $a, $b ), array( $data['overrides'][9]['by']['id'], $data['overrides'][9]['over']['id'] ), 'the newest' );
		assert_same( 10, count( indiscrets_stored_overrides_of( $draft['id'] ) ), 'stored' );
	}
);

/** A user and a version as `replaced` gives them. */
function indiscrets_replaced_ref( $version, $user_id ) {
	return array(
		'version' => $version,
		'by'      => indiscrets_ref( $user_id ),
	);
}

indiscrets_test(
	'an override says, field by field, whose version went: not the last editor when a third one saved another field in between',
	function () {
		$d     = indiscrets_user( 'editor' );
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$c     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $d );
		list( $status ) = indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A' ) );
		assert_same( 200, $status, 'A writes the title: version 2' );
		list( $status ) = indiscrets_update( $c, 'drafts', $draft['id'], array( 'meta' => array( 'tags' => array( 'politique' ) ) ) );
		assert_same( 200, $status, 'C writes the tags only: version 3' );
		// B was editing version 1's title, and the url and tags; the conflict over version 3
		// answered « Garder la mienne ».
		list( $status, $data ) = indiscrets_update(
			$b,
			'drafts',
			$draft['id'],
			array(
				'title'     => 'Le titre de B',
				'meta'      => array(
					'url'  => 'https://exemple.fr/b',
					'tags' => array( 'b' ),
				),
				'overrides' => array( 'title', 'url', 'tags' ),
			)
		);
		assert_same( 200, $status, 'written: ' . wp_json_encode( $data ) );
		$entry = $data['overrides'][0];
		assert_same( indiscrets_ref( $c ), $entry['over'], 'the last editor is C' );
		assert_same( indiscrets_replaced_ref( 2, $a ), $entry['replaced']['title'], 'the title A wrote at version 2' );
		assert_same( indiscrets_replaced_ref( 1, $d ), $entry['replaced']['url'], 'the url, unchanged since its creation' );
		assert_same( indiscrets_replaced_ref( 3, $c ), $entry['replaced']['tags'], 'the tags C wrote' );
		assert_same( array( 'title', 'url', 'tags' ), array_keys( $entry['replaced'] ), 'each field kept' );
		$stored = indiscrets_stored_overrides_of( $draft['id'] );
		assert_same(
			array(
				'version' => 2,
				'by'      => $a,
			),
			$stored[0]['replaced']['title'],
			'stored by user id'
		);
		list( , $read ) = indiscrets_rest( $d, 'GET', '/indiscrets/v1/drafts/' . $draft['id'], null, array( 'context' => 'edit' ) );
		assert_same( $entry, $read['overrides'][0], 'a later read says it' );
		list( , $read ) = indiscrets_rest( $d, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( $entry['replaced'], $read['overrides'][0]['replaced'], 'in the view context too' );
	}
);

indiscrets_test(
	'an override of a field a third editor rewrote in between names that editor\'s version',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$c     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A' ) );
		list( $status ) = indiscrets_update( $c, 'drafts', $draft['id'], array( 'title' => 'Le titre de C' ) );
		assert_same( 200, $status, 'C rewrites the title: version 3' );
		// C saves the same title again: a version whose title is the same run.
		list( $status, $data ) = indiscrets_update( $c, 'drafts', $draft['id'], array( 'title' => 'Le titre de C', 'meta' => array( 'note' => 'Note de C' ) ) );
		assert_same( 4, $data['version'], 'version 4' );
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'overrides' => array( 'title' ) ) );
		assert_same( 200, $status, 'written' );
		assert_same( indiscrets_replaced_ref( 3, $c ), $data['overrides'][0]['replaced']['title'], 'the title C wrote at version 3' );
		// A takes it back from B: B's version 5 went.
		list( , $data ) = indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A, encore', 'overrides' => array( 'title' ) ) );
		assert_same( indiscrets_replaced_ref( 5, $b ), $data['overrides'][1]['replaced']['title'], 'then B\'s' );
		// A value written again after another: the run starts at the later write.
		indiscrets_update( $c, 'drafts', $draft['id'], array( 'title' => 'Le titre de B' ) );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Autre', 'overrides' => array( 'title' ) ) );
		assert_same( indiscrets_replaced_ref( 7, $c ), $data['overrides'][2]['replaced']['title'], 'the same words written again, by C' );
	}
);

indiscrets_test(
	'an override maps the extension\'s names: body, trashed and meta on a draft, intro and meta on an issue; an unknown name is left out',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$c     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		indiscrets_update( $c, 'drafts', $draft['id'], array( 'content' => '<p>Texte de C.</p>' ) );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'meta' => array( 'note' => 'Note de A' ) ) );
		list( $status, $data ) = indiscrets_update(
			$b,
			'drafts',
			$draft['id'],
			array(
				'content'   => '<p>Texte de B.</p>',
				'meta'      => array( 'note' => 'Note de B' ),
				'overrides' => array( 'body', 'trashed', 'note', 'quotes', 'nope', 'intro' ),
			)
		);
		assert_same( 200, $status, 'written' );
		$entry = $data['overrides'][0];
		assert_same( array( 'body', 'trashed', 'note', 'quotes', 'nope', 'intro' ), $entry['fields'], 'every name in fields' );
		assert_same( indiscrets_replaced_ref( 2, $c ), $entry['replaced']['body'], 'body: the text' );
		assert_same( indiscrets_replaced_ref( 1, $a ), $entry['replaced']['trashed'], 'trashed: out of the trash since its creation' );
		assert_same( indiscrets_replaced_ref( 3, $a ), $entry['replaced']['note'], 'note: the meta' );
		assert_same( indiscrets_replaced_ref( 1, $a ), $entry['replaced']['quotes'], 'quotes: a list, compared whole' );
		assert_false( array_key_exists( 'nope', $entry['replaced'] ), 'no such field' );
		assert_false( array_key_exists( 'intro', $entry['replaced'] ), 'not a draft\'s field' );

		list( $status, $issue ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°1', 'content' => 'Intro de A', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 201, $status, 'issue' );
		indiscrets_update( $c, 'issues', $issue['id'], array( 'content' => 'Intro de C' ) );
		list( $status, $data ) = indiscrets_update( $b, 'issues', $issue['id'], array( 'content' => 'Intro de B', 'meta' => array( 'date' => '2026-03-15' ), 'overrides' => array( 'intro', 'date', 'body' ) ) );
		assert_same( 200, $status, 'issue written' );
		$entry = $data['overrides'][0];
		assert_same( indiscrets_replaced_ref( 2, $c ), $entry['replaced']['intro'], 'intro: the issue\'s text' );
		assert_same( indiscrets_replaced_ref( 1, $a ), $entry['replaced']['date'], 'date: the issue\'s meta' );
		assert_false( array_key_exists( 'body', $entry['replaced'] ), 'not an issue\'s field' );
	}
);

indiscrets_test(
	'an override says nothing of a field whose history the revisions cannot tell',
	function () {
		$a = indiscrets_user( 'editor' );
		$b = indiscrets_user( 'editor' );

		// Revisions disabled: no history at all; the entry has an empty replaced.
		$draft = indiscrets_make_draft( $a );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A' ) );
		$off = function ( $num, $post ) use ( $draft ) {
			return $post->ID === $draft['id'] ? 0 : $num;
		};
		add_filter( 'wp_revisions_to_keep', $off, 10, 2 );
		try {
			list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'overrides' => array( 'title' ) ) );
		} finally {
			remove_filter( 'wp_revisions_to_keep', $off, 10 );
		}
		assert_same( 200, $status, 'written' );
		assert_true( array_key_exists( 'replaced', $data['overrides'][0] ), 'replaced given' );
		assert_same( array(), $data['overrides'][0]['replaced'], 'empty: revisions disabled' );
		wp_set_current_user( $a );
		$response = rest_do_request( new WP_REST_Request( 'GET', '/indiscrets/v1/drafts/' . $draft['id'] ) );
		$json     = wp_json_encode( rest_get_server()->response_to_data( $response, false ) );
		assert_true( false !== strpos( $json, '"replaced":{}' ), 'an object in JSON: ' . $json );

		// A trash and a restore in the run: neither made a revision (the restore changed no
		// field), so what the record held at them is unknown.
		$draft = indiscrets_make_draft( $a );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A', 'meta' => array( 'note' => 'Note de A' ) ) );
		list( $status ) = indiscrets_rest( $a, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 200, $status, 'trashed: version 3' );
		// B keeps the record out of the trash, before A restores it.
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'meta' => array( 'byline' => 'B' ), 'overrides' => array( 'trashed' ) ) );
		assert_same( 200, $status, 'written over the trash: ' . wp_json_encode( $data ) );
		assert_false( array_key_exists( 'trashed', $data['overrides'][0]['replaced'] ), 'trashed: the trash made no snapshot' );
		$draft = indiscrets_make_draft( $a );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'title' => 'Le titre de A' ) );
		indiscrets_rest( $a, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] );
		list( $status, $data ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/drafts/' . $draft['id'] . '/restore' );
		assert_same( 4, $data['version'], 'restored: version 4' );
		list( , $versions ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] . '/versions' );
		assert_same( array( 2, 1 ), array_column( $versions, 'version' ), 'no revision of versions 3 and 4' );
		list( $status, $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'overrides' => array( 'title', 'trashed' ) ) );
		assert_same( 200, $status, 'written' );
		assert_same( array(), $data['overrides'][0]['replaced'], 'title and trashed: versions 3 and 4 unknown' );

		// A version written before snapshots existed: its revision holds none. The note's run
		// ends after it; the title's, and the note's before C wrote it, reach it.
		$c     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		list( , $versions ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] . '/versions' );
		delete_metadata( 'post', $versions[0]['revision'], INDISCRETS_SNAPSHOT_KEY );
		indiscrets_update( $a, 'drafts', $draft['id'], array( 'meta' => array( 'byline' => 'A' ) ) );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'meta' => array( 'note' => 'Note de B' ), 'overrides' => array( 'note' ) ) );
		assert_same( array(), $data['overrides'][0]['replaced'], 'the note, unchanged since version 1, unknown' );
		indiscrets_update( $c, 'drafts', $draft['id'], array( 'meta' => array( 'note' => 'Note de C' ) ) );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'meta' => array( 'note' => 'Note de B, 2' ), 'overrides' => array( 'title', 'note' ) ) );
		assert_same( array( 'note' => indiscrets_replaced_ref( 4, $c ) ), $data['overrides'][1]['replaced'], 'the note C wrote at version 4; the title, unknown' );
		// Each meta-only version has a revision of its own, even written in one process.
		list( , $versions ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] . '/versions' );
		assert_same( array( 5, 4, 3, 2, null ), array_column( $versions, 'version' ), 'every version kept' );
	}
);

indiscrets_test(
	'an override noted before replaced existed gives no replaced',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		$old   = array(
			'version' => 2,
			'by'      => $b,
			'over'    => $a,
			'fields'  => array( 'title' ),
			'at'      => '2026-03-10T10:00:00Z',
		);
		update_post_meta( $draft['id'], INDISCRETS_OVERRIDES_KEY, array( $old ) );
		list( , $data ) = indiscrets_rest( $a, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 1, count( $data['overrides'] ), 'the old entry' );
		assert_false( array_key_exists( 'replaced', $data['overrides'][0] ), 'no replaced' );
		list( , $data ) = indiscrets_update( $b, 'drafts', $draft['id'], array( 'title' => 'Le titre de B', 'overrides' => array( 'title' ) ) );
		assert_false( array_key_exists( 'replaced', $data['overrides'][0] ), 'still none on the old one' );
		assert_same( array( 'title' => indiscrets_replaced_ref( 1, $a ) ), $data['overrides'][1]['replaced'], 'the new one has it' );
	}
);

indiscrets_test(
	'a draft\'s text keeps its paragraphs when WordPress\'s editors save it; the extension\'s HTML and an issue\'s plain intro are stored as sent',
	function () {
		$editor = indiscrets_user( 'editor' );
		$html   = "<p>Premier <em>paragraphe</em>.</p>\n<p>Second, <a href=\"https://exemple.fr/\">lien</a>.</p>";
		$draft  = indiscrets_make_draft( $editor, array( 'content' => $html ) );
		assert_same( $html, get_post( $draft['id'] )->post_content, 'the extension\'s HTML' );
		// The classic block and TinyMCE give the text back without its paragraph tags.
		wp_update_post( array( 'ID' => $draft['id'], 'post_content' => "Premier <em>paragraphe</em>.\n\nSecond." ) );
		assert_same( "<p>Premier <em>paragraphe</em>.</p>\n<p>Second.</p>", get_post( $draft['id'] )->post_content, 'tags back' );
		// Converted to blocks: the block comments go, the paragraphs stay.
		wp_update_post( array( 'ID' => $draft['id'], 'post_content' => "<!-- wp:paragraph -->\n<p>Un.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Deux.</p>\n<!-- /wp:paragraph -->" ) );
		assert_same( "<p>Un.</p>\n<p>Deux.</p>", get_post( $draft['id'] )->post_content, 'no block comments' );
		wp_update_post( array( 'ID' => $draft['id'], 'post_content' => '' ) );
		assert_same( '', get_post( $draft['id'] )->post_content, 'empty stays empty' );
		// An issue's intro is plain text in the extension: no tags added to it.
		list( $status, $issue ) = indiscrets_rest(
			$editor,
			'POST',
			'/indiscrets/v1/issues',
			array(
				'title'   => 'Les indiscrets du 15 mars',
				'content' => "Cette semaine, trois indiscrets.\n\nBonne lecture.",
				'meta'    => array( 'clientId' => indiscrets_cid() ),
			)
		);
		assert_same( 201, $status, 'issue created' );
		assert_same( "Cette semaine, trois indiscrets.\n\nBonne lecture.", get_post( $issue['id'] )->post_content, 'intro as sent' );
	}
);

/** The version stored for a post right now, read past WordPress's caches ('' when none). */
function indiscrets_stored_version( $post_id ) {
	global $wpdb;
	$value = $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = %s", $post_id, INDISCRETS_VERSION_KEY ) );
	return null === $value ? '' : (int) $value;
}

indiscrets_test(
	'a REST write moves the version on only once the post and all its meta are stored',
	function () {
		$editor = indiscrets_user( 'editor' );
		// What a desk pulling at that moment would be told: the version stored as each part of
		// the record is written.
		$seen  = array();
		$watch = function ( $meta_id, $post_id, $meta_key ) use ( &$seen ) {
			if ( INDISCRETS_DRAFT === get_post_type( $post_id ) && in_array( $meta_key, array( 'quotes', 'sortKey' ), true ) ) {
				$seen[] = array( $meta_key, indiscrets_stored_version( $post_id ) );
			}
		};
		$on_save = function ( $post_id ) use ( &$seen ) {
			$seen[] = array( 'post', indiscrets_stored_version( $post_id ) );
		};
		add_action( 'added_post_meta', $watch, 10, 3 );
		add_action( 'updated_post_meta', $watch, 10, 3 );
		add_action( 'save_post_' . INDISCRETS_DRAFT, $on_save, 20, 1 );
		try {
			$draft = indiscrets_make_draft( $editor );
			assert_same( array( array( 'post', '' ), array( 'quotes', '' ) ), $seen, 'while created' );
			assert_same( 1, $draft['version'], 'created' );

			$seen = array();
			list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Réordonné', 'meta' => array( 'sortKey' => 'b0' ), 'base_version' => 1 ) );
			assert_same( 200, $status, 'updated' );
			assert_same( array( array( 'post', 1 ), array( 'sortKey', 1 ) ), $seen, 'while updated' );
			assert_same( 2, $data['version'], 'answer' );
			assert_same( 2, indiscrets_stored_version( $draft['id'] ), 'stored' );
		} finally {
			remove_action( 'added_post_meta', $watch, 10 );
			remove_action( 'updated_post_meta', $watch, 10 );
			remove_action( 'save_post_' . INDISCRETS_DRAFT, $on_save, 20 );
		}
	}
);

indiscrets_test(
	'a REST write that fails after its post was saved still moves the version on',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor );
		$refuse = function ( $check, $post_id, $meta_key ) {
			return 'note' === $meta_key ? false : $check;
		};
		add_filter( 'update_post_metadata', $refuse, 10, 3 );
		add_filter( 'add_post_metadata', $refuse, 10, 3 );
		try {
			list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Titre écrit', 'meta' => array( 'note' => 'refusée' ), 'base_version' => 1 ) );
		} finally {
			remove_filter( 'update_post_metadata', $refuse, 10 );
			remove_filter( 'add_post_metadata', $refuse, 10 );
		}
		assert_true( $status >= 400, 'refused: ' . $status );
		assert_same( 'Titre écrit', get_post( $draft['id'] )->post_title, 'the post was written' );
		assert_same( 2, indiscrets_stored_version( $draft['id'] ), 'version' );
		list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Encore', 'base_version' => 2 ) );
		assert_same( 200, $status, 'the next write, based on it' );
	}
);

indiscrets_test(
	'a clientId is required, and creating one that exists answers 409 with the record (no duplicate)',
	function () {
		$writer = indiscrets_user( 'contributor' );
		list( $status ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts', array( 'title' => 'Sans id' ) );
		assert_same( 400, $status, 'no clientId' );
		$draft = indiscrets_make_draft( $writer );
		list( $status, $data ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts', array( 'title' => 'Encore', 'meta' => array( 'clientId' => $draft['meta']['clientId'] ) ) );
		assert_same( 409, $status, 'duplicate' );
		assert_same( 'indiscrets_exists', $data['code'], 'code' );
		assert_same( $draft['id'], $data['data']['current']['id'], 'existing record' );
		$count = count( get_posts( array( 'post_type' => INDISCRETS_DRAFT, 'post_status' => 'any', 'meta_key' => 'clientId', 'meta_value' => $draft['meta']['clientId'], 'fields' => 'ids' ) ) );
		assert_same( 1, $count, 'records with that clientId' );
	}
);

indiscrets_test(
	'WordPress validates the fields against their schema and stores nothing invalid',
	function () {
		$writer = indiscrets_user( 'contributor' );
		$draft  = indiscrets_make_draft( $writer );
		$bad    = array(
			array( 'status' => 'publiée' ),
			array( 'url' => 'javascript:alert(1)' ),
			array( 'quotes' => array( array( 'html' => '<p>sans texte</p>' ) ) ),
			array( 'tags' => array( 'a', 'a' ) ),
			array( 'publishedAt' => 'hier' ),
			array( 'sources' => array( array( 'url' => 'https://x.fr', 'title' => 'X', 'extra' => 1 ) ) ),
		);
		foreach ( $bad as $meta ) {
			list( $status ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => $meta, 'base_version' => indiscrets_version( $draft['id'] ) ) );
			assert_same( 400, $status, wp_json_encode( $meta ) );
		}
		assert_same( 'draft', get_post_meta( $draft['id'], 'status', true ), 'status kept' );
		assert_same( 'https://exemple.fr/yacht', get_post_meta( $draft['id'], 'url', true ), 'url kept' );
		assert_same( $draft['version'], indiscrets_version( $draft['id'] ), 'a refused write gives its version back' );
	}
);

indiscrets_test(
	'an item’s label is stored and given back as typed; one too long is refused',
	function () {
		$writer = indiscrets_user( 'contributor' );
		$draft  = indiscrets_make_draft( $writer );
		assert_same( '', $draft['meta']['label'], 'no label at first: the extension shows the first words' );
		list( $status, $data ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => array( 'label' => '« OVH » en Bourse' ), 'base_version' => $draft['version'] ) );
		assert_same( 200, $status, 'label written: ' . wp_json_encode( $data ) );
		assert_same( '« OVH » en Bourse', $data['meta']['label'], 'label given back' );
		list( $status ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => array( 'label' => str_repeat( 'x', 201 ) ), 'base_version' => indiscrets_version( $draft['id'] ) ) );
		assert_same( 400, $status, 'label over 200 characters' );
		assert_same( '« OVH » en Bourse', get_post_meta( $draft['id'], 'label', true ), 'label kept' );
	}
);

indiscrets_test(
	'every version is kept in the revisions, a change of meta only included',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor, array( 'meta' => array( 'tags' => array( 'un' ) ) ) );
		indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Titre 2', 'base_version' => 1 ) );
		indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => array( 'tags' => array( 'deux' ) ), 'base_version' => 2 ) );
		list( $status, $versions ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] . '/versions' );
		assert_same( 200, $status, 'versions' );
		assert_same( array( 3, 2, 1 ), array_column( $versions, 'version' ), 'versions newest first' );
		assert_same( array( 'deux' ), $versions[0]['meta']['tags'], 'v3 tags' );
		assert_same( array( 'un' ), $versions[1]['meta']['tags'], 'v2 tags (overwritten by a meta-only change)' );
		assert_same( 'Titre 2', $versions[1]['title'], 'v2 title' );
		assert_same( 'Le ministre et le yacht', $versions[2]['title'], 'v1 title' );
		// A write that changes nothing makes no new revision.
		indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'meta' => array( 'tags' => array( 'deux' ) ), 'base_version' => 3 ) );
		assert_same( 3, count( wp_get_post_revisions( $draft['id'] ) ), 'no empty revision' );
	}
);

indiscrets_test(
	'a write outside the REST API (wp-admin, code) moves the version on too',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor );
		wp_set_current_user( $editor );
		wp_update_post( array( 'ID' => $draft['id'], 'post_title' => 'Édité dans wp-admin' ) );
		assert_same( 2, indiscrets_version( $draft['id'] ), 'version' );
		list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'], array( 'title' => 'Ancien', 'base_version' => 1 ) );
		assert_same( 409, $status, 'stale after an admin edit' );
	}
);

indiscrets_test(
	'trash and restore: the record keeps its place and comes back with its status',
	function () {
		$editor = indiscrets_user( 'editor' );
		$draft  = indiscrets_make_draft( $editor, array( 'meta' => array( 'issueId' => 'issue-123456', 'sortKey' => 'a1' ) ) );
		list( $status, $data ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 200, $status, 'trash' );
		assert_same( 'trash', $data['status'], 'status' );
		assert_same( 2, $data['version'], 'trashing is a change' );
		list( $status, $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $draft['id'] . '/restore' );
		assert_same( 200, $status, 'restore' );
		assert_same( 'draft', $data['status'], 'restored status' );
		assert_same( 'a1', $data['meta']['sortKey'], 'place kept' );
		assert_same( 3, $data['version'], 'restoring is a change' );
	}
);

indiscrets_test(
	'a draft trashed with merged_into says which draft it went into, until it is restored; a bad target is refused',
	function () {
		$editor = indiscrets_user( 'editor' );
		$source = indiscrets_make_draft( $editor );
		$target = indiscrets_make_draft( $editor );
		assert_same( null, $source['merged_into'], 'not merged at first' );
		$refused = array(
			'itself'    => $source['id'],
			'missing'   => 999999,
			'not an id' => 'abc',
		);
		list( , $issue ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°1', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		$refused['an issue'] = $issue['id'];
		foreach ( $refused as $what => $id ) {
			list( $status, $data ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $source['id'], null, array( 'merged_into' => $id ) );
			assert_same( 400, $status, "$what refused" );
			assert_same( 'indiscrets_invalid_merge_target', $data['code'], "$what code" );
			assert_true( false !== strpos( $data['message'], 'merged_into' ), "$what message names the parameter" );
			assert_same( 'draft', get_post_status( $source['id'] ), "$what: nothing trashed" );
		}
		assert_same( 1, indiscrets_version( $source['id'] ), 'refusals change no version' );

		list( $status, $data ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $source['id'], null, array( 'merged_into' => (string) $target['id'] ) );
		assert_same( 200, $status, 'merged: ' . wp_json_encode( $data ) );
		assert_same( 'trash', $data['status'], 'in the trash' );
		assert_same(
			array(
				'id'       => $target['id'],
				'clientId' => $target['meta']['clientId'],
			),
			$data['merged_into'],
			'the answer says where it went'
		);
		list( , $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/drafts/' . $source['id'], null, array( 'context' => 'edit' ) );
		assert_same( $target['id'], $data['merged_into']['id'], 'so does a later read' );

		list( , $data ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $source['id'] . '/restore' );
		assert_same( null, $data['merged_into'], 'restored: merged nowhere' );
		list( , $data ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $source['id'] );
		assert_same( null, $data['merged_into'], 'trashed again without it: merged nowhere' );

		list( $status, $data ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $target['id'], null, array( 'merged_into' => $source['id'] ) );
		assert_same( 400, $status, 'a draft in the trash is no target' );
	}
);

indiscrets_test(
	'a writer’s own draft in an issue is not theirs to trash or merge away: it would leave the issue',
	function () {
		$editor = indiscrets_user( 'editor' );
		foreach ( array( 'contributor', 'author' ) as $role ) {
			$writer = indiscrets_user( $role );
			$issue  = indiscrets_cid();
			$placed = indiscrets_make_draft( $writer );
			$other  = indiscrets_make_draft( $writer );
			list( $status ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/drafts/' . $placed['id'], array( 'meta' => array( 'issueId' => $issue, 'sortKey' => 'a0' ), 'base_version' => $placed['version'] ) );
			assert_same( 200, $status, "$role: the editor puts it in the issue" );

			list( $status, $data ) = indiscrets_rest( $writer, 'DELETE', '/indiscrets/v1/drafts/' . $placed['id'] );
			assert_same( 403, $status, "$role: trash" );
			assert_same( 'indiscrets_cannot_arrange', $data['code'], "$role: trash code" );
			assert_same( 'editor', $data['data']['needs'], "$role: trash needs" );
			list( $status ) = indiscrets_rest( $writer, 'DELETE', '/indiscrets/v1/drafts/' . $placed['id'], null, array( 'merged_into' => $other['id'] ) );
			assert_same( 403, $status, "$role: merge away" );
			assert_same( 'draft', get_post_status( $placed['id'] ), "$role: still there" );
			assert_same( $issue, get_post_meta( $placed['id'], 'issueId', true ), "$role: still in the issue" );
			assert_same( '', get_post_meta( $placed['id'], INDISCRETS_MERGED_INTO_KEY, true ), "$role: no merge said" );

			// Out of any issue, their own draft is theirs to trash; in one, the editor's.
			list( $status ) = indiscrets_rest( $writer, 'DELETE', '/indiscrets/v1/drafts/' . $other['id'] );
			assert_same( 200, $status, "$role: trash a draft in no issue" );
			list( $status ) = indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $placed['id'] );
			assert_same( 200, $status, "$role: the editor trashes it" );
			// Out of the trash it goes back to its issue: restoring takes nothing out.
			list( $status ) = indiscrets_rest( $writer, 'POST', '/indiscrets/v1/drafts/' . $placed['id'] . '/restore' );
			assert_same( 200, $status, "$role: restore" );
		}
	}
);

indiscrets_test(
	'deleting for good is for editors; a writer’s DELETE goes to the trash only',
	function () {
		$writer = indiscrets_user( 'contributor' );
		$draft  = indiscrets_make_draft( $writer );
		list( $status, $data ) = indiscrets_rest( $writer, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'], null, array( 'force' => true ) );
		assert_same( 403, $status, 'force' );
		assert_same( 'draft', get_post_status( $draft['id'] ), 'still there' );
	}
);

indiscrets_test(
	'the edit lock is WordPress’s _edit_lock: shown to others, expires after the lock window',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		list( $status, $data ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/drafts/' . $draft['id'] . '/lock' );
		assert_same( 200, $status, 'take' );
		assert_same( $a, $data['lock']['user']['id'], 'holder' );
		list( $status, $data ) = indiscrets_rest( $b, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( $a, $data['lock']['user']['id'], 'seen by B' );
		list( $status, $data ) = indiscrets_rest( $b, 'POST', '/indiscrets/v1/drafts/' . $draft['id'] . '/lock' );
		assert_same( 423, $status, 'B blocked' );
		list( $status, $data ) = indiscrets_rest( $b, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] . '/lock' );
		assert_same( $a, $data['lock']['user']['id'], 'B cannot release A’s lock' );
		// wp-admin's own format and window.
		update_post_meta( $draft['id'], '_edit_lock', ( time() - 151 ) . ':' . $a );
		assert_same( null, indiscrets_lock_of( $draft['id'] ), 'expired' );
		require_once ABSPATH . 'wp-admin/includes/post.php';
		wp_set_current_user( $b );
		wp_set_post_lock( $draft['id'] );
		assert_same( $b, indiscrets_lock_of( $draft['id'] )['user']['id'], 'lock taken in wp-admin' );
	}
);

indiscrets_test(
	'a record put in the trash loses its edit lock, through the REST API as in wp-admin',
	function () {
		$a     = indiscrets_user( 'editor' );
		$b     = indiscrets_user( 'editor' );
		$draft = indiscrets_make_draft( $a );
		$lock  = '/indiscrets/v1/drafts/' . $draft['id'] . '/lock';
		list( $status ) = indiscrets_rest( $a, 'POST', $lock );
		assert_same( 200, $status, 'A takes the lock' );
		// A, who holds the lock, trashes the draft (the extension's « Supprimer »).
		list( $status, $data ) = indiscrets_rest( $a, 'DELETE', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( 200, $status, 'trashed' );
		assert_same( 'trash', $data['status'], 'in the trash' );
		assert_same( null, $data['lock'], 'the trash answers no lock' );
		assert_same( '', get_post_meta( $draft['id'], '_edit_lock', true ), 'the lock meta is gone' );
		list( $status, $data ) = indiscrets_rest( $b, 'GET', '/indiscrets/v1/drafts/' . $draft['id'] );
		assert_same( null, $data['lock'], 'B sees no lock' );
		// Restored, B may edit it at once: no 423 for the trasher's lock.
		list( $status ) = indiscrets_rest( $b, 'POST', '/indiscrets/v1/drafts/' . $draft['id'] . '/restore' );
		assert_same( 200, $status, 'restored' );
		list( $status, $data ) = indiscrets_rest( $b, 'POST', $lock );
		assert_same( 200, $status, 'B takes the lock' );
		assert_same( $b, $data['lock']['user']['id'], 'B holds it' );

		// An issue open in wp-admin's editor (its post lock), moved to the trash there.
		list( $status, $issue ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°3', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 201, $status, 'issue' );
		require_once ABSPATH . 'wp-admin/includes/post.php';
		wp_set_current_user( $a );
		wp_set_post_lock( $issue['id'] );
		assert_same( $a, indiscrets_lock_of( $issue['id'] )['user']['id'], 'locked in wp-admin' );
		assert_true( (bool) wp_trash_post( $issue['id'] ), 'trashed in wp-admin' );
		assert_same( '', get_post_meta( $issue['id'], '_edit_lock', true ), 'the issue’s lock is gone' );
		list( $status, $data ) = indiscrets_rest( $b, 'GET', '/indiscrets/v1/issues/' . $issue['id'] );
		assert_same( null, $data['lock'], 'B sees no lock on the issue' );

		// WordPress's own posts keep WordPress's behaviour: the plugin leaves their locks alone.
		$post = wp_insert_post( array( 'post_title' => 'Autre', 'post_status' => 'draft' ) );
		wp_set_post_lock( $post );
		wp_trash_post( $post );
		assert_true( '' !== get_post_meta( $post, '_edit_lock', true ), 'a post keeps its lock' );
	}
);

indiscrets_test(
	'a listing asked with locks=1 says who is editing what on the whole desk, fresh locks only',
	function () {
		$a      = indiscrets_user( 'editor' );
		$b      = indiscrets_user( 'contributor' );
		$held   = indiscrets_make_draft( $a );
		$stale  = indiscrets_make_draft( $a );
		list( $status, $issue ) = indiscrets_rest( $a, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°2', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 201, $status, 'issue' );
		indiscrets_rest( $a, 'POST', '/indiscrets/v1/drafts/' . $held['id'] . '/lock' );
		indiscrets_rest( $a, 'POST', '/indiscrets/v1/issues/' . $issue['id'] . '/lock' );
		update_post_meta( $stale['id'], '_edit_lock', ( time() - 151 ) . ':' . $a );
		$list = function ( $query ) use ( $b ) {
			wp_set_current_user( $b );
			$request = new WP_REST_Request( 'GET', '/indiscrets/v1/issues' );
			foreach ( $query as $k => $v ) {
				$request->set_param( $k, $v );
			}
			return rest_do_request( $request )->get_headers();
		};
		// Only this test's records: other suites leave locks of their own on the desk.
		$ours    = function ( $locks ) use ( $held, $stale, $issue ) {
			$out = array();
			foreach ( $locks as $lock ) {
				if ( in_array( $lock['id'], array( $held['id'], $stale['id'], $issue['id'] ), true ) ) {
					$out[ $lock['kind'] . ':' . $lock['id'] ] = $lock;
				}
			}
			return $out;
		};
		$headers = $list( array( 'locks' => true, 'per_page' => 1 ) );
		$held_of = $ours( json_decode( $headers['X-Indiscrets-Locks'], true ) );
		assert_same( 2, count( $held_of ), 'the draft and the issue, not the stale lock' );
		$draft_lock = $held_of[ 'drafts:' . $held['id'] ];
		assert_same( $a, $draft_lock['user']['id'], 'holder' );
		assert_same( $held['meta']['clientId'], $draft_lock['clientId'], 'clientId' );
		assert_true( isset( $held_of[ 'issues:' . $issue['id'] ] ), 'issue lock' );
		assert_true( (bool) preg_match( '/^[\x20-\x7e]*$/', $headers['X-Indiscrets-Locks'] ), 'ASCII header' );
		indiscrets_rest( $a, 'DELETE', '/indiscrets/v1/drafts/' . $held['id'] . '/lock' );
		$locks = $ours( json_decode( $list( array( 'locks' => true ) )['X-Indiscrets-Locks'], true ) );
		assert_same( array( 'issues:' . $issue['id'] ), array_keys( $locks ), 'released' );
		assert_true( ! isset( $list( array() )['X-Indiscrets-Locks'] ), 'only when asked' );
	}
);

indiscrets_test(
	'modified_after lists changes since a time, trashed records included, oldest first, paged',
	function () {
		global $wpdb;
		$editor = indiscrets_user( 'editor' );
		// Drafts made by the tests before this one (same minute) would match the window too:
		// age them all, so the window holds only what this test changes, whatever ran first.
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->posts} SET post_modified_gmt = %s, post_modified = %s WHERE post_type = %s", '2020-01-01 00:00:00', '2020-01-01 00:00:00', 'indiscrets_draft' ) );
		wp_cache_flush();
		$old    = indiscrets_make_draft( $editor );
		$new    = indiscrets_make_draft( $editor );
		$gone   = indiscrets_make_draft( $editor );
		$wpdb->update( $wpdb->posts, array( 'post_modified_gmt' => '2020-01-01 00:00:00', 'post_modified' => '2020-01-01 00:00:00' ), array( 'ID' => $old['id'] ) );
		indiscrets_rest( $editor, 'DELETE', '/indiscrets/v1/drafts/' . $gone['id'] );
		clean_post_cache( $old['id'] );
		$since = gmdate( 'Y-m-d\TH:i:s\Z', time() - 60 );
		list( $status, $data ) = indiscrets_rest(
			$editor,
			'GET',
			'/indiscrets/v1/drafts',
			null,
			array(
				'modified_after' => $since,
				'status'         => 'any,trash',
				'orderby'        => 'modified',
				'order'          => 'asc',
				'per_page'       => 1,
				'_fields'        => 'id,version,status',
			)
		);
		assert_same( 200, $status, 'list' );
		assert_same( 1, count( $data ), 'one per page' );
		$ids = array( $data[0]['id'] );
		list( $status, $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/drafts', null, array( 'modified_after' => $since, 'status' => 'any,trash', 'orderby' => 'modified', 'order' => 'asc', 'per_page' => 1, 'page' => 2, '_fields' => 'id,version,status' ) );
		$ids[] = $data[0]['id'];
		sort( $ids );
		assert_same( array( $new['id'], $gone['id'] ), $ids, 'changed records' );
		list( $status, $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1/drafts', null, array( 'modified_after' => $since, 'per_page' => 10 ) );
		assert_same( array( $new['id'] ), array_column( $data, 'id' ), 'without trash by default' );
	}
);

indiscrets_test(
	'the namespace index says which plugin answers, who the user is and what they may do',
	function () {
		$writer = indiscrets_user( 'contributor' );
		list( $status, $data ) = indiscrets_rest( $writer, 'GET', '/indiscrets/v1' );
		assert_same( 200, $status, 'index' );
		assert_same( INDISCRETS_VERSION, $data['plugin']['version'], 'version' );
		assert_same( $writer, $data['user']['id'], 'user' );
		assert_same( array( 'contributor' ), $data['user']['roles'], 'roles' );
		assert_true( $data['can']['clip'], 'clip' );
		assert_false( $data['can']['arrange'], 'arrange' );
		assert_false( $data['can']['publish'], 'publish' );
		$editor = indiscrets_user( 'editor' );
		list( , $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1' );
		assert_true( $data['can']['arrange'], 'editor arranges' );
		assert_true( $data['can']['publish'], 'editor publishes' );
	}
);

indiscrets_test(
	'the namespace index names each of the user’s roles as WordPress shows it, translated, a role of the site’s own too',
	function () {
		add_role( 'shop_manager', 'Shop manager', array( 'read' => true, 'edit_others_posts' => true ) );
		// What a French WooCommerce does: its role's name translated as a user role.
		$french = function ( $text, $original, $context ) {
			return 'User role' === $context && 'Shop manager' === $original ? 'Gestionnaire de boutique' : $text;
		};
		add_filter( 'gettext_with_context', $french, 10, 3 );
		try {
			$manager = indiscrets_user( 'shop_manager' );
			list( $status, $data ) = indiscrets_rest( $manager, 'GET', '/indiscrets/v1' );
			assert_same( 200, $status, 'index' );
			assert_same( array( 'shop_manager' ), $data['user']['roles'], 'roles' );
			assert_same( array( 'shop_manager' => 'Gestionnaire de boutique' ), $data['user']['roleNames'], 'its name, translated' );
			// What it may do is its capabilities': none of the desk's here.
			assert_false( $data['can']['read'], 'read' );
			$editor = indiscrets_user( 'editor' );
			list( , $data ) = indiscrets_rest( $editor, 'GET', '/indiscrets/v1' );
			assert_same( array( 'editor' => 'Editor' ), $data['user']['roleNames'], 'a known role' );
			$raw = indiscrets_namespace_index( new WP_REST_Response( array( 'namespace' => INDISCRETS_NAMESPACE ) ), null )->get_data();
			assert_same( '{"editor":"Editor"}', wp_json_encode( $raw['user']['roleNames'] ), 'an object' );
			$bare = indiscrets_user( 'subscriber' );
			( new WP_User( $bare ) )->set_role( '' );
			wp_set_current_user( 0 );
			wp_set_current_user( $bare );
			$raw = indiscrets_namespace_index( new WP_REST_Response( array( 'namespace' => INDISCRETS_NAMESPACE ) ), null )->get_data();
			assert_same( '{}', wp_json_encode( $raw['user']['roleNames'] ), 'no role: an empty object, not []' );
		} finally {
			remove_filter( 'gettext_with_context', $french, 10 );
			remove_role( 'shop_manager' );
		}
	}
);

indiscrets_test(
	'GET /changes answers both kinds’ first page from each cursor, trash included, with the asked fields only',
	function () {
		$writer = indiscrets_user( 'contributor' );
		$editor = indiscrets_user( 'editor' );
		$since  = gmdate( 'Y-m-d\TH:i:s\Z', time() - 1 );
		$live   = indiscrets_make_draft( $writer );
		$gone   = indiscrets_make_draft( $writer );
		list( $status ) = indiscrets_rest( $writer, 'DELETE', '/indiscrets/v1/drafts/' . $gone['id'] );
		assert_same( 200, $status, 'trash' );
		list( $status, $issue ) = indiscrets_rest( $editor, 'POST', '/indiscrets/v1/issues', array( 'title' => 'N°1', 'meta' => array( 'clientId' => indiscrets_cid() ) ) );
		assert_same( 201, $status, 'issue' );

		list( $status, $data ) = indiscrets_rest(
			$writer,
			'GET',
			'/indiscrets/v1/changes',
			null,
			array(
				'drafts_after' => $since,
				'issues_after' => gmdate( 'Y-m-d\TH:i:s\Z', time() + 3600 ),
				'fields'       => 'id,status,version,meta.clientId',
			)
		);
		assert_same( 200, $status, 'changes: ' . wp_json_encode( $data ) );
		$ids = array_map( function ( $r ) { return $r['id']; }, $data['drafts']['records'] );
		assert_true( in_array( $live['id'], $ids, true ), 'live draft listed' );
		assert_true( in_array( $gone['id'], $ids, true ), 'trashed draft listed' );
		assert_same( count( $ids ), $data['drafts']['total'], 'drafts total' );
		assert_same( array(), $data['issues']['records'], 'issues after their own (later) cursor' );
		$record = $data['drafts']['records'][0];
		$keys = array_keys( $record );
		sort( $keys );
		assert_same( array( 'id', 'meta', 'status', 'version' ), $keys, 'fields' );
		assert_same( array( 'clientId' ), array_keys( $record['meta'] ), 'meta fields' );

		$subscriber = indiscrets_user( 'subscriber' );
		list( $status, $data ) = indiscrets_rest( $subscriber, 'GET', '/indiscrets/v1/changes' );
		assert_same( 403, $status, 'subscriber' );
		assert_same( 'contributor', $data['data']['needs'], 'needs' );
	}
);

indiscrets_test(
	'uninstalling removes the capabilities and keeps the newsroom’s records',
	function () {
		$writer = indiscrets_user( 'contributor' );
		$draft  = indiscrets_make_draft( $writer );
		define( 'WP_UNINSTALL_PLUGIN', 'indiscrets/indiscrets.php' );
		include WP_PLUGIN_DIR . '/indiscrets/uninstall.php';
		wp_roles()->for_site();
		assert_false( get_role( 'editor' )->has_cap( INDISCRETS_CAP_ARRANGE ), 'editor cap removed' );
		assert_false( get_role( 'contributor' )->has_cap( INDISCRETS_CAP_READ ), 'contributor cap removed' );
		assert_same( INDISCRETS_DRAFT, get_post_type( $draft['id'] ), 'record kept' );
	}
);

indiscrets_test(
	'uninstalling writes the roles once, not once for each capability of each role',
	function () {
		indiscrets_grant_caps();
		$writes = 0;
		$count  = static function () use ( &$writes ) {
			$writes++;
		};
		// On a network, each site's roles are written in turn: a few hundred sites within a request.
		add_action( 'update_option_' . wp_roles()->role_key, $count );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'indiscrets/indiscrets.php' );
		}
		include WP_PLUGIN_DIR . '/indiscrets/uninstall.php';
		remove_action( 'update_option_' . wp_roles()->role_key, $count );
		assert_same( 1, $writes, 'writes of the roles option' );
		wp_roles()->for_site();
		foreach ( array( 'administrator', 'editor', 'author', 'contributor' ) as $role ) {
			foreach ( indiscrets_all_caps() as $cap ) {
				assert_false( get_role( $role )->has_cap( $cap ), "$role: $cap removed" );
			}
		}
		assert_true( get_role( 'editor' )->has_cap( 'edit_others_posts' ), 'WordPress’s own kept' );
		assert_false( get_option( 'indiscrets_caps_version' ), 'caps version gone' );
	}
);

indiscrets_run_tests();
