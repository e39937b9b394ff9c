<?php
/**
 * Installs a subdirectory multisite network (a newsroom's: the main site at the root, « Sport » at
 * /sport/) without WP-CLI, in two steps, as WP-CLI's `core multisite-install` does:
 *
 *   php install-network.php network WP_DIR SOCKET   (single-site wp-config.php)
 *     wp_install(), then the network's tables and rows (install_network(), populate_network()).
 *   php install-network.php sites WP_DIR            (wp-config.php with MULTISITE)
 *     the sub-site (wpmu_create_blog: wp_insert_site, wp_initialize_site), the newsroom's users,
 *     each a member of the sites named below, application passwords, and the companion plugin
 *     activated network-wide. Prints INDISCRETS_JSON:{…}.
 *
 * Env: INDISCRETS_SITE_URL (http://127.0.0.1:PORT), INDISCRETS_ADMIN_PASSWORD, INDISCRETS_DB_NAME
 * (the network's database, made by the first step on the MariaDB of SOCKET).
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);
$step = $argv[1] ?? '';
$wp_dir = $argv[2] ?? '';
$url = parse_url(getenv('INDISCRETS_SITE_URL') ?: '');
if (!in_array($step, array('network', 'sites'), true) || !is_dir($wp_dir) || empty($url['host'])) {
    fwrite(STDERR, "usage: php install-network.php network|sites WP_DIR [SOCKET] (INDISCRETS_SITE_URL set)\n");
    exit(2);
}
// The network's domain is the host with its port, as the browser sends it (Host:).
$domain = $url['host'] . (isset($url['port']) ? ':' . $url['port'] : '');
$site_url = 'http://' . $domain;

$_SERVER['HTTP_HOST'] = $domain;
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['SERVER_PORT'] = (string) ($url['port'] ?? 80);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

function indiscrets_fail($what, $error) {
    $message = is_wp_error($error) ? $error->get_error_message() : (string) $error;
    fwrite(STDERR, "$what: $message\n");
    exit(1);
}

if ('network' === $step) {
    $socket = $argv[3] ?? '';
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    $db = new mysqli('localhost', 'root', '', '', 0, $socket);
    $name = (string) getenv('INDISCRETS_DB_NAME');
    if (!preg_match('/^\w+$/', $name)) {
        indiscrets_fail('INDISCRETS_DB_NAME', 'missing');
    }
    $db->query("CREATE DATABASE `$name` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    $db->close();
    mysqli_report(MYSQLI_REPORT_OFF);

    define('WP_INSTALLING', true);
    require $wp_dir . '/wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    add_filter('pre_http_request', function () {
        return new WP_Error('offline', 'No HTTP during install.');
    });
    add_filter('pre_wp_mail', '__return_false');

    $password = (string) getenv('INDISCRETS_ADMIN_PASSWORD');
    $installed = wp_install('La Une', 'admin', 'admin@example.test', true, '', wp_slash($password));
    if (is_wp_error($installed) || empty($installed['user_id'])) {
        indiscrets_fail('wp_install', $installed['user_id'] ?? 'failed');
    }
    update_option('siteurl', $site_url);
    update_option('home', $site_url);

    // The network's tables, named as a multisite names them (a single site's wpdb has no such names).
    global $wpdb;
    foreach ($wpdb->tables('ms_global') as $table => $prefixed) {
        $wpdb->$table = $prefixed;
    }
    install_network();
    $populated = populate_network(1, $domain, 'admin@example.test', 'Réseau Indiscrets', '/', false);
    if (is_wp_error($populated)) {
        indiscrets_fail('populate_network', $populated);
    }
    echo "INDISCRETS_NETWORK_OK\n";
    exit(0);
}

// `sites`: WordPress loads as the network's main site.
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter('pre_http_request', function () {
    return new WP_Error('offline', 'No HTTP during install.');
});
add_filter('pre_wp_mail', '__return_false');

$admin = get_user_by('login', 'admin');
if (!$admin || !is_super_admin($admin->ID)) {
    indiscrets_fail('network', 'admin is not the network\'s super admin');
}
// WordPress keeps a new site's domain to what a user name may hold (wp_normalize_site_data()),
// its port's colon dropped: a network on a port of its own (this test server's) keeps it.
$keep_port = static function ($sanitized, $raw) use ($domain) {
    return $raw === $domain ? $raw : $sanitized;
};
add_filter('sanitize_user', $keep_port, 10, 2);
$sport_id = wpmu_create_blog($domain, '/sport/', 'Sport', $admin->ID, array('public' => 1), get_current_network_id());
if (is_wp_error($sport_id)) {
    indiscrets_fail('wpmu_create_blog', $sport_id);
}
remove_filter('sanitize_user', $keep_port, 10);
// As on many networks, the network's administrator is no member of every site: its rights there
// are a super admin's, not a role's.
remove_user_from_blog($admin->ID, $sport_id);

/** A user of the network with an application password, a member of `$sites` (blog id => role). */
function indiscrets_user($login, $name, array $sites) {
    $id = wpmu_create_user($login, wp_generate_password(24), $login . '@example.test');
    if (!$id) {
        indiscrets_fail($login, 'wpmu_create_user failed');
    }
    wp_update_user(array('ID' => $id, 'display_name' => $name));
    foreach ($sites as $blog_id => $role) {
        $added = add_user_to_blog($blog_id, $id, $role);
        if (is_wp_error($added)) {
            indiscrets_fail("$login on site $blog_id", $added);
        }
    }
    return array('user' => $login, 'id' => (int) $id, 'name' => $name, 'appPassword' => indiscrets_app_password($id));
}

function indiscrets_app_password($user_id) {
    $app = WP_Application_Passwords::create_new_application_password($user_id, array('name' => 'indiscrets-tests'));
    if (is_wp_error($app)) {
        indiscrets_fail("application password of $user_id", $app);
    }
    return WP_Application_Passwords::chunk_password($app[0]);
}

$main_id = get_main_site_id();
$users = array(
    'admin' => array('user' => 'admin', 'id' => (int) $admin->ID, 'name' => $admin->display_name, 'appPassword' => indiscrets_app_password($admin->ID)),
    // An Editor of both sites, one account.
    'editor' => indiscrets_user('redac', 'Rédactrice en chef', array($main_id => 'editor', $sport_id => 'editor')),
    // The sports desk's Editor, a member of « Sport » only.
    'sportsEditor' => indiscrets_user('chef', 'Chef des sports', array($sport_id => 'editor')),
    // A Contributor of the main site, no member of « Sport ».
    'contributor' => indiscrets_user('pigiste', 'Pigiste', array($main_id => 'contributor')),
);

// The companion plugin, activated network-wide (Network Admin › Plugins › Network Activate).
$activated = activate_plugin('indiscrets/indiscrets.php', '', true);
if (is_wp_error($activated)) {
    indiscrets_fail('network-activate indiscrets', $activated);
}

echo 'INDISCRETS_JSON:' . json_encode(array(
    'domain' => $domain,
    'mainId' => (int) $main_id,
    'sportId' => (int) $sport_id,
    'sportUrl' => get_home_url($sport_id),
    'users' => $users,
    'wpVersion' => get_bloginfo('version'),
)) . "\n";
