<?php
/**
 * Uninstalling the plugin (Plugins › Delete, not Deactivate) removes its capabilities from the
 * roles and its options, on every site of a multisite network.
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

/*
 * One site's part: its roles' capabilities and options, and its records if asked. A closure, not
 * a function: WordPress may include this file more than once in a request.
 */
$indiscrets_uninstall_site = static function () {
	indiscrets_revoke_caps();

	if ( defined( 'INDISCRETS_DELETE_DATA_ON_UNINSTALL' ) && INDISCRETS_DELETE_DATA_ON_UNINSTALL ) {
		foreach ( array( 'indiscrets_draft', 'indiscrets_issue' ) as $type ) {
			do {
				$ids = get_posts(
					array(
						'post_type'      => $type,
						'post_status'    => 'any,trash,auto-draft',
						'fields'         => 'ids',
						'posts_per_page' => 200,
						'no_found_rows'  => true,
					)
				);
				foreach ( $ids as $id ) {
					// Deletes its meta and revisions too.
					wp_delete_post( $id, true );
				}
			} while ( $ids );
		}
	}
};

if ( is_multisite() ) {
	/*
	 * Deleted from a network (Network Admin › Plugins), this file runs once, on the main site;
	 * each site's roles have the capabilities (granted there on its first request with the
	 * plugin active, network-wide or on that site): every site of the network is cleared.
	 */
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $indiscrets_site_id ) {
		switch_to_blog( $indiscrets_site_id );
		$indiscrets_uninstall_site();
		restore_current_blog();
	}
} else {
	$indiscrets_uninstall_site();
}
