<?php
/**
 * Router for `php -S` serving a subdirectory multisite network: what WordPress's .htaccess for
 * such a network does (Network Setup's rules), for the built-in server.
 *
 *   RewriteRule ^([_0-9a-zA-Z-]+/)?wp-admin$ $1wp-admin/ [R=301,L]
 *   RewriteCond %{REQUEST_FILENAME} -f [OR] -d        → served as is
 *   RewriteRule ^([_0-9a-zA-Z-]+/)?(wp-(content|admin|includes).*) $2 [L]
 *   RewriteRule ^([_0-9a-zA-Z-]+/)?(.*\.php)$ $2 [L]
 *   RewriteRule . index.php [L]
 *
 * A sub-site's address (/sport/…) keeps its REQUEST_URI: WordPress finds the site from it.
 */
$indiscrets_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$indiscrets_path = urldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));

/*
 * Test only: rules a test sets in rules.json beside the WordPress files (none by default), as a
 * network's server or hardening plugin would have them. Never part of the companion plugin.
 * - `blockRestRoute`: any address with `?rest_route=` answered by a 404 page, no WordPress's
 *   (as under router.php's /sans-route/), on every site of the network.
 * - `writesTo`: { FROM: TO }, each write (any method but GET and HEAD) to a path under the folder
 *   FROM ("/sport"; "" the main site: any path under no other key) answered with a 307 to the
 *   same path and query under TO instead ("" the root): a server sending a site's writes to
 *   another site of its network.
 */
$indiscrets_rules = @json_decode((string) @file_get_contents(dirname($indiscrets_root) . '/rules.json'), true);
if (is_array($indiscrets_rules)) {
    if (!empty($indiscrets_rules['blockRestRoute']) && isset($_GET['rest_route'])) {
        http_response_code(404);
        header('Content-Type: text/html; charset=UTF-8');
        echo '<html><body><h1>Not Found</h1></body></html>';
        return true;
    }
    if (!empty($indiscrets_rules['writesTo']) && !in_array($_SERVER['REQUEST_METHOD'], array('GET', 'HEAD'), true)) {
        $indiscrets_from = '';
        foreach (array_keys($indiscrets_rules['writesTo']) as $indiscrets_folder) {
            if ('' !== $indiscrets_folder && 0 === strpos($indiscrets_path . '/', $indiscrets_folder . '/')) {
                $indiscrets_from = $indiscrets_folder;
            }
        }
        if (isset($indiscrets_rules['writesTo'][$indiscrets_from])) {
            $indiscrets_rest = substr((string) $_SERVER['REQUEST_URI'], strlen($indiscrets_from));
            header('Location: ' . $indiscrets_rules['writesTo'][$indiscrets_from] . $indiscrets_rest, true, 307);
            return true;
        }
    }
}

if (preg_match('#^(/[_0-9a-zA-Z-]+)?/wp-admin$#', $indiscrets_path)) {
    $indiscrets_query = (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_QUERY);
    header('Location: ' . $indiscrets_path . '/' . ('' === $indiscrets_query ? '' : '?' . $indiscrets_query), true, 301);
    return true;
}

/** The file a path names under the root, or null (never outside the root). */
$indiscrets_file_of = static function ($path) use ($indiscrets_root) {
    $file = realpath($indiscrets_root . $path);
    if (false === $file || 0 !== strpos($file, $indiscrets_root . '/')) {
        return null;
    }
    if (is_dir($file)) {
        $file = is_file($file . '/index.php') ? $file . '/index.php' : null;
    }
    return $file && is_file($file) ? $file : null;
};

// A file of the root: as the server would serve it.
if ($indiscrets_file_of($indiscrets_path)) {
    return false;
}

// A sub-site's own address for a file of the root (its wp-admin, its wp-includes' scripts…).
$indiscrets_inner = null;
if (preg_match('#^/[_0-9a-zA-Z-]+(/wp-(content|admin|includes).*|/[^?]*\.php)$#', $indiscrets_path, $indiscrets_match)) {
    $indiscrets_inner = $indiscrets_match[1];
}
$indiscrets_file = $indiscrets_inner ? $indiscrets_file_of($indiscrets_inner) : null;
if ($indiscrets_file && '.php' !== substr($indiscrets_file, -4)) {
    $indiscrets_types = array(
        'css' => 'text/css',
        'js' => 'text/javascript',
        'json' => 'application/json',
        'svg' => 'image/svg+xml',
        'png' => 'image/png',
        'gif' => 'image/gif',
        'jpg' => 'image/jpeg',
        'woff' => 'font/woff',
        'woff2' => 'font/woff2',
    );
    $indiscrets_ext = strtolower(pathinfo($indiscrets_file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($indiscrets_types[$indiscrets_ext] ?? 'application/octet-stream'));
    readfile($indiscrets_file);
    return true;
}
if (!$indiscrets_file) {
    $indiscrets_inner = '/index.php';
    $indiscrets_file = $indiscrets_root . '/index.php';
}

// As Apache's internal rewrite: the script is the root's, the address the one asked.
unset($_SERVER['PATH_INFO'], $_SERVER['ORIG_PATH_INFO']);
$_SERVER['SCRIPT_NAME'] = $indiscrets_inner;
$_SERVER['PHP_SELF'] = $indiscrets_inner;
$_SERVER['SCRIPT_FILENAME'] = $indiscrets_file;
chdir(dirname($indiscrets_file));
require $indiscrets_file;
