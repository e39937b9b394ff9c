<?php
/**
 * Plugin Name: Indiscrets local test site
 * Description: Keeps the throw-away WordPress of scripts/wordpress/ offline and quiet, and
 * offers switches that the tests flip with WP-CLI-like PHP calls (options below).
 */

// No mail leaves this site.
add_filter('pre_wp_mail', '__return_false');

// No outgoing HTTP at all (WP_HTTP_BLOCK_EXTERNAL still lets loopback requests through, and a
// single php -S worker answering its own loopback request would stall).
add_filter('pre_http_request', function () {
    return new WP_Error('http_request_blocked', 'Outgoing HTTP is disabled on this test site.');
}, 1);

// Test switch: behave like a site whose REST API was turned off by a security plugin.
add_filter('rest_authentication_errors', function ($result) {
    if (get_option('indiscrets_test_rest_disabled')) {
        return new WP_Error('rest_disabled', 'The REST API has been disabled on this site.', array('status' => 403));
    }
    return $result;
}, 99);

// Test switch: behave like a site where application passwords are turned off.
add_filter('wp_is_application_passwords_available', function ($available) {
    return get_option('indiscrets_test_no_app_passwords') ? false : $available;
});

// Test switch: a request sent with the header `X-Indiscrets-Test-Slow-Write: MS` pauses that long
// (at most 5 s), once, just before WordPress writes a post's row, so that a test can make two
// writes of one record overlap for certain instead of by luck.
add_filter('wp_insert_post_data', function ($data) {
    static $paused = false;
    $ms = isset($_SERVER['HTTP_X_INDISCRETS_TEST_SLOW_WRITE']) ? (int) $_SERVER['HTTP_X_INDISCRETS_TEST_SLOW_WRITE'] : 0;
    if ($ms > 0 && !$paused) {
        $paused = true;
        usleep(min(5000, $ms) * 1000);
    }
    return $data;
});

// Test switch: behave like a site with one of the many plugins that ask who the user is in
// `rest_authentication_errors` (security plugins, « REST API for logged-in users only »): asked
// there, before WordPress's own application-password check (priority 90), WordPress names a
// refused password (401 incorrect_password, invalid_username); without it, WordPress 6.1 (and
// core since: the user is first asked at priority 100) answers a refused password as it answers
// no credentials at all (401 rest_not_logged_in).
add_filter('rest_authentication_errors', function ($result) {
    if (get_option('indiscrets_test_early_user_check')) {
        is_user_logged_in();
    }
    return $result;
}, 10);
