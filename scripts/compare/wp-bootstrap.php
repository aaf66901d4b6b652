<?php
// Loads the loopback WordPress (scripts/compare/wordpress.sh) in the PHP CLI, as if a request had
// come to it: Debian's wp-config.php picks its config by WORDPRESS_CONFIG and the host.
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . (getenv('INKWELL_WP_PORT') ?: '8190');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = 'inkwell-compare';
if (!empty($installing)) define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
