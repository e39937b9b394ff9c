<?php
/**
 * Installs the throw-away site. Run by server.mjs with the php CLI:
 *   php install.php WP_DIR SOCKET
 * Passwords come from the environment (INDISCRETS_ADMIN_PASSWORD, INDISCRETS_SUBSCRIBER_PASSWORD)
 * so they never show in `ps`. Prints one line "INDISCRETS_JSON:{...}" on success.
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);

$wp_dir = $argv[1] ?? '';
$socket = $argv[2] ?? '';
$admin_password = getenv('INDISCRETS_ADMIN_PASSWORD');
$subscriber_password = getenv('INDISCRETS_SUBSCRIBER_PASSWORD');
if ($wp_dir === '' || $socket === '' || !$admin_password || !$subscriber_password) {
    fwrite(STDERR, "usage: php install.php WP_DIR SOCKET (with INDISCRETS_*_PASSWORD set)\n");
    exit(2);
}

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli('localhost', 'root', '', '', 0, $socket);
$db->query('CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$db->close();
mysqli_report(MYSQLI_REPORT_OFF);

$url = parse_url(getenv('INDISCRETS_SITE_URL') ?: 'http://127.0.0.1/');
$_SERVER['HTTP_HOST'] = $url['host'] . (isset($url['port']) ? ':' . $url['port'] : '');
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['SERVER_PORT'] = (string) ($url['port'] ?? 80);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

define('WP_INSTALLING', true);
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function indiscrets_fail($what, $error) {
    $message = is_wp_error($error) ? $error->get_error_message() : (string) $error;
    fwrite(STDERR, "$what: $message\n");
    exit(1);
}

// wp_install() tries a loopback request to test pretty permalinks, and mails the admin.
add_filter('pre_http_request', function () {
    return new WP_Error('offline', 'No HTTP during install.');
});
add_filter('pre_wp_mail', '__return_false');

$installed = wp_install('Petit Web', 'admin', 'admin@example.test', true, '', wp_slash($admin_password));
if (is_wp_error($installed) || empty($installed['user_id'])) {
    indiscrets_fail('wp_install', $installed['user_id'] ?? 'failed');
}

global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);

$admin_id = (int) $installed['user_id'];
$admin_app = WP_Application_Passwords::create_new_application_password($admin_id, array('name' => 'indiscrets-tests'));
if (is_wp_error($admin_app)) {
    indiscrets_fail('admin application password', $admin_app);
}

$subscriber_id = wp_insert_user(array(
    'user_login' => 'abonne',
    'user_pass' => $subscriber_password,
    'user_email' => 'abonne@example.test',
    'display_name' => 'Abonné',
    'role' => 'subscriber',
));
if (is_wp_error($subscriber_id)) {
    indiscrets_fail('subscriber', $subscriber_id);
}
$subscriber_app = WP_Application_Passwords::create_new_application_password($subscriber_id, array('name' => 'indiscrets-tests'));
if (is_wp_error($subscriber_app)) {
    indiscrets_fail('subscriber application password', $subscriber_app);
}

// The newsroom of the shared desk: one user per role, each with an application password.
$newsroom = array();
foreach (array('editor' => array('redac', 'Rédactrice en chef'), 'author' => array('auteur', 'Auteur'), 'contributor' => array('pigiste', 'Pigiste')) as $role => $who) {
    $user_id = wp_insert_user(array(
        'user_login' => $who[0],
        'user_pass' => wp_generate_password(24),
        'user_email' => $who[0] . '@example.test',
        'display_name' => $who[1],
        'role' => $role,
    ));
    if (is_wp_error($user_id)) {
        indiscrets_fail($role, $user_id);
    }
    $app = WP_Application_Passwords::create_new_application_password($user_id, array('name' => 'indiscrets-tests'));
    if (is_wp_error($app)) {
        indiscrets_fail("$role application password", $app);
    }
    $newsroom[$role] = array(
        'user' => $who[0],
        'id' => (int) $user_id,
        'name' => $who[1],
        'appPassword' => WP_Application_Passwords::chunk_password($app[0]),
    );
}

// The companion plugin (copied into wp-content/plugins by server.mjs), active as on a newsroom's
// site; a test that needs a site without it deactivates it.
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$activated = activate_plugin('indiscrets/indiscrets.php');
if (is_wp_error($activated)) {
    indiscrets_fail('activate indiscrets', $activated);
}

echo 'INDISCRETS_JSON:' . json_encode(array(
    'adminUser' => 'admin',
    'adminId' => $admin_id,
    // Formatted as WordPress shows it to users: groups of four separated by spaces.
    'appPassword' => WP_Application_Passwords::chunk_password($admin_app[0]),
    'subscriberUser' => 'abonne',
    'subscriberId' => (int) $subscriber_id,
    'subscriberAppPassword' => WP_Application_Passwords::chunk_password($subscriber_app[0]),
    'wpVersion' => get_bloginfo('version'),
    'newsroom' => $newsroom,
)) . "\n";
