<?php
/**
 * Discovery: `GET /wp-json/indiscrets/v1/` (WordPress's own index of the namespace) also says
 * which plugin answers, who the user is and what they may do. The extension offers
 * « Rédaction partagée » when this answers.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

function indiscrets_register_routes() {
	add_filter( 'rest_namespace_index', 'indiscrets_namespace_index', 10, 2 );
}

/**
 * Adds `plugin`, `user`, `can` and `lockWindow` to the namespace index. Ask it with
 * `?_fields=plugin,user,can,lockWindow` to leave out the (long) list of routes.
 */
function indiscrets_namespace_index( $response, $request ) {
	$data = $response->get_data();
	if ( ! isset( $data['namespace'] ) || INDISCRETS_NAMESPACE !== $data['namespace'] ) {
		return $response;
	}
	$user               = wp_get_current_user();
	$data['plugin']     = array(
		'name'       => 'indiscrets',
		'version'    => INDISCRETS_VERSION,
		'wordpress'  => get_bloginfo( 'version' ),
		'postTypes'  => indiscrets_types(),
		'revisions'  => post_type_supports( INDISCRETS_DRAFT, 'revisions' ) && WP_POST_REVISIONS,
	);
	$data['user']       = $user->exists() ? array(
		'id'    => $user->ID,
		'name'  => $user->display_name,
		'roles' => array_values( $user->roles ),
	) : null;
	$data['can']        = indiscrets_user_abilities();
	$data['lockWindow'] = (int) apply_filters( 'wp_check_post_lock_window', INDISCRETS_LOCK_WINDOW );
	$response->set_data( $data );
	return $response;
}
