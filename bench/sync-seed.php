<?php
/**
 * Seeds the scale bench's newsroom into a throw-away WordPress with the companion plugin active
 * (bench/sync-scale.mjs runs it with scripts/wordpress's wpEval, i.e. php-cli with the site
 * loaded): 20 users with application passwords (5 Editors, 15 Contributors), 200 issues and
 * 10,000 drafts, as the plugin stores them (post types indiscrets_issue / indiscrets_draft, the
 * field contract as post meta, version 1, who last edited).
 *
 * Fast on purpose: rows go in with multi-row SQL INSERTs in one transaction (seconds), not
 * through 10,000 REST calls or wp_insert_post (minutes, and a revision each). The records look
 * as if each had been created once through the REST API, months ago; they have no revisions.
 *
 * Input (constants defined before this file is required): INDISCRETS_BENCH_DRAFTS,
 * INDISCRETS_BENCH_ISSUES. Prints one line `INDISCRETS_BENCH:{ users: [...] }`.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

global $wpdb;

$drafts_wanted = (int) INDISCRETS_BENCH_DRAFTS;
$issues_wanted = (int) INDISCRETS_BENCH_ISSUES;
$items_per_issue = 10;

// The newsroom: Editors arrange and publish issues, Contributors clip.
$users = array();
for ( $i = 1; $i <= 20; $i++ ) {
	$role  = $i <= 5 ? 'editor' : 'contributor';
	$login = sprintf( '%s%02d', 'editor' === $role ? 'redac' : 'pigiste', $i );
	$id    = wp_insert_user(
		array(
			'user_login'   => $login,
			'user_pass'    => wp_generate_password( 24 ),
			'user_email'   => $login . '@example.test',
			'display_name' => ( 'editor' === $role ? 'Rédaction ' : 'Pigiste ' ) . $i,
			'role'         => $role,
		)
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, 'user ' . $login . ': ' . $id->get_error_message() . "\n" );
		exit( 1 );
	}
	$app = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'indiscrets-bench' ) );
	if ( is_wp_error( $app ) ) {
		fwrite( STDERR, 'application password ' . $login . ': ' . $app->get_error_message() . "\n" );
		exit( 1 );
	}
	$users[] = array(
		'user'        => $login,
		'id'          => (int) $id,
		'role'        => $role,
		'appPassword' => WP_Application_Passwords::chunk_password( $app[0] ),
	);
}
$editors = array_values( array_filter( $users, function ( $u ) { return 'editor' === $u['role']; } ) );

$sites    = array( 'Bloomberg', 'Le Monde', 'Les Échos', 'Reuters', "L'Informé", 'Politico', 'Le Figaro' );
$subjects = array( 'Matignon', 'Élysée', 'Bercy', 'la BCE', 'Airbus', 'TotalEnergies', 'Mistral AI', 'Orange', 'OVH' );
$verbs    = array( 'prépare', 'dément', 'envisage', 'retarde', 'annonce', 'négocie' );
$objects  = array( 'une réforme', 'un rachat', 'une levée de fonds', 'un remaniement', 'un plan social' );
$tags     = array( 'économie', 'politique', 'tech', 'énergie', 'social' );

// Four years of work, the newest an hour ago: modification times spread evenly, oldest first.
$now   = time() - 3600;
$start = $now - 4 * 365 * 86400;
$total = $issues_wanted + $drafts_wanted;
$when  = function ( $n ) use ( $start, $now, $total ) {
	return gmdate( 'Y-m-d H:i:s', (int) ( $start + ( $now - $start ) * $n / max( 1, $total - 1 ) ) );
};

/** One wp_posts row as values, in the column order of $columns below. */
$post_row = function ( $type, $name, $author, $time, $title, $content, $status ) use ( $wpdb ) {
	return $wpdb->prepare(
		"(%d, %s, %s, %s, %s, '', %s, 'closed', 'closed', '', %s, '', '', %s, %s, '', 0, '', 0, %s, '', 0)",
		$author,
		$time,
		$time,
		$content,
		$title,
		$status,
		$name,
		$time,
		$time,
		$type
	);
};
$columns = '(post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count)';

$insert_posts = function ( $rows ) use ( $wpdb, $columns ) {
	foreach ( array_chunk( $rows, 500 ) as $chunk ) {
		if ( false === $wpdb->query( "INSERT INTO {$wpdb->posts} $columns VALUES " . implode( ',', $chunk ) ) ) {
			fwrite( STDERR, 'insert posts: ' . $wpdb->last_error . "\n" );
			exit( 1 );
		}
	}
};
$ids_of = function ( $type ) use ( $wpdb ) {
	$map = array();
	foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT ID, post_name FROM {$wpdb->posts} WHERE post_type = %s", $type ) ) as $row ) {
		$map[ $row->post_name ] = (int) $row->ID;
	}
	return $map;
};
$meta_rows = array();
$add_meta  = function ( $post_id, $key, $value ) use ( &$meta_rows, $wpdb ) {
	$meta_rows[] = $wpdb->prepare( '(%d, %s, %s)', $post_id, $key, maybe_serialize( $value ) );
};

$wpdb->query( 'START TRANSACTION' );

// Issues: the newest is open, the others were published.
$issue_rows = array();
$issues     = array();
for ( $i = 0; $i < $issues_wanted; $i++ ) {
	$time   = $when( (int) ( $i * $total / $issues_wanted ) );
	$date   = substr( $time, 0, 10 );
	$name   = sprintf( 'bench-issue-%04d', $i );
	$author = $editors[ $i % count( $editors ) ]['id'];
	$issues[ $name ] = array(
		'time'   => $time,
		'date'   => $date,
		'author' => $author,
		'open'   => $i === $issues_wanted - 1,
	);
	$issue_rows[] = $post_row( INDISCRETS_ISSUE, $name, $author, $time, 'Les indiscrets du ' . $date, '<p>Les confidences de la semaine.</p>', 'draft' );
}
$insert_posts( $issue_rows );
foreach ( $ids_of( INDISCRETS_ISSUE ) as $name => $id ) {
	$issue = $issues[ $name ];
	$add_meta( $id, 'clientId', $name );
	$add_meta( $id, 'date', $issue['date'] );
	$add_meta( $id, 'lengthBudget', 4000 );
	$add_meta( $id, 'status', $issue['open'] ? 'open' : 'published' );
	$add_meta( $id, 'createdAt', str_replace( ' ', 'T', $issue['time'] ) . '.000Z' );
	$add_meta( $id, INDISCRETS_VERSION_KEY, 1 );
	$add_meta( $id, INDISCRETS_EDITOR_KEY, $issue['author'] );
}
$issue_names = array_keys( $issues );

// Drafts: the first ones fill the issues (10 items each), the rest are in the inbox; one in 50
// is in the trash (trash reaches every desk too).
$draft_rows = array();
$drafts     = array();
for ( $i = 0; $i < $drafts_wanted; $i++ ) {
	$time    = $when( $issues_wanted + $i );
	$name    = sprintf( 'bench-draft-%05d', $i );
	$author  = $users[ $i % count( $users ) ]['id'];
	$subject = $subjects[ $i % count( $subjects ) ];
	$site    = $sites[ $i % count( $sites ) ];
	$title   = $subject . ' ' . $verbs[ $i % count( $verbs ) ] . ' ' . $objects[ $i % count( $objects ) ];
	$quote   = '« ' . $subject . ' n’a pas encore tranché », confie un proche du dossier, qui évoque une décision « dans les prochaines semaines ».';
	$body    = '<p>Selon nos informations, ' . $subject . ' ' . $verbs[ ( $i + 1 ) % count( $verbs ) ] . ' ' . $objects[ ( $i + 2 ) % count( $objects ) ] . '. ' . $quote . ' Le calendrier reste à préciser.</p>';
	$issue   = $i < count( $issue_names ) * $items_per_issue ? $issue_names[ intdiv( $i, $items_per_issue ) ] : '';
	$trashed = '' === $issue && 0 === $i % 50;
	$drafts[ $name ] = array(
		'i'       => $i,
		'time'    => $time,
		'author'  => $author,
		'subject' => $subject,
		'site'    => $site,
		'title'   => $title,
		'quote'   => $quote,
		'issue'   => $issue,
		'trashed' => $trashed,
	);
	$draft_rows[] = $post_row( INDISCRETS_DRAFT, $name, $author, $time, $title, $body, $trashed ? 'trash' : 'draft' );
}
$insert_posts( $draft_rows );
foreach ( $ids_of( INDISCRETS_DRAFT ) as $name => $id ) {
	$d   = $drafts[ $name ];
	$url = 'https://www.exemple-' . $d['i'] % 7 . '.fr/articles/' . $d['i'];
	$iso = str_replace( ' ', 'T', $d['time'] ) . '.000Z';
	$add_meta( $id, 'clientId', $name );
	$add_meta( $id, 'url', $url );
	$add_meta( $id, 'siteName', $d['site'] );
	$add_meta( $id, 'byline', 'Jeanne Reporter' );
	$add_meta( $id, 'publishedAt', $iso );
	$add_meta( $id, 'lang', 'fr' );
	$add_meta( $id, 'excerpt', 'Ce que prépare ' . $d['subject'] . ', selon nos informations.' );
	$add_meta(
		$id,
		'quotes',
		array(
			array(
				'text'      => $d['quote'],
				'html'      => '<p>' . esc_html( $d['quote'] ) . '</p>',
				'clippedAt' => $iso,
			),
		)
	);
	$add_meta( $id, 'provenance', array( 'title' => 'og:title', 'byline' => 'json-ld' ) );
	$add_meta(
		$id,
		'sources',
		array(
			array(
				'url'      => $url,
				'title'    => $d['title'],
				'siteName' => $d['site'],
			),
		)
	);
	$add_meta( $id, 'tags', array( $tags[ $d['i'] % count( $tags ) ] ) );
	$add_meta( $id, 'status', '' === $d['issue'] ? 'draft' : 'ready' );
	$add_meta( $id, 'issueId', $d['issue'] );
	$add_meta( $id, 'sortKey', '' === $d['issue'] ? '' : 'a' . ( $d['i'] % $items_per_issue ) );
	$add_meta( $id, 'createdAt', $iso );
	$add_meta( $id, INDISCRETS_VERSION_KEY, 1 );
	$add_meta( $id, INDISCRETS_EDITOR_KEY, $d['author'] );
	if ( $d['trashed'] ) {
		// What wp_trash_post() leaves, so that a restore gives the draft back its status.
		$add_meta( $id, '_wp_trash_meta_status', 'draft' );
		$add_meta( $id, '_wp_trash_meta_time', strtotime( $d['time'] . ' UTC' ) );
	}
}
foreach ( array_chunk( $meta_rows, 2000 ) as $chunk ) {
	if ( false === $wpdb->query( "INSERT INTO {$wpdb->postmeta} (post_id, meta_key, meta_value) VALUES " . implode( ',', $chunk ) ) ) {
		fwrite( STDERR, 'insert meta: ' . $wpdb->last_error . "\n" );
		exit( 1 );
	}
}
$wpdb->query( 'COMMIT' );
wp_cache_flush();

echo 'INDISCRETS_BENCH:' . wp_json_encode(
	array(
		'users'  => $users,
		'drafts' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s", INDISCRETS_DRAFT ) ),
		'issues' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s", INDISCRETS_ISSUE ) ),
		'metaRows' => count( $meta_rows ),
	)
) . "\n";
