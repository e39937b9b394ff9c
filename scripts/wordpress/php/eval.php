<?php
/**
 * Runs PHP code inside the throw-away site, like `wp eval`: php eval.php WP_DIR < code.
 * The code's output is printed; WordPress is loaded without a web request.
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $argv[1] . '/wp-load.php';
eval(stream_get_contents(STDIN));
