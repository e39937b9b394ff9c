<?php
/**
 * The two post types, their meta, and what the plugin keeps about every record: a version
 * number (for conflict detection), who last edited it, who kept their version of it over a
 * colleague's, and a snapshot of every version in WordPress's revisions.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

/** Version of a record: 1 when created, +1 at every write. Never sent by clients. */
const INDISCRETS_VERSION_KEY = '_indiscrets_version';
/** User id of the last person who wrote the record. */
const INDISCRETS_EDITOR_KEY = '_indiscrets_last_editor';
/** On a revision: the whole record (title, content, meta, version) as JSON. */
const INDISCRETS_SNAPSHOT_KEY = '_indiscrets_record';
/** On a trashed draft merged into another: that draft's id (see the `merged_into` field). */
const INDISCRETS_MERGED_INTO_KEY = '_indiscrets_merged_into';
/**
 * Who kept their version of which fields over a colleague's (an update sent with `overrides`,
 * the extension's « Garder la mienne »): [{ version, by, over, fields, at }], oldest first. See
 * the `overrides` field.
 */
const INDISCRETS_OVERRIDES_KEY = '_indiscrets_overrides';
/**
 * Overrides kept on a record, the newest. A colleague's desk is told at its next pull, within
 * minutes: older ones only make the record's meta grow at every « Garder la mienne ».
 */
const INDISCRETS_OVERRIDES_KEPT = 10;
/**
 * Revisions read, the newest, to find whose version of a field an override replaced: enough for
 * any conflict a desk meets (it is based on a recent version), bounded for a record edited for
 * years. Past them, the override says nothing of that field (see indiscrets_replaced_versions).
 */
const INDISCRETS_REPLACED_LOOKBACK = 100;
/** Seconds a lock lasts without being renewed (WordPress's own post lock window). */
const INDISCRETS_LOCK_WINDOW = 150;

/** The plugin's post types, by REST base. */
function indiscrets_types() {
	return array(
		'drafts' => INDISCRETS_DRAFT,
		'issues' => INDISCRETS_ISSUE,
	);
}

/** Is this one of the plugin's post types? */
function indiscrets_is_record_type( $post_type ) {
	return in_array( $post_type, indiscrets_types(), true );
}

/** The meta schemas of a post type. */
function indiscrets_fields_of( $post_type ) {
	return INDISCRETS_ISSUE === $post_type ? indiscrets_issue_fields() : indiscrets_draft_fields();
}

/** Registers the post types and their meta (on `init`). */
function indiscrets_register_types() {
	$common = array(
		'public'              => false,
		'publicly_queryable'  => false,
		'exclude_from_search' => true,
		'show_ui'             => true,
		'show_in_menu'        => true,
		'show_in_nav_menus'   => false,
		'show_in_rest'        => true,
		'rest_namespace'      => INDISCRETS_NAMESPACE,
		'rest_controller_class' => 'Indiscrets_Records_Controller',
		'map_meta_cap'        => true,
		'hierarchical'        => false,
		'has_archive'         => false,
		'rewrite'             => false,
		'query_var'           => false,
		'can_export'          => true,
		'delete_with_user'    => false,
		'supports'            => array( 'title', 'editor', 'author', 'revisions', 'custom-fields' ),
	);
	register_post_type(
		INDISCRETS_DRAFT,
		array_merge(
			$common,
			array(
				'labels'          => array(
					'name'          => __( 'Indiscrets drafts', 'indiscrets' ),
					'singular_name' => __( 'Indiscrets draft', 'indiscrets' ),
				),
				'menu_icon'       => 'dashicons-paperclip',
				'rest_base'       => 'drafts',
				'capability_type' => array( 'indiscrets_draft', 'indiscrets_drafts' ),
				'capabilities'    => array(
					'read'         => INDISCRETS_CAP_READ,
					'create_posts' => 'edit_indiscrets_drafts',
				),
			)
		)
	);
	register_post_type(
		INDISCRETS_ISSUE,
		array_merge(
			$common,
			array(
				'labels'          => array(
					'name'          => __( 'Indiscrets issues', 'indiscrets' ),
					'singular_name' => __( 'Indiscrets issue', 'indiscrets' ),
				),
				'menu_icon'       => 'dashicons-media-document',
				'rest_base'       => 'issues',
				'capability_type' => array( 'indiscrets_issue', 'indiscrets_issues' ),
				'capabilities'    => array(
					'read'         => INDISCRETS_CAP_READ,
					'create_posts' => 'edit_indiscrets_issues',
				),
			)
		)
	);

	foreach ( indiscrets_types() as $post_type ) {
		foreach ( indiscrets_fields_of( $post_type ) as $key => $schema ) {
			$default = $schema['default'];
			unset( $schema['default'] );
			register_post_meta(
				$post_type,
				$key,
				array(
					'type'              => $schema['type'],
					'description'       => isset( $schema['description'] ) ? $schema['description'] : '',
					'single'            => true,
					'default'           => $default,
					// WordPress 6.4+ keeps meta in revisions itself; older versions get the
					// plugin's snapshots (indiscrets_snapshot_revision) either way.
					'revisions_enabled' => true,
					'auth_callback'     => 'indiscrets_can_write_meta',
					'show_in_rest'      => array( 'schema' => $schema ),
				)
			);
		}
	}
	// The plugin's own bookkeeping: hidden from REST's `meta` and from any client's writes (each
	// has a read-only field of its own), and never in revisions (no `revisions_enabled`): it
	// says how the record came to be, not what it holds.
	$internal = array(
		INDISCRETS_VERSION_KEY   => 'integer',
		INDISCRETS_EDITOR_KEY    => 'integer',
		INDISCRETS_OVERRIDES_KEY => 'array',
	);
	foreach ( $internal as $key => $type ) {
		foreach ( indiscrets_types() as $post_type ) {
			register_post_meta(
				$post_type,
				$key,
				array(
					'type'          => $type,
					'single'        => true,
					'show_in_rest'  => false,
					'auth_callback' => '__return_false',
				)
			);
		}
	}
}

/** Meta of a record may be written by whoever may edit the record. */
function indiscrets_can_write_meta( $allowed, $meta_key, $post_id, $user_id ) {
	return user_can( $user_id, 'edit_post', $post_id );
}

/** The record's version (0 for a post written before the plugin knew it). */
function indiscrets_version( $post_id ) {
	return (int) get_post_meta( $post_id, INDISCRETS_VERSION_KEY, true );
}

/**
 * User id of who last wrote the record: the last editor the plugin noted, else its author (a
 * record no write has reached since the plugin knew it). One rule for the `last_edited_by`
 * field and for whose words an override replaced, so the desk that is told names the same person.
 */
function indiscrets_last_editor( $post_id ) {
	$editor = (int) get_post_meta( $post_id, INDISCRETS_EDITOR_KEY, true );
	return $editor ? $editor : (int) get_post_field( 'post_author', $post_id );
}

/**
 * Notes that $by kept their version of $fields over $over's (see the `overrides` field): the
 * colleague whose words were replaced is never told otherwise, since the write is an ordinary
 * one. Called under the record's lock, so two notes never drop each other.
 *
 * @param int      $post_id  The record.
 * @param int      $version  The record's version after the write that kept them.
 * @param int      $by       Who kept their version.
 * @param int      $over     The record's last editor before that write.
 * @param string[] $fields   The extension's names of the fields kept.
 * @param array    $replaced Per field, the version whose value went and its writer's id (see
 *                           indiscrets_replaced_versions).
 */
function indiscrets_note_override( $post_id, $version, $by, $over, $fields, $replaced = array() ) {
	$entries   = indiscrets_stored_overrides( $post_id );
	$entries[] = array(
		'version'  => (int) $version,
		'by'       => (int) $by,
		'over'     => (int) $over,
		'fields'   => array_values( array_unique( array_map( 'strval', $fields ) ) ),
		'at'       => gmdate( 'Y-m-d\TH:i:s\Z' ),
		'replaced' => $replaced,
	);
	$entries = array_slice( $entries, -INDISCRETS_OVERRIDES_KEPT );
	update_post_meta( $post_id, INDISCRETS_OVERRIDES_KEY, wp_slash( $entries ) );
}

/** The overrides stored on a record, oldest first (none when the meta is missing or not a list). */
function indiscrets_stored_overrides( $post_id ) {
	$entries = get_post_meta( $post_id, INDISCRETS_OVERRIDES_KEY, true );
	if ( ! is_array( $entries ) ) {
		return array();
	}
	return array_values(
		array_filter(
			$entries,
			function ( $entry ) {
				return is_array( $entry ) && isset( $entry['version'], $entry['by'], $entry['over'], $entry['fields'], $entry['at'] );
			}
		)
	);
}

/**
 * The overrides of a record as the `overrides` field gives them: users by id and name, as
 * `last_edited_by` does, so that a desk names the colleague without another request. An entry
 * noted by a plugin that did not know `replaced` yet has none (not an empty one, which would
 * say no field's history could be read): its desk falls back as it did.
 *
 * @return array[] { version, by: {id, name}|null, over: {id, name}|null, fields, at,
 *                 replaced?: { field: { version, by: {id, name}|null } } }, oldest first.
 */
function indiscrets_overrides_of( $post_id ) {
	$out = array();
	foreach ( indiscrets_stored_overrides( $post_id ) as $entry ) {
		$item = array(
			'version' => (int) $entry['version'],
			'by'      => indiscrets_user_ref( $entry['by'] ),
			'over'    => indiscrets_user_ref( $entry['over'] ),
			'fields'  => array_values( array_map( 'strval', (array) $entry['fields'] ) ),
			'at'      => (string) $entry['at'],
		);
		if ( isset( $entry['replaced'] ) && is_array( $entry['replaced'] ) ) {
			$replaced = array();
			foreach ( $entry['replaced'] as $name => $was ) {
				if ( is_array( $was ) && isset( $was['version'], $was['by'] ) ) {
					$replaced[ (string) $name ] = array(
						'version' => (int) $was['version'],
						'by'      => indiscrets_user_ref( $was['by'] ),
					);
				}
			}
			// An object in JSON, even with no field in it (an empty PHP array would be `[]`).
			$item['replaced'] = $replaced ? $replaced : new stdClass();
		}
		$out[] = $item;
	}
	return $out;
}

/**
 * For an update based on version $base of the record that keeps $fields (the extension's names)
 * over it: for each field, the version at which the value it replaces had been written — the
 * oldest of the unbroken run of versions, going back from $base, that hold the value the record
 * has now — and who wrote that version. The record's last editor is not that person when a
 * third editor saved another field (or that very field) in between: this names whose words went,
 * field by field, for that colleague's desk to be told.
 *
 * Read from the snapshots on the revisions (the `versions` route's history), the
 * INDISCRETS_REPLACED_LOOKBACK newest. A field is left out whenever its history cannot be read
 * for sure, and the desk then falls back on what it knows: revisions disabled, a version of the
 * run without a snapshot (written before snapshots existed, a trash, a write that changed
 * nothing and so made no revision, a write refused halfway), the run reaching back past the
 * revisions read, or a name that is none of the record's fields.
 *
 * Called under the record's lock, before the write: the record is still as version $base left it.
 *
 * @param int      $post_id The record.
 * @param int      $base    The version the update was based on (the record's current one).
 * @param string[] $fields  The extension's names of the fields kept.
 * @return array { field: { version: int, by: user id } } (users by id: they are stored so).
 */
function indiscrets_replaced_versions( $post_id, $base, $fields ) {
	$post = get_post( $post_id );
	if ( ! $post || ! wp_revisions_enabled( $post ) ) {
		return array();
	}
	// Compared as stored: a snapshot is JSON, and so is the record now once through it.
	$now      = json_decode( wp_json_encode( indiscrets_record_snapshot( $post_id ) ), true );
	$trashed  = 'trash' === $post->post_status;
	$history  = indiscrets_snapshots_by_version( $post_id, INDISCRETS_REPLACED_LOOKBACK );
	$replaced = array();
	foreach ( array_unique( array_map( 'strval', $fields ) ) as $name ) {
		$value = indiscrets_field_value( $post->post_type, $name, $now, $trashed );
		if ( ! $value ) {
			continue;
		}
		$since = null;
		for ( $version = (int) $base; $version >= 1; $version-- ) {
			if ( ! isset( $history[ $version ] ) ) {
				// Unknown: the run may go on past it, or have ended at it.
				$since = null;
				break;
			}
			// A snapshot is taken of a record out of the trash only.
			$then = indiscrets_field_value( $post->post_type, $name, $history[ $version ]['record'], false );
			if ( ! $then ) {
				$since = null;
				break;
			}
			if ( $then[0] !== $value[0] ) {
				break;
			}
			$since = $version;
		}
		if ( null !== $since ) {
			$replaced[ $name ] = array(
				'version' => $since,
				'by'      => $history[ $since ]['by'],
			);
		}
	}
	return $replaced;
}

/**
 * The versions the newest $limit revisions of a record hold a snapshot of: version => { record:
 * the snapshot (title, content, meta), by: the revision's author, as the `versions` route names
 * them }. When two revisions hold one version, the newer is the version as its write ended.
 * Revisions without a snapshot (made before snapshots existed) hold no known version.
 */
function indiscrets_snapshots_by_version( $post_id, $limit ) {
	$revisions = wp_get_post_revisions(
		$post_id,
		array(
			'posts_per_page' => $limit,
			'orderby'        => 'ID',
			'order'          => 'DESC',
		)
	);
	$versions  = array();
	foreach ( $revisions as $revision ) {
		$record = indiscrets_revision_snapshot( $revision->ID );
		if ( ! $record || ! isset( $record['version'] ) ) {
			continue;
		}
		$version = (int) $record['version'];
		if ( ! isset( $versions[ $version ] ) ) {
			$versions[ $version ] = array(
				'record' => $record,
				'by'     => (int) $revision->post_author,
			);
		}
	}
	return $versions;
}

/** The snapshot a revision holds (title, content, meta, version), or null: none was attached. */
function indiscrets_revision_snapshot( $revision_id ) {
	$stored = get_metadata( 'post', $revision_id, INDISCRETS_SNAPSHOT_KEY, true );
	$record = $stored ? json_decode( $stored, true ) : null;
	return is_array( $record ) ? $record : null;
}

/**
 * The value of a field, by the extension's name, in a snapshot of a record (and whether it was in
 * the trash): `title` its title, `body` (a draft's) or `intro` (an issue's) its content,
 * `trashed` whether it was in the trash, any other name the meta of that name. Wrapped in a
 * one-item list, so that a value of null is told from null, a field that cannot be read: a name
 * that is none of the post type's fields, or a meta the snapshot lacks (taken before the field
 * existed).
 *
 * @param string $post_type The record's post type.
 * @param string $name      The extension's name of the field.
 * @param array  $record    A snapshot (see indiscrets_record_snapshot), JSON-decoded.
 * @param bool   $trashed   Whether the record was in the trash.
 * @return array|null [ value ] or null.
 */
function indiscrets_field_value( $post_type, $name, $record, $trashed ) {
	$content = INDISCRETS_ISSUE === $post_type ? 'intro' : 'body';
	if ( 'trashed' === $name ) {
		return array( (bool) $trashed );
	}
	if ( 'title' === $name || $content === $name ) {
		$key = 'title' === $name ? 'title' : 'content';
		return is_array( $record ) && array_key_exists( $key, $record ) ? array( $record[ $key ] ) : null;
	}
	if ( ! array_key_exists( $name, indiscrets_fields_of( $post_type ) ) ) {
		return null;
	}
	if ( ! isset( $record['meta'] ) || ! is_array( $record['meta'] ) || ! array_key_exists( $name, $record['meta'] ) ) {
		return null;
	}
	return array( $record['meta'][ $name ] );
}

/**
 * Posts saved during a REST create or update (see indiscrets_rest_write_of) whose version moves
 * on once everything the write stores is stored; their save_post leaves the version alone.
 * Without a post id: the ids of those posts.
 */
function indiscrets_version_pending( $post_id, $set = null ) {
	static $pending = array();
	if ( null === $post_id ) {
		return array_keys( $pending );
	}
	if ( null !== $set ) {
		if ( $set ) {
			$pending[ $post_id ] = true;
		} else {
			unset( $pending[ $post_id ] );
		}
	}
	return ! empty( $pending[ $post_id ] );
}

/** Moves a record's version on by one (to 1 for a new record). */
function indiscrets_bump_version( $post_id ) {
	$current = get_post_meta( $post_id, INDISCRETS_VERSION_KEY, true );
	if ( '' === $current ) {
		add_post_meta( $post_id, INDISCRETS_VERSION_KEY, 1, true );
	} else {
		update_post_meta( $post_id, INDISCRETS_VERSION_KEY, (int) $current + 1 );
	}
}

/**
 * Whether a REST create or update of this post type is being written in this request (set by
 * the controller around the write, read by indiscrets_on_save).
 */
function indiscrets_rest_write( $post_type, $set = null ) {
	static $writing = array();
	if ( null !== $set ) {
		$writing[ $post_type ] = $set;
	}
	return ! empty( $writing[ $post_type ] );
}

/**
 * Runs a REST create or update ($write) so that the record's version moves on only once its
 * post, its meta and its fields are all stored (rest_after_insert, see
 * indiscrets_after_rest_insert), never before. A desk pulling the record meanwhile must not be
 * told the new version with some of the old fields: it would take that version as seen, skip
 * the record when it comes again whole, and push its old fields back over the new ones on its
 * next edit. Seen in between, the record has its old version and some new fields: it comes
 * again at the desk's next pull, which is then told the new version.
 */
function indiscrets_rest_write_of( $post_type, $write, $post_id = null ) {
	$before = $post_id ? indiscrets_record_snapshot( $post_id ) : null;
	indiscrets_rest_write( $post_type, true );
	try {
		return $write();
	} finally {
		indiscrets_rest_write( $post_type, false );
		// Posts saved that rest_after_insert did not reach. A write refused after its post was
		// saved (a field that fails its schema): its version moves on if it changed the record
		// all the same (a title written before the refusal), and stays if it changed nothing.
		// Another record saved along the way (plain wp_insert_post): its version moves on.
		foreach ( indiscrets_version_pending( null ) as $saved ) {
			clean_post_cache( $saved );
			if ( $saved !== $post_id || indiscrets_record_snapshot( $saved ) !== $before ) {
				indiscrets_bump_version( $saved );
			}
			indiscrets_version_pending( $saved, false );
		}
	}
}

/** The end of a REST create or update (after its meta and fields): the version moves on. */
function indiscrets_after_rest_insert( $post ) {
	if ( indiscrets_version_pending( $post->ID ) ) {
		indiscrets_bump_version( $post->ID );
		indiscrets_version_pending( $post->ID, false );
	}
}

/**
 * Runs $work while this request holds the named MySQL lock, waiting for it up to ten seconds;
 * 503 `indiscrets_busy` (the extension tries again later) if another request keeps it longer.
 */
function indiscrets_with_lock( $name, $work ) {
	global $wpdb;
	$held = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 10)', $name ) );
	if ( '1' !== (string) $held ) {
		return new WP_Error(
			'indiscrets_busy',
			__( 'This record is being written by another request; try again in a moment.', 'indiscrets' ),
			array( 'status' => 503 )
		);
	}
	try {
		return $work();
	} finally {
		$wpdb->get_var( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $name ) );
	}
}

/**
 * Runs one write of a record ($work gets the post, read afresh) while no other request writes
 * it. The version claim and the write are two steps: without the lock, a request could claim
 * the next version while an earlier one, which read the post before, was still writing it, and
 * that earlier write would put its stale columns (the title) over the later one.
 */
function indiscrets_with_record_lock( $post_id, $work ) {
	return indiscrets_with_lock(
		'indiscrets_record_' . (int) $post_id,
		function () use ( $post_id, $work ) {
			// What this request read before the lock may have been rewritten meanwhile.
			clean_post_cache( $post_id );
			return $work( get_post( $post_id ) );
		}
	);
}

/** The hooks that keep versions, editors and snapshots up to date, whatever writes a record. */
function indiscrets_add_record_hooks() {
	foreach ( array( INDISCRETS_DRAFT, INDISCRETS_ISSUE ) as $post_type ) {
		add_action( "save_post_{$post_type}", 'indiscrets_on_save', 10, 1 );
		add_action( "rest_after_insert_{$post_type}", 'indiscrets_after_rest_insert', 10, 1 );
		add_filter( "rest_{$post_type}_trashable", '__return_true' );
	}
	add_filter( 'wp_insert_post_data', 'indiscrets_house_html', 10, 1 );
	add_action( 'wp_after_insert_post', 'indiscrets_after_insert', 10, 2 );
	add_action( '_wp_put_post_revision', 'indiscrets_note_revision', 10, 1 );
	add_filter( 'wp_untrash_post_status', 'indiscrets_untrash_status', 10, 3 );
	add_action( 'untrashed_post', 'indiscrets_forget_merge', 10, 1 );
	add_action( 'trashed_post', 'indiscrets_release_trashed_lock', 10, 1 );
	add_action( 'rest_api_init', 'indiscrets_register_rest_fields' );
}

/**
 * Every write of a record moves its version on: here for a write outside the REST API (the
 * trash, wp-admin's classic screens), at the end of the write for a REST create or update.
 */
function indiscrets_on_save( $post_id ) {
	if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) ) {
		return;
	}
	indiscrets_fix_modified_gmt( $post_id );
	if ( indiscrets_rest_write( get_post_type( $post_id ) ) ) {
		indiscrets_version_pending( $post_id, true );
	} else {
		indiscrets_bump_version( $post_id );
	}
}

/**
 * A draft's text is the extension's HTML: paragraphs of text, bold, italic and links.
 * WordPress's own editors hand it back otherwise: the block editor's classic block and TinyMCE
 * drop the paragraph tags (WordPress adds them back only on display), and converting to blocks
 * adds block comments. Stored so, the extension would show the paragraphs run together; they
 * are put back here, whatever wrote the draft. (An issue's text, its intro, is plain text in the
 * extension: it is left as it comes.)
 */
function indiscrets_house_html( $data ) {
	if ( INDISCRETS_DRAFT !== $data['post_type'] ) {
		return $data;
	}
	$content = wp_unslash( $data['post_content'] );
	$house   = trim( preg_replace( '/<!--\s*\/?wp:[^>]*-->\s*/', '', $content ) );
	if ( '' !== $house && ! preg_match( '/<(p|div|h[1-6]|ul|ol|blockquote|figure|table|pre)[\s>]/i', $house ) ) {
		$house = trim( wpautop( $house ) );
	}
	if ( trim( $content ) !== $house ) {
		$data['post_content'] = wp_slash( $house );
	}
	return $data;
}

/**
 * WordPress gives a new draft no GMT modification time (`0000-00-00 00:00:00`, a "floating"
 * date) until its first update; pulls compare GMT times (modified_after), so every record gets
 * its real one from its creation on.
 */
function indiscrets_fix_modified_gmt( $post_id ) {
	global $wpdb;
	$post = get_post( $post_id );
	if ( ! $post || '0000-00-00 00:00:00' !== $post->post_modified_gmt ) {
		return;
	}
	$wpdb->update(
		$wpdb->posts,
		array( 'post_modified_gmt' => get_gmt_from_date( $post->post_modified ) ),
		array( 'ID' => $post_id )
	);
	clean_post_cache( $post_id );
}

/**
 * After a record and its meta are saved (REST saves meta after the post, then fires this):
 * remember who wrote it and make sure the latest revision holds this exact version, so that
 * every version that was ever current can be found again in the revisions.
 */
function indiscrets_after_insert( $post_id, $post ) {
	if ( ! $post || ! indiscrets_is_record_type( $post->post_type ) ) {
		return;
	}
	if ( 'auto-draft' === $post->post_status ) {
		return;
	}
	// Putting a record in the trash is a write too: the desks that pull it say who did it (the
	// editor who had it open, or had changed it offline, is told by name).
	$user_id = get_current_user_id();
	if ( $user_id ) {
		update_post_meta( $post_id, INDISCRETS_EDITOR_KEY, $user_id );
	}
	if ( 'trash' === $post->post_status ) {
		return;
	}
	indiscrets_snapshot_revision( $post_id );
}

/** The record's content as it is now: what a revision snapshot holds. */
function indiscrets_record_snapshot( $post_id ) {
	$post   = get_post( $post_id );
	$fields = array();
	foreach ( array_keys( indiscrets_fields_of( $post->post_type ) ) as $key ) {
		$fields[ $key ] = get_post_meta( $post_id, $key, true );
	}
	return array(
		'title'   => $post->post_title,
		'content' => $post->post_content,
		'meta'    => $fields,
	);
}

/**
 * Makes the newest revision of the record hold its current state: attaches the snapshot to the
 * revision WordPress just made, or makes one when WordPress made none (a change of meta only).
 */
function indiscrets_snapshot_revision( $post_id ) {
	if ( ! wp_revisions_enabled( get_post( $post_id ) ) ) {
		return;
	}
	$snapshot  = indiscrets_record_snapshot( $post_id );
	$json      = wp_json_encode( $snapshot );
	$revisions = wp_get_post_revisions(
		$post_id,
		array(
			'posts_per_page' => 1,
			'orderby'        => 'ID',
			'order'          => 'DESC',
		)
	);
	$latest    = $revisions ? reset( $revisions ) : null;
	if ( $latest && indiscrets_revision_made_now( $latest->ID ) ) {
		// WordPress made this revision for this very write (the title or text changed), before
		// the meta was saved: it gets the snapshot of the write as it ended.
		indiscrets_attach_snapshot( $latest->ID, $post_id, $json );
		return;
	}
	$previous = $latest ? indiscrets_revision_snapshot( $latest->ID ) : null;
	if ( $previous ) {
		unset( $previous['version'] );
		if ( wp_json_encode( $previous ) === $json ) {
			return;
		}
	}
	$revision_id = _wp_put_post_revision( get_post( $post_id ) );
	if ( $revision_id && ! is_wp_error( $revision_id ) ) {
		// Made here, not by WordPress for a write to come: forgotten as made now, or the next
		// write of the record in this process (a meta change) would take it for its own and
		// put its snapshot over this version's, which would then be lost from the history.
		indiscrets_revision_made_now( $revision_id );
		indiscrets_attach_snapshot( $revision_id, $post_id, $json );
	}
}

/**
 * Revisions WordPress made in this PHP process (action `_wp_put_post_revision`) and that have
 * no snapshot yet. `$mode`: 'note' records one, 'take' tells whether it was there and forgets it.
 */
function indiscrets_revision_made_now( $revision_id, $mode = 'take' ) {
	static $made = array();
	if ( 'note' === $mode ) {
		$made[ $revision_id ] = true;
		return true;
	}
	$was = ! empty( $made[ $revision_id ] );
	unset( $made[ $revision_id ] );
	return $was;
}

function indiscrets_note_revision( $revision_id ) {
	indiscrets_revision_made_now( $revision_id, 'note' );
}

function indiscrets_attach_snapshot( $revision_id, $post_id, $json ) {
	$snapshot            = json_decode( $json, true );
	$snapshot['version'] = indiscrets_version( $post_id );
	// update_metadata() on the revision itself (update_post_meta() would write to its parent).
	update_metadata( 'post', $revision_id, INDISCRETS_SNAPSHOT_KEY, wp_slash( wp_json_encode( $snapshot ) ) );
}

/** Restoring a record from the trash gives it back the status it had, not `draft`. */
function indiscrets_untrash_status( $new_status, $post_id, $previous_status ) {
	if ( indiscrets_is_record_type( get_post_type( $post_id ) ) && $previous_status ) {
		return $previous_status;
	}
	return $new_status;
}

/** A record out of the trash is no longer merged anywhere, however it was restored. */
function indiscrets_forget_merge( $post_id ) {
	if ( indiscrets_is_record_type( get_post_type( $post_id ) ) ) {
		delete_post_meta( $post_id, INDISCRETS_MERGED_INTO_KEY );
	}
}

/**
 * A record in the trash is edited by no one: its edit lock goes, however it was trashed (the
 * REST API's DELETE, wp-admin's « Move to Trash », any wp_trash_post). WordPress keeps the
 * trasher's `_edit_lock` otherwise: restored within the lock window, the record would still say
 * the trasher is editing it, and a colleague asking for the lock would be refused it.
 */
function indiscrets_release_trashed_lock( $post_id ) {
	if ( indiscrets_is_record_type( get_post_type( $post_id ) ) ) {
		delete_post_meta( $post_id, '_edit_lock' );
	}
}

/**
 * Where a trashed draft's content went: the draft it was merged into, `{ id, clientId }`, or
 * null (not merged, not in the trash, or that draft deleted for good since).
 */
function indiscrets_merged_into( $post_id ) {
	if ( 'trash' !== get_post_status( $post_id ) ) {
		return null;
	}
	$target = (int) get_post_meta( $post_id, INDISCRETS_MERGED_INTO_KEY, true );
	$draft  = $target ? get_post( $target ) : null;
	if ( ! $draft || INDISCRETS_DRAFT !== $draft->post_type ) {
		return null;
	}
	return array(
		'id'       => $draft->ID,
		'clientId' => (string) get_post_meta( $draft->ID, 'clientId', true ),
	);
}

/** A user as the REST fields show them: id and display name. */
function indiscrets_user_ref( $user_id ) {
	$user_id = (int) $user_id;
	if ( ! $user_id ) {
		return null;
	}
	$user = get_userdata( $user_id );
	return array(
		'id'   => $user_id,
		'name' => $user ? $user->display_name : '',
	);
}

/**
 * The edit lock on a record, when another user holds one that is still fresh. Uses WordPress's
 * own `_edit_lock` post meta (`time:user_id`), so a lock taken in wp-admin shows here and the
 * other way round.
 *
 * @return array|null { user: {id, name}, since: ISO date, expires: ISO date }
 */
function indiscrets_lock_of( $post_id ) {
	$lock = get_post_meta( $post_id, '_edit_lock', true );
	if ( ! $lock ) {
		return null;
	}
	$parts   = explode( ':', $lock );
	$time    = isset( $parts[0] ) ? (int) $parts[0] : 0;
	$user_id = isset( $parts[1] ) ? (int) $parts[1] : 0;
	if ( ! $user_id ) {
		$user_id = (int) get_post_meta( $post_id, '_edit_last', true );
	}
	/** This filter is WordPress's own (wp_check_post_lock), so both agree on the window. */
	$window = (int) apply_filters( 'wp_check_post_lock_window', INDISCRETS_LOCK_WINDOW );
	if ( ! $time || ! $user_id || $time <= time() - $window ) {
		return null;
	}
	return array(
		'user'    => indiscrets_user_ref( $user_id ),
		'since'   => gmdate( 'Y-m-d\TH:i:s\Z', $time ),
		'expires' => gmdate( 'Y-m-d\TH:i:s\Z', $time + $window ),
	);
}

/**
 * Every fresh edit lock on the desk, in one indexed query (`_edit_lock` is WordPress's own post
 * lock, so wp-admin's locks are in it): who is editing what right now. A lock does not change a
 * record's `modified_gmt`, so a pull of changes would never see one taken or released.
 *
 * @return array[] { kind: 'drafts'|'issues', id, clientId, user: {id, name}, since, expires }
 */
function indiscrets_fresh_locks() {
	global $wpdb;
	$window = (int) apply_filters( 'wp_check_post_lock_window', INDISCRETS_LOCK_WINDOW );
	$kinds  = array_flip( indiscrets_types() );
	$rows   = $wpdb->get_results(
		$wpdb->prepare(
			"SELECT p.ID, p.post_type, m.meta_value FROM {$wpdb->postmeta} m
			INNER JOIN {$wpdb->posts} p ON p.ID = m.post_id
			WHERE m.meta_key = '_edit_lock' AND p.post_type IN (%s, %s) AND p.post_status <> 'trash'
			AND CAST(SUBSTRING_INDEX(m.meta_value, ':', 1) AS UNSIGNED) > %d
			ORDER BY p.ID",
			INDISCRETS_DRAFT,
			INDISCRETS_ISSUE,
			time() - $window
		)
	);
	$locks  = array();
	foreach ( $rows as $row ) {
		$lock = indiscrets_lock_of( (int) $row->ID );
		if ( ! $lock ) {
			continue;
		}
		$locks[] = array_merge(
			array(
				'kind'     => $kinds[ $row->post_type ],
				'id'       => (int) $row->ID,
				'clientId' => (string) get_post_meta( (int) $row->ID, 'clientId', true ),
			),
			$lock
		);
	}
	return $locks;
}

/** Read-only fields every record carries in REST answers. */
function indiscrets_register_rest_fields() {
	$user_schema = array(
		'type'       => array( 'object', 'null' ),
		'readonly'   => true,
		'properties' => array(
			'id'   => array( 'type' => 'integer' ),
			'name' => array( 'type' => 'string' ),
		),
	);
	$fields      = array(
		'version'        => array(
			'get_callback' => function ( $record ) {
				return indiscrets_version( $record['id'] );
			},
			'schema'       => array(
				'description' => 'Version of the record: send it back as base_version to update it.',
				'type'        => 'integer',
				'readonly'    => true,
				'context'     => array( 'view', 'edit' ),
			),
		),
		'clipped_by'     => array(
			'get_callback' => function ( $record ) {
				return indiscrets_user_ref( get_post_field( 'post_author', $record['id'] ) );
			},
			'schema'       => array_merge(
				$user_schema,
				array(
					'description' => 'Who created the record.',
					'context'     => array( 'view', 'edit' ),
				)
			),
		),
		'last_edited_by' => array(
			'get_callback' => function ( $record ) {
				return indiscrets_user_ref( indiscrets_last_editor( $record['id'] ) );
			},
			'schema'       => array_merge(
				$user_schema,
				array(
					'description' => 'Who last wrote the record.',
					'context'     => array( 'view', 'edit' ),
				)
			),
		),
		'lock'           => array(
			'get_callback' => function ( $record ) {
				return indiscrets_lock_of( $record['id'] );
			},
			'schema'       => array(
				'description' => 'The edit lock someone holds on the record now, or null.',
				'type'        => array( 'object', 'null' ),
				'readonly'    => true,
				'context'     => array( 'view', 'edit' ),
			),
		),
		'merged_into'    => array(
			'get_callback' => function ( $record ) {
				return indiscrets_merged_into( $record['id'] );
			},
			'schema'       => array(
				'description' => 'In the trash after a merge (DELETE with merged_into): the draft its content went into, { id, clientId }; null otherwise.',
				'type'        => array( 'object', 'null' ),
				'readonly'    => true,
				'context'     => array( 'view', 'edit' ),
				'properties'  => array(
					'id'       => array( 'type' => 'integer' ),
					'clientId' => array( 'type' => 'string' ),
				),
			),
		),
		'overrides'      => array(
			'get_callback' => function ( $record ) {
				return indiscrets_overrides_of( $record['id'] );
			},
			'schema'       => array(
				'description' => 'Who kept their version of which fields over whose, at which version (an update sent with overrides: the extension\'s « Garder la mienne »), newest last; the ' . INDISCRETS_OVERRIDES_KEPT . ' newest, [] when none.',
				'type'        => 'array',
				'readonly'    => true,
				'context'     => array( 'view', 'edit' ),
				'items'       => array(
					'type'       => 'object',
					'properties' => array(
						'version'  => array( 'type' => 'integer' ),
						'by'       => $user_schema,
						'over'     => $user_schema,
						'fields'   => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
						'at'       => array(
							'type'   => 'string',
							'format' => 'date-time',
						),
						'replaced' => array(
							'description'          => 'Per field kept whose history the revisions hold: the version at which the value that went had been written, and who wrote it. Missing on entries noted by plugins before it.',
							'type'                 => 'object',
							'additionalProperties' => array(
								'type'       => 'object',
								'properties' => array(
									'version' => array( 'type' => 'integer' ),
									'by'      => $user_schema,
								),
							),
						),
					),
				),
			),
		),
		'can'            => array(
			'get_callback' => function ( $record ) {
				return array(
					'edit'  => current_user_can( 'edit_post', $record['id'] ),
					'trash' => current_user_can( 'delete_post', $record['id'] ),
				);
			},
			'schema'       => array(
				'description' => 'What the current user may do with this record.',
				'type'        => 'object',
				'readonly'    => true,
				'context'     => array( 'view', 'edit' ),
				'properties'  => array(
					'edit'  => array( 'type' => 'boolean' ),
					'trash' => array( 'type' => 'boolean' ),
				),
			),
		),
	);
	foreach ( indiscrets_types() as $post_type ) {
		foreach ( $fields as $name => $args ) {
			register_rest_field( $post_type, $name, $args );
		}
	}
}
