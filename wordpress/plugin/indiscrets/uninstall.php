<?php
/**
 * Uninstalling the plugin (Plugins › Delete, not Deactivate) removes its capabilities from the
 * roles and its options.
 *
 * The newsroom's drafts and issues stay in the database: deleting a plugin must not delete a
 * week of everyone's work. To remove them too, define in wp-config.php, before deleting the
 * plugin:
 *
 *     define( 'INDISCRETS_DELETE_DATA_ON_UNINSTALL', true );
 *
 * @package Indiscrets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/capabilities.php';

indiscrets_revoke_caps();

if ( defined( 'INDISCRETS_DELETE_DATA_ON_UNINSTALL' ) && INDISCRETS_DELETE_DATA_ON_UNINSTALL ) {
	foreach ( array( 'indiscrets_draft', 'indiscrets_issue' ) as $indiscrets_type ) {
		do {
			$indiscrets_ids = get_posts(
				array(
					'post_type'      => $indiscrets_type,
					'post_status'    => 'any,trash,auto-draft',
					'fields'         => 'ids',
					'posts_per_page' => 200,
					'no_found_rows'  => true,
				)
			);
			foreach ( $indiscrets_ids as $indiscrets_id ) {
				// Deletes its meta and revisions too.
				wp_delete_post( $indiscrets_id, true );
			}
		} while ( $indiscrets_ids );
	}
}
