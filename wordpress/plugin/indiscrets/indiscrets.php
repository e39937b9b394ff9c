<?php
/**
 * Plugin Name:       Indiscrets – rédaction partagée
 * Plugin URI:        https://github.com/indiscrets/indiscrets
 * Description:       Shared desk for the Indiscrets browser extension: the newsroom's clipped drafts and issues live in WordPress, with roles, revisions, conflict detection and edit locks, over the REST API (namespace indiscrets/v1).
 * Version:           0.1.12
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Indiscrets
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       indiscrets
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

define( 'INDISCRETS_VERSION', '0.1.12' );
/** Bumped when the capabilities granted to roles change: they are stored in the database. */
define( 'INDISCRETS_CAPS_VERSION', 1 );
define( 'INDISCRETS_NAMESPACE', 'indiscrets/v1' );
define( 'INDISCRETS_DRAFT', 'indiscrets_draft' );
define( 'INDISCRETS_ISSUE', 'indiscrets_issue' );

require_once __DIR__ . '/includes/fields.php';
require_once __DIR__ . '/includes/capabilities.php';
require_once __DIR__ . '/includes/records.php';
require_once __DIR__ . '/includes/class-indiscrets-records-controller.php';
require_once __DIR__ . '/includes/routes.php';

register_activation_hook( __FILE__, 'indiscrets_activate' );

add_action( 'init', 'indiscrets_register_types' );
add_action( 'init', 'indiscrets_maybe_upgrade_caps' );
add_action( 'rest_api_init', 'indiscrets_register_routes' );
add_filter( 'map_meta_cap', 'indiscrets_map_read_cap', 10, 4 );
indiscrets_add_record_hooks();

/** Activation: the roles get their capabilities (stored by WordPress in the roles option). */
function indiscrets_activate() {
	indiscrets_grant_caps();
}
