<?php
/**
 * Runs PHP code inside the throw-away site, like `wp eval`: php eval.php WP_DIR < code.
 * The code's output is printed; WordPress is loaded without a web request. On a multisite
 * network, INDISCRETS_EVAL_URL (http://HOST:PORT/PATH/) names the site to load, as the request
 * for that address would (the main site: the network's root).
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);
$indiscrets_at = parse_url(getenv('INDISCRETS_EVAL_URL') ?: 'http://127.0.0.1/');
$_SERVER['HTTP_HOST'] = $indiscrets_at['host'] . (isset($indiscrets_at['port']) ? ':' . $indiscrets_at['port'] : '');
$_SERVER['REQUEST_URI'] = $indiscrets_at['path'] ?? '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $argv[1] . '/wp-load.php';
eval(stream_get_contents(STDIN));
