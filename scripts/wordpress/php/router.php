<?php
/**
 * Router for `php -S`: serves files that exist under the document root and sends everything
 * else (pretty permalinks, /wp-json/...) to WordPress's front controller, as Apache's
 * rewrite rules would.
 */
$indiscrets_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$indiscrets_path = urldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$indiscrets_file = realpath($indiscrets_root . $indiscrets_path);

if ($indiscrets_file !== false && strpos($indiscrets_file, $indiscrets_root) === 0) {
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
