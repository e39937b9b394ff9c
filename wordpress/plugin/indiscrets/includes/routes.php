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
	add_filter( 'rest_exposed_cors_headers', 'indiscrets_exposed_headers' );
	register_rest_route(
		INDISCRETS_NAMESPACE,
		'/changes',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'indiscrets_changes',
			'permission_callback' => 'indiscrets_changes_permission',
			'args'                => array(
				'drafts_after' => array(
					'description' => 'Drafts modified at or after this time (as modified_after on /drafts).',
					'type'        => 'string',
					'format'      => 'date-time',
				),
				'issues_after' => array(
					'description' => 'Issues modified at or after this time (as modified_after on /issues).',
					'type'        => 'string',
					'format'      => 'date-time',
				),
				'fields'       => array(
					'description' => 'The fields of each record, as _fields on /drafts (the answer\'s own _fields would filter the envelope).',
					'type'        => 'string',
				),
				'per_page'     => array(
					'description' => 'Records of each kind in this answer (first page of each).',
					'type'        => 'integer',
					'default'     => 100,
					'minimum'     => 1,
					'maximum'     => 100,
				),
				'locks'        => array(
					'description' => 'Also answer `locks`: every fresh edit lock of the desk, both kinds: [{kind, id, clientId, user: {id, name}, since, expires}].',
					'type'        => 'boolean',
					'default'     => false,
				),
			),
		)
	);
}

function indiscrets_changes_permission() {
	if ( current_user_can( INDISCRETS_CAP_READ ) ) {
		return true;
	}
	return new WP_Error(
		'indiscrets_cannot_read',
		__( 'Sorry, your role on this site does not give access to the shared desk.', 'indiscrets' ),
		array(
			'status' => rest_authorization_required_code(),
			'needs'  => 'contributor',
		)
	);
}

/**
 * `GET /indiscrets/v1/changes?drafts_after=T&issues_after=T&fields=…`: what changed on the
 * desk, both kinds in one request — the first page of `GET /drafts` and of `GET /issues` with
 * `modified_after`, trash included, oldest first, in the edit context, each with its paging
 * (`total`, `pages`; later pages are asked of /drafts and /issues). A desk's poll is this one
 * request, and when nothing changed its answer is a few dozen bytes.
 *
 * `fields` names the fields of each record (`id,version,meta…`), as `_fields` does on /drafts
 * (not `_fields` itself: WordPress would apply it to this answer's envelope).
 */
function indiscrets_changes( $request ) {
	$server = rest_get_server();
	$fields = $request['fields'];
	$out    = array();
	foreach ( array(
		'issues' => 'issues_after',
		'drafts' => 'drafts_after',
	) as $kind => $after ) {
		$inner = new WP_REST_Request( 'GET', '/' . INDISCRETS_NAMESPACE . '/' . $kind );
		$inner->set_query_params(
			array_filter(
				array(
					'context'        => 'edit',
					'status'         => 'any,trash',
					'orderby'        => 'modified',
					'order'          => 'asc',
					'per_page'       => (int) $request['per_page'],
					'page'           => 1,
					'modified_after' => $request[ $after ],
					'_fields'        => $fields,
				)
			)
		);
		$response = rest_do_request( $inner );
		if ( $response->is_error() ) {
			return $response;
		}
		if ( $fields ) {
			// What serve_request() would do with _fields for an outer request.
			$response = rest_filter_response_fields( $response, $server, $inner );
		}
		$headers      = $response->get_headers();
		$out[ $kind ] = array(
			'records' => $response->get_data(),
			'total'   => isset( $headers['X-WP-Total'] ) ? (int) $headers['X-WP-Total'] : 0,
			'pages'   => isset( $headers['X-WP-TotalPages'] ) ? (int) $headers['X-WP-TotalPages'] : 0,
		);
	}
	if ( $request['locks'] ) {
		// Who is editing what: a lock changes no record's modified time, so a pull of changes
		// would never see one taken or released. In the poll's own answer, not a request of its own.
		$out['locks'] = indiscrets_fresh_locks();
	}
	$response = rest_ensure_response( $out );
	return $response;
}

/** The desk's locks header, readable by a page of another origin as X-WP-Total is. */
function indiscrets_exposed_headers( $headers ) {
	$headers[] = 'X-Indiscrets-Locks';
	return $headers;
}

/**
 * Adds `plugin`, `user` (`id`, `name`, `roles`, `roleNames`), `can`, `lockWindow`, `authorization`, `home` and `url` to the namespace
 * index. Ask it with `?_fields=plugin,user,can,lockWindow,authorization,home,url` to leave out the
 * (long) list of routes.
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
	$roles              = $user->exists() ? indiscrets_user_roles( $user ) : array();
	$data['user']       = $user->exists() ? array(
		'id'        => $user->ID,
		'name'      => $user->display_name,
		'roles'     => $roles,
		'roleNames' => indiscrets_role_names( $roles ),
	) : null;
	$data['can']        = indiscrets_user_abilities();
	$data['lockWindow'] = (int) apply_filters( 'wp_check_post_lock_window', INDISCRETS_LOCK_WINDOW );
	// Whether this request reached PHP with any credentials: with `user` null, false means the
	// site's server dropped the Authorization header on the way, true that WordPress refused them.
	$data['authorization'] = indiscrets_request_has_authorization();
	// The site's address and its WordPress files', as the REST index names them: a desk asking at
	// another folder of the host (a network's sub-site deleted, the main site answering under its
	// folder) is told it reached another site's desk.
	$data['home'] = home_url();
	$data['url']  = get_option( 'siteurl' );
	$response->set_data( $data );
	return $response;
}

/**
 * The user's roles on this site, as the extension names them. On a multisite network, the
 * network's administrator (a super admin) has every right of an Administrator on every site
 * (WordPress grants a super admin any capability, and `can` says so), whether no member of this
 * site (no role here: the extension said « Abonné », the strongest of none) or a member with a
 * lesser role (« Vous êtes Auteur : vous pouvez … publier »): `administrator` is first.
 *
 * @param WP_User $user The current user.
 * @return string[]
 */
function indiscrets_user_roles( $user ) {
	$roles = array_values( $user->roles );
	if ( is_multisite() && is_super_admin( $user->ID ) && ! in_array( 'administrator', $roles, true ) ) {
		array_unshift( $roles, 'administrator' );
	}
	return $roles;
}

/**
 * WordPress's display name of each role, translated as wp-admin shows it (`translate_user_role`,
 * which a plugin's own roles are translated through too, as WooCommerce's « Gestionnaire de
 * boutique »): the extension names a role it does not know (a site's « Rédacteur en chef » made
 * with a role plugin) by it, where it said « Abonné ». What the role may do there is told by
 * `can`, from its capabilities. An object even when empty.
 *
 * @param string[] $roles The user's roles.
 * @return object role => name
 */
function indiscrets_role_names( $roles ) {
	$known = wp_roles()->role_names;
	$names = array();
	foreach ( $roles as $role ) {
		if ( isset( $known[ $role ] ) && is_string( $known[ $role ] ) ) {
			$names[ $role ] = translate_user_role( $known[ $role ] );
		}
	}
	return (object) $names;
}

/**
 * Whether the request reached PHP with an Authorization header in any of the places WordPress
 * reads it (`HTTP_AUTHORIZATION`, `REDIRECT_HTTP_AUTHORIZATION` after a rewrite, `PHP_AUTH_USER`
 * when PHP parsed Basic itself). A boolean only: nothing of the header's value (the user name,
 * the application password) is ever read further, echoed or logged.
 */
function indiscrets_request_has_authorization() {
	foreach ( array( 'HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION', 'PHP_AUTH_USER' ) as $key ) {
		if ( isset( $_SERVER[ $key ] ) && '' !== $_SERVER[ $key ] ) {
			return true;
		}
	}
	return false;
}
