<?php
/**
 * A tiny assertion harness for the plugin's PHP tests, run inside the real test WordPress
 * (scripts/wordpress, through wpEval, like `wp eval`) by tests/wordpress/plugin-php.test.ts.
 *
 * Why not PHPUnit: WordPress's PHPUnit suite needs the wordpress-develop checkout and its own
 * database install; here the site is already running with the plugin active, so each test runs
 * in that site, inside a database transaction that is rolled back afterwards (the site is left
 * as it was), and reports JSON that Vitest turns into one test per PHP test.
 *
 * Not part of the plugin zip.
 */

class Indiscrets_Test_Failure extends Exception {}

$GLOBALS['indiscrets_tests'] = array();

/** Declares a test. */
function indiscrets_test( $name, $fn ) {
	$GLOBALS['indiscrets_tests'][] = array( $name, $fn );
}

function indiscrets_fail_test( $message ) {
	throw new Indiscrets_Test_Failure( $message );
}

function assert_same( $expected, $actual, $what = '' ) {
	if ( $expected !== $actual ) {
		indiscrets_fail_test( ( $what ? "$what: " : '' ) . 'expected ' . var_export( $expected, true ) . ', got ' . var_export( $actual, true ) );
	}
}

function assert_true( $value, $what ) {
	if ( true !== $value ) {
		indiscrets_fail_test( "$what: expected true, got " . var_export( $value, true ) );
	}
}

function assert_false( $value, $what ) {
	if ( false !== $value ) {
		indiscrets_fail_test( "$what: expected false, got " . var_export( $value, true ) );
	}
}

/** A user with this role, created for the test (rolled back with it). */
function indiscrets_user( $role ) {
	static $n = 0;
	$n++;
	$id = wp_insert_user(
		array(
			'user_login' => "t_{$role}_{$n}_" . wp_generate_password( 6, false ),
			'user_pass'  => wp_generate_password(),
			'role'       => $role,
		)
	);
	if ( is_wp_error( $id ) ) {
		indiscrets_fail_test( 'cannot create user: ' . $id->get_error_message() );
	}
	return $id;
}

/** Runs a REST request in this process as $user_id; returns [status, data]. */
function indiscrets_rest( $user_id, $method, $route, $body = null, $query = array() ) {
	wp_set_current_user( $user_id );
	$request = new WP_REST_Request( $method, $route );
	foreach ( $query as $k => $v ) {
		$request->set_param( $k, $v );
	}
	if ( null !== $body ) {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( wp_json_encode( $body ) );
	}
	$response = rest_do_request( $request );
	$server   = rest_get_server();
	$data     = $server->response_to_data( $response, false );
	return array( $response->get_status(), json_decode( wp_json_encode( $data ), true ) );
}

/** A new client id. */
function indiscrets_cid() {
	return wp_generate_uuid4();
}

/** Runs every declared test, each in a rolled-back transaction; prints one JSON line. */
function indiscrets_run_tests() {
	global $wpdb;
	$results = array();
	foreach ( $GLOBALS['indiscrets_tests'] as list( $name, $fn ) ) {
		$wpdb->query( 'START TRANSACTION' );
		$started = microtime( true );
		$error   = null;
		try {
			$fn();
		} catch ( Throwable $e ) {
			$error = ( $e instanceof Indiscrets_Test_Failure ? '' : get_class( $e ) . ': ' ) . $e->getMessage()
				. ' (' . basename( $e->getFile() ) . ':' . $e->getLine() . ')';
		}
		$wpdb->query( 'ROLLBACK' );
		// What the test changed in memory goes too: caches, roles, current user.
		wp_cache_flush();
		wp_roles()->for_site();
		wp_set_current_user( 0 );
		$results[] = array(
			'name'  => $name,
			'error' => $error,
			'ms'    => (int) round( ( microtime( true ) - $started ) * 1000 ),
		);
	}
	echo 'INDISCRETS_PHP_TESTS:' . wp_json_encode( $results ) . "\n";
}
