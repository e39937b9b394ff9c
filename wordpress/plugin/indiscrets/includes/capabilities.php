<?php
/**
 * Who may do what. The post types use their own capability types, so that the newsroom's
 * roles apply to them without touching the capabilities of ordinary posts:
 *
 * - Contributor and Author: read everything on the shared desk, clip (create) drafts, edit and
 *   trash their own drafts (not one an Editor put in an issue: trashed, it would leave the
 *   issue; the records controller refuses it).
 * - Editor (and Administrator): edit and trash everyone's drafts, create and edit issues,
 *   arrange an issue (put drafts in it, order them) and publish it.
 * - Subscriber: nothing.
 *
 * `map_meta_cap` turns `edit_post`, `delete_post`, `read_post` on a record into these
 * primitives, as WordPress does for posts.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

/** Read the shared desk (drafts, issues, who is editing what). */
const INDISCRETS_CAP_READ = 'read_indiscrets';
/** Put drafts into an issue and order them (a draft's issueId and sortKey). */
const INDISCRETS_CAP_ARRANGE = 'arrange_indiscrets_issues';

/**
 * The capabilities each role gets.
 *
 * @return array<string, string[]> role => capabilities
 */
function indiscrets_role_caps() {
	$writer = array(
		INDISCRETS_CAP_READ,
		'edit_indiscrets_drafts',
		'delete_indiscrets_drafts',
	);
	$editor = array_merge(
		$writer,
		array(
			'edit_others_indiscrets_drafts',
			'delete_others_indiscrets_drafts',
			'publish_indiscrets_drafts',
			'edit_published_indiscrets_drafts',
			'delete_published_indiscrets_drafts',
			'read_private_indiscrets_drafts',
			'edit_private_indiscrets_drafts',
			'delete_private_indiscrets_drafts',
			'edit_indiscrets_issues',
			'edit_others_indiscrets_issues',
			'delete_indiscrets_issues',
			'delete_others_indiscrets_issues',
			'publish_indiscrets_issues',
			'edit_published_indiscrets_issues',
			'delete_published_indiscrets_issues',
			'read_private_indiscrets_issues',
			'edit_private_indiscrets_issues',
			'delete_private_indiscrets_issues',
			INDISCRETS_CAP_ARRANGE,
		)
	);
	return array(
		'contributor'   => $writer,
		'author'        => $writer,
		'editor'        => $editor,
		'administrator' => $editor,
	);
}

/** Every capability this plugin ever grants (to remove them on uninstall). */
function indiscrets_all_caps() {
	$all = array();
	foreach ( indiscrets_role_caps() as $caps ) {
		$all = array_merge( $all, $caps );
	}
	return array_values( array_unique( $all ) );
}

/** Grants the capabilities to the roles that exist on this site. */
function indiscrets_grant_caps() {
	foreach ( indiscrets_role_caps() as $role_name => $caps ) {
		$role = get_role( $role_name );
		if ( ! $role ) {
			continue;
		}
		foreach ( $caps as $cap ) {
			$role->add_cap( $cap );
		}
	}
	update_option( 'indiscrets_caps_version', INDISCRETS_CAPS_VERSION );
}

/**
 * Removes the plugin's capabilities from every role (uninstall), writing the site's roles once:
 * WordPress writes them at each capability removed (some fifty here), and a network's uninstall
 * does every site in one request.
 */
function indiscrets_revoke_caps() {
	$roles  = wp_roles();
	$stored = $roles->use_db;
	$change = false;
	// Removed in memory, then written once below.
	$roles->use_db = false;
	foreach ( array_keys( $roles->roles ) as $role_name ) {
		$role = $roles->get_role( $role_name );
		if ( ! $role ) {
			continue;
		}
		foreach ( indiscrets_all_caps() as $cap ) {
			if ( $role->has_cap( $cap ) ) {
				$role->remove_cap( $cap );
				$change = true;
			}
		}
	}
	$roles->use_db = $stored;
	if ( $change && $stored ) {
		update_option( $roles->role_key, $roles->roles );
	}
	delete_option( 'indiscrets_caps_version' );
}

/** An update of the plugin that changes the capabilities applies them without reactivation. */
function indiscrets_maybe_upgrade_caps() {
	if ( (int) get_option( 'indiscrets_caps_version' ) !== INDISCRETS_CAPS_VERSION ) {
		indiscrets_grant_caps();
	}
}

/**
 * What the current user may do on the shared desk, as the discovery route and each record
 * report it.
 *
 * @return array<string, bool>
 */
function indiscrets_user_abilities() {
	return array(
		'read'          => current_user_can( INDISCRETS_CAP_READ ),
		'clip'          => current_user_can( 'edit_indiscrets_drafts' ),
		'editOwn'       => current_user_can( 'edit_indiscrets_drafts' ),
		'editOthers'    => current_user_can( 'edit_others_indiscrets_drafts' ),
		'trashOwn'      => current_user_can( 'delete_indiscrets_drafts' ),
		'trashOthers'   => current_user_can( 'delete_others_indiscrets_drafts' ),
		'editIssues'    => current_user_can( 'edit_indiscrets_issues' ),
		'arrange'       => current_user_can( INDISCRETS_CAP_ARRANGE ),
		'publish'       => current_user_can( 'publish_indiscrets_issues' ),
		'deleteForever' => current_user_can( 'delete_others_indiscrets_drafts' ),
	);
}

/**
 * Reading a record is for the whole desk: WordPress would map `read_post` on someone else's
 * draft to `edit_post`; here it needs `read_indiscrets`, as the REST API does.
 */
function indiscrets_map_read_cap( $caps, $cap, $user_id, $args ) {
	if ( 'read_post' !== $cap || empty( $args[0] ) ) {
		return $caps;
	}
	$post = get_post( $args[0] );
	if ( $post && in_array( $post->post_type, array( INDISCRETS_DRAFT, INDISCRETS_ISSUE ), true ) ) {
		return array( INDISCRETS_CAP_READ );
	}
	return $caps;
}
