<?php
// Installs WordPress once (no wp-cli in Debian) and sets what the comparison needs: Twenty
// Twenty-Three, Inkwell's default permalinks, the site's name, and a known application password.
$installing = true;
require __DIR__ . '/wp-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

[$user, $pass, $app] = array_slice($argv, 1, 3);
if (!is_blog_installed()) {
    wp_install('Theme Unit Test', $user, 'admin@example.com', false, '', $pass);
    echo "installed\n";
}
$admin = get_user_by('login', $user);
wp_set_password($pass, $admin->ID);
update_option('blogdescription', 'Just another WordPress site');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'UTC');
if (get_stylesheet() !== 'twentytwentythree') switch_theme('twentytwentythree');
flush_rewrite_rules(false);

// A fixed application password, so that scripts can use it without reading state: WordPress
// compares its hash and ignores the spaces it prints in it.
$name = 'inkwell-compare';
$items = WP_Application_Passwords::get_user_application_passwords($admin->ID);
$mine = array_values(array_filter($items, fn ($i) => $i['name'] === $name));
if (!$mine) {
    [, $item] = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => $name]);
    $uuid = $item['uuid'];
} else {
    $uuid = $mine[0]['uuid'];
}
$items = WP_Application_Passwords::get_user_application_passwords($admin->ID);
foreach ($items as &$i) {
    if ($i['uuid'] === $uuid) $i['password'] = wp_hash_password(preg_replace('/[^a-z\d]/i', '', $app));
}
update_user_meta($admin->ID, '_application_passwords', $items);
echo "ready\n";
