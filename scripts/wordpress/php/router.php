<?php
/**
 * Router for `php -S`: serves files that exist under the document root and sends everything
 * else (pretty permalinks, /wp-json/...) to WordPress's front controller, as Apache's
 * rewrite rules would.
 */
$indiscrets_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');

/*
 * Test only: the same site under /sans-authorization/ behaves as a host that drops the
 * Authorization header before PHP (Apache running PHP as CGI/FastCGI without WordPress's
 * HTTP_AUTHORIZATION rewrite rule, some proxies): the prefix is taken off the address and the
 * credentials never reach WordPress, as on such a host. WordPress's own files are not served
 * there. Never part of the companion plugin.
 */
$indiscrets_drop = '/sans-authorization';
$indiscrets_dropped = false;
$indiscrets_uri = (string) $_SERVER['REQUEST_URI'];
if ($indiscrets_uri === $indiscrets_drop || strpos($indiscrets_uri, $indiscrets_drop . '/') === 0
    || strpos($indiscrets_uri, $indiscrets_drop . '?') === 0) {
    $indiscrets_uri = substr($indiscrets_uri, strlen($indiscrets_drop));
    if ($indiscrets_uri === '' || $indiscrets_uri[0] !== '/') {
        $indiscrets_uri = '/' . $indiscrets_uri;
    }
    $_SERVER['REQUEST_URI'] = $indiscrets_uri;
    // php -S also gives the path as PATH_INFO, which WordPress reads first.
    foreach (array('PATH_INFO', 'ORIG_PATH_INFO') as $indiscrets_key) {
        if (isset($_SERVER[$indiscrets_key]) && strpos($_SERVER[$indiscrets_key], $indiscrets_drop) === 0) {
            $_SERVER[$indiscrets_key] = substr($_SERVER[$indiscrets_key], strlen($indiscrets_drop));
        }
    }
    $indiscrets_dropped = true;
    unset(
        $_SERVER['HTTP_AUTHORIZATION'],
        $_SERVER['REDIRECT_HTTP_AUTHORIZATION'],
        $_SERVER['PHP_AUTH_USER'],
        $_SERVER['PHP_AUTH_PW'],
        $_SERVER['AUTH_TYPE']
    );
}

/*
 * Test only: under /ecrit-ailleurs/ the same site answers its reads (GET, HEAD) as its own, its
 * index naming that address (as below), and its writes with a 307 to the same path without the
 * prefix, the root's: a server sending a folder's writes to another site of its host (the folder
 * moved to the root, a network's main site sharing its users). A browser following it replays
 * the write, body and Authorization header (kept within one origin), there. Never part of the
 * companion plugin.
 */
$indiscrets_elsewhere = '/ecrit-ailleurs';
$indiscrets_uri = (string) $_SERVER['REQUEST_URI'];
if (!$indiscrets_dropped && ($indiscrets_uri === $indiscrets_elsewhere
    || strpos($indiscrets_uri, $indiscrets_elsewhere . '/') === 0
    || strpos($indiscrets_uri, $indiscrets_elsewhere . '?') === 0)) {
    $indiscrets_uri = substr($indiscrets_uri, strlen($indiscrets_elsewhere));
    if ($indiscrets_uri === '' || $indiscrets_uri[0] !== '/') {
        $indiscrets_uri = '/' . $indiscrets_uri;
    }
    if (!in_array($_SERVER['REQUEST_METHOD'], array('GET', 'HEAD'), true)) {
        header('Location: ' . $indiscrets_uri, true, 307);
        return true;
    }
    $_SERVER['REQUEST_URI'] = $indiscrets_uri;
    foreach (array('PATH_INFO', 'ORIG_PATH_INFO') as $indiscrets_key) {
        if (isset($_SERVER[$indiscrets_key]) && strpos($_SERVER[$indiscrets_key], $indiscrets_elsewhere) === 0) {
            $_SERVER[$indiscrets_key] = substr($_SERVER[$indiscrets_key], strlen($indiscrets_elsewhere));
        }
    }
    // Its own address and the front controller, as under /sans-authorization (credentials kept).
    $indiscrets_dropped = true;
    $indiscrets_drop = $indiscrets_elsewhere;
}

/*
 * Test only: under /avec-barre/ the same site behind a server adding a slash to every path
 * (nginx's and Apache's rules): a path not ending with one answered 308 to the same path with it,
 * the query kept, whatever the method; the others answered as the site's own, credentials kept.
 * Never part of the companion plugin.
 */
$indiscrets_slash = '/avec-barre';
$indiscrets_uri = (string) $_SERVER['REQUEST_URI'];
if (!$indiscrets_dropped && ($indiscrets_uri === $indiscrets_slash
    || strpos($indiscrets_uri, $indiscrets_slash . '/') === 0
    || strpos($indiscrets_uri, $indiscrets_slash . '?') === 0)) {
    $indiscrets_path = (string) parse_url($indiscrets_uri, PHP_URL_PATH);
    if (substr($indiscrets_path, -1) !== '/') {
        $indiscrets_query = (string) parse_url($indiscrets_uri, PHP_URL_QUERY);
        header('Location: ' . $indiscrets_path . '/' . ($indiscrets_query === '' ? '' : '?' . $indiscrets_query), true, 308);
        return true;
    }
    $indiscrets_uri = substr($indiscrets_uri, strlen($indiscrets_slash));
    $_SERVER['REQUEST_URI'] = $indiscrets_uri;
    foreach (array('PATH_INFO', 'ORIG_PATH_INFO') as $indiscrets_key) {
        if (isset($_SERVER[$indiscrets_key]) && strpos($_SERVER[$indiscrets_key], $indiscrets_slash) === 0) {
            $_SERVER[$indiscrets_key] = substr($_SERVER[$indiscrets_key], strlen($indiscrets_slash));
        }
    }
    $indiscrets_dropped = true;
    $indiscrets_drop = $indiscrets_slash;
}

/*
 * Test only: under /avec-api/ the same site with its REST API at a custom prefix, `/api/` (a
 * security plugin's `rest_url_prefix`): `?rest_route=` answered with a 301 to the same route
 * there, the rest of the query kept, whatever the method; `/wp-json/` gone (404); the others as
 * the site's own, credentials kept. Never part of the companion plugin.
 */
$indiscrets_api = '/avec-api';
$indiscrets_uri = (string) $_SERVER['REQUEST_URI'];
if (!$indiscrets_dropped && ($indiscrets_uri === $indiscrets_api
    || strpos($indiscrets_uri, $indiscrets_api . '/') === 0
    || strpos($indiscrets_uri, $indiscrets_api . '?') === 0)) {
    $indiscrets_path = (string) parse_url($indiscrets_uri, PHP_URL_PATH);
    parse_str((string) parse_url($indiscrets_uri, PHP_URL_QUERY), $indiscrets_query);
    if (isset($indiscrets_query['rest_route'])) {
        $indiscrets_route = (string) $indiscrets_query['rest_route'];
        unset($indiscrets_query['rest_route']);
        $indiscrets_rest = http_build_query($indiscrets_query);
        header('Location: ' . $indiscrets_api . '/api' . $indiscrets_route
            . ($indiscrets_rest === '' ? '' : '?' . $indiscrets_rest), true, 301);
        return true;
    }
    if (preg_match('#^' . preg_quote($indiscrets_api, '#') . '/wp-json(/|$)#', $indiscrets_path)) {
        http_response_code(404);
        return true;
    }
    $indiscrets_uri = substr($indiscrets_uri, strlen($indiscrets_api));
    if ($indiscrets_uri === '' || $indiscrets_uri[0] !== '/') {
        $indiscrets_uri = '/' . $indiscrets_uri;
    }
    // The prefix's routes, as WordPress's own REST API answers them.
    if ($indiscrets_uri === '/api' || strpos($indiscrets_uri, '/api/') === 0 || strpos($indiscrets_uri, '/api?') === 0) {
        $indiscrets_uri = '/wp-json' . substr($indiscrets_uri, 4);
    }
    $_SERVER['REQUEST_URI'] = $indiscrets_uri;
    foreach (array('PATH_INFO', 'ORIG_PATH_INFO') as $indiscrets_key) {
        unset($_SERVER[$indiscrets_key]);
    }
    $indiscrets_dropped = true;
    $indiscrets_drop = $indiscrets_api;
}

/*
 * Test only: under /sans-route/ the same site behind a rule blocking `?rest_route=` (some
 * hardening plugins' and servers' rules): any address with it answered by a 404 page, no
 * WordPress's; its REST API at /sans-route/wp-json/, the others as the site's own, credentials
 * kept. Under /vers-wp-json/, a server sending `?rest_route=` to the same route at
 * /vers-wp-json/wp-json/ with a 301, the rest of the query kept, whatever the method. Under
 * /ecrit-sans-route/, a rule blocking `?rest_route=` for writes only (403 page), reads answered.
 * Never part of the companion plugin.
 */
foreach (array('/sans-route', '/vers-wp-json', '/ecrit-sans-route') as $indiscrets_rule) {
    $indiscrets_uri = (string) $_SERVER['REQUEST_URI'];
    if ($indiscrets_dropped || !($indiscrets_uri === $indiscrets_rule
        || strpos($indiscrets_uri, $indiscrets_rule . '/') === 0
        || strpos($indiscrets_uri, $indiscrets_rule . '?') === 0)) {
        continue;
    }
    parse_str((string) parse_url($indiscrets_uri, PHP_URL_QUERY), $indiscrets_query);
    $indiscrets_read = in_array($_SERVER['REQUEST_METHOD'], array('GET', 'HEAD'), true);
    if (isset($indiscrets_query['rest_route']) && !($indiscrets_rule === '/ecrit-sans-route' && $indiscrets_read)) {
        if ($indiscrets_rule !== '/vers-wp-json') {
            http_response_code($indiscrets_rule === '/sans-route' ? 404 : 403);
            header('Content-Type: text/html; charset=UTF-8');
            echo '<html><body><h1>Not Found</h1></body></html>';
            return true;
        }
        $indiscrets_route = (string) $indiscrets_query['rest_route'];
        unset($indiscrets_query['rest_route']);
        $indiscrets_rest = http_build_query($indiscrets_query);
        header('Location: ' . $indiscrets_rule . '/wp-json' . $indiscrets_route
            . ($indiscrets_rest === '' ? '' : '?' . $indiscrets_rest), true, 301);
        return true;
    }
    $indiscrets_uri = substr($indiscrets_uri, strlen($indiscrets_rule));
    if ($indiscrets_uri === '' || $indiscrets_uri[0] !== '/') {
        $indiscrets_uri = '/' . $indiscrets_uri;
    }
    $_SERVER['REQUEST_URI'] = $indiscrets_uri;
    foreach (array('PATH_INFO', 'ORIG_PATH_INFO') as $indiscrets_key) {
        unset($_SERVER[$indiscrets_key]);
    }
    $indiscrets_dropped = true;
    $indiscrets_drop = $indiscrets_rule;
}

// Such a host's WordPress has that address for its own: its REST index names it (home, url),
// as a site installed there does, where it named the suite's root, a site of another folder.
if ($indiscrets_dropped) {
    $indiscrets_there = static function ($url) use ($indiscrets_drop) {
        return rtrim((string) $url, '/') . $indiscrets_drop;
    };
    foreach (array('option_home', 'option_siteurl') as $indiscrets_option) {
        $GLOBALS['wp_filter'][$indiscrets_option][99][] = array(
            'function' => $indiscrets_there,
            'accepted_args' => 1,
        );
    }
}

$indiscrets_path = urldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$indiscrets_file = realpath($indiscrets_root . $indiscrets_path);

// Under the prefix, everything goes to the front controller: the REST API is what it is for.
if (!$indiscrets_dropped && $indiscrets_file !== false && strpos($indiscrets_file, $indiscrets_root) === 0) {
    if (is_file($indiscrets_file)) {
        return false;
    }
    if (is_dir($indiscrets_file) && is_file($indiscrets_file . '/index.php')) {
        if (substr($indiscrets_path, -1) !== '/') {
            header('Location: ' . $indiscrets_path . '/', true, 301);
            return true;
        }
        return false;
    }
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $indiscrets_root . '/index.php';
chdir($indiscrets_root);
require $indiscrets_root . '/index.php';
