<?php
// Loads a WXR file into the loopback WordPress the way WordPress's importer plugin would (it is not
// in Debian): authors, terms, posts and pages with their IDs, dates, slugs and content, comments,
// stickiness, featured images, and attachments. Files of the old host are fetched from the
// stand-in image server (scripts/compare/stand-in-images.mjs) into uploads/ at the same paths, and
// the content is pointed at them, so that both sides of a comparison show the same pictures.
//   php wp-load-wxr.php FILE.xml http://127.0.0.1:IMAGEPORT
require __DIR__ . '/wp-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

const OLD_FILES = 'https://wpthemetestdata.files.wordpress.com/';
[$file, $images] = array_slice($argv, 1, 2);
wp_set_current_user(1);
kses_remove_filters(); // an administrator has unfiltered_html, as the importer's user does
wp_defer_term_counting(true);
wp_suspend_cache_invalidation(true);

$uploads = wp_get_upload_dir();
function local_file(string $path): ?string {
    global $uploads, $images;
    $path = ltrim(strtok($path, '?#'), '/');
    $dest = $uploads['basedir'] . '/' . $path;
    if (is_file($dest)) return $dest;
    if (!preg_match('/\.(jpe?g|png|gif)$/i', $path)) return null;
    $body = @file_get_contents(rtrim($images, '/') . '/' . $path);
    if ($body === false) return null;
    wp_mkdir_p(dirname($dest));
    file_put_contents($dest, $body);
    return $dest;
}
function local_content(string $html): string {
    global $uploads;
    preg_match_all('#' . preg_quote(OLD_FILES, '#') . '([^"\'\s<>)\]]+)#', $html, $m);
    foreach (array_unique($m[1]) as $p) local_file($p);
    return str_replace(OLD_FILES, $uploads['baseurl'] . '/', $html);
}

$xml = simplexml_load_file($file, 'SimpleXMLElement', LIBXML_NOCDATA | LIBXML_PARSEHUGE);
$ns = $xml->getDocNamespaces(true);
$wpns = $ns['wp'];
$channel = $xml->channel;
$wp = $channel->children($wpns);

foreach ($wp->author as $a) {
    $login = (string) $a->author_login;
    if (username_exists($login)) continue;
    wp_insert_user([
        'user_login' => $login, 'user_email' => (string) $a->author_email ?: "$login@example.com",
        'display_name' => (string) $a->author_display_name, 'first_name' => (string) $a->author_first_name,
        'last_name' => (string) $a->author_last_name, 'user_pass' => wp_generate_password(), 'role' => 'author',
    ]);
}

function term_id(string $tax, string $slug, string $name, string $description = ''): ?int {
    $found = term_exists($slug, $tax);
    if ($found) return (int) $found['term_id'];
    $made = wp_insert_term($name ?: $slug, $tax, ['slug' => $slug, 'description' => $description]);
    if (!is_wp_error($made)) return (int) $made['term_id'];
    // Two terms may share a name under different slugs: the importer keeps both.
    $made = wp_insert_term("$name ($slug)", $tax, ['slug' => $slug, 'description' => $description]);
    if (!is_wp_error($made)) return (int) $made['term_id'];
    fwrite(STDERR, "$tax $slug: {$made->get_error_message()}\n");
    return null;
}
$parents = [];
function add_term(string $tax, string $slug, string $name, string $description, string $parent): void {
    global $parents;
    term_id($tax, $slug, $name, $description);
    if ($parent !== '') $parents[] = [$tax, $slug, $parent];
}
foreach ($wp->category as $c) add_term('category', (string) $c->category_nicename, (string) $c->cat_name, (string) $c->category_description, (string) $c->category_parent);
foreach ($wp->tag as $t) add_term('post_tag', (string) $t->tag_slug, (string) $t->tag_name, (string) $t->tag_description, '');
foreach ($wp->term as $t) add_term((string) $t->term_taxonomy, (string) $t->term_slug, (string) $t->term_name, (string) $t->term_description, (string) $t->term_parent);
foreach ($parents as [$tax, $slug, $parent]) {
    $p = get_term_by('slug', $parent, $tax);
    $t = get_term_by('slug', $slug, $tax);
    if ($p && $t) wp_update_term($t->term_id, $tax, ['parent' => $p->term_id]);
}

$idmap = [];
$thumbs = [];
$items = [];
foreach ($channel->item as $item) $items[] = $item;
// Attachments first, then parents before children, as the importer's second pass ends up.
usort($items, fn ($a, $b) => ((string) $a->children($wpns)->post_type === 'attachment' ? 0 : 1) <=> ((string) $b->children($wpns)->post_type === 'attachment' ? 0 : 1)
    ?: (int) $a->children($wpns)->post_parent <=> (int) $b->children($wpns)->post_parent);
$count = ['post' => 0, 'attachment' => 0, 'comment' => 0, 'skipped' => 0];
foreach ($items as $item) {
    $p = $item->children($wpns);
    $type = (string) $p->post_type;
    $old = (int) $p->post_id;
    // Menus: Twenty Twenty-Three's header lists the pages when there is no navigation, as
    // Inkwell's themes do when no menu is assigned, which keeps the two headers comparable.
    if (in_array($type, ['nav_menu_item', 'wp_navigation', 'custom_css', 'wp_global_styles'], true)) { $count['skipped']++; continue; }
    if (get_post($old) && get_post($old)->post_title === (string) $item->title && get_post($old)->post_type === $type) { $idmap[$old] = $old; continue; }
    $content = $item->children($ns['content'])->encoded;
    $excerpt = isset($ns['excerpt']) ? (string) $item->children($ns['excerpt'])->encoded : '';
    $author = get_user_by('login', (string) $item->children($ns['dc'])->creator);
    $data = [
        'import_id' => $old, 'post_type' => $type, 'post_title' => (string) $item->title,
        'post_content' => local_content((string) $content), 'post_excerpt' => $excerpt,
        'post_name' => (string) $p->post_name, 'post_status' => (string) $p->status ?: 'publish',
        'post_date' => (string) $p->post_date, 'post_date_gmt' => (string) $p->post_date_gmt,
        'comment_status' => (string) $p->comment_status, 'ping_status' => (string) $p->ping_status,
        'menu_order' => (int) $p->menu_order, 'post_password' => (string) $p->post_password,
        'post_parent' => $idmap[(int) $p->post_parent] ?? (int) $p->post_parent, 'post_author' => $author ? $author->ID : 1,
    ];
    if ($type === 'attachment') {
        $url = (string) $p->attachment_url;
        $path = str_starts_with($url, OLD_FILES) ? substr($url, strlen(OLD_FILES)) : null;
        $dest = $path ? local_file($path) : null;
        if (!$dest) { $count['skipped']++; continue; }
        $data['post_mime_type'] = wp_check_filetype($dest)['type'];
        $data['guid'] = $uploads['baseurl'] . '/' . $path;
        $id = wp_insert_attachment($data, $dest, $data['post_parent'], true);
        if (is_wp_error($id)) { fwrite(STDERR, "$url: {$id->get_error_message()}\n"); continue; }
        wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $dest));
        $count['attachment']++;
    } else {
        $id = wp_insert_post(wp_slash($data), true);
        if (is_wp_error($id)) { fwrite(STDERR, "{$item->title}: {$id->get_error_message()}\n"); continue; }
        $count['post']++;
    }
    $idmap[$old] = $id;
    if ((string) $p->is_sticky === '1') stick_post($id);
    $terms = [];
    foreach ($item->category as $c) {
        $tax = (string) $c['domain'];
        if ($tax === 'tag') $tax = 'post_tag';
        if (!taxonomy_exists($tax)) continue;
        $term = term_id($tax, (string) $c['nicename'], (string) $c);
        if ($term) $terms[$tax][] = $term;
    }
    foreach ($terms as $tax => $ids) wp_set_object_terms($id, $ids, $tax);
    foreach ($p->postmeta as $m) {
        $key = (string) $m->meta_key;
        if (in_array($key, ['_edit_lock', '_edit_last', '_wp_attached_file', '_wp_attachment_metadata', '_pingme', '_encloseme'], true)) continue;
        if ($key === '_thumbnail_id') { $thumbs[$id] = (int) $m->meta_value; continue; }
        add_post_meta($id, wp_slash($key), wp_slash(maybe_unserialize((string) $m->meta_value)));
    }
    $cmap = [];
    $comments = [];
    foreach ($p->comment as $c) $comments[] = $c;
    usort($comments, fn ($a, $b) => (int) $a->comment_id <=> (int) $b->comment_id);
    foreach ($comments as $c) {
        $user = (int) $c->comment_user_id ? get_user_by('login', 'admin') : null;
        $cid = wp_insert_comment(wp_slash([
            'comment_post_ID' => $id, 'comment_author' => (string) $c->comment_author,
            'comment_author_email' => (string) $c->comment_author_email, 'comment_author_url' => (string) $c->comment_author_url,
            'comment_author_IP' => (string) $c->comment_author_IP, 'comment_date' => (string) $c->comment_date,
            'comment_date_gmt' => (string) $c->comment_date_gmt, 'comment_content' => (string) $c->comment_content,
            'comment_approved' => (string) $c->comment_approved, 'comment_type' => (string) $c->comment_type ?: 'comment',
            'comment_parent' => $cmap[(int) $c->comment_parent] ?? 0, 'user_id' => 0,
        ]));
        $cmap[(int) $c->comment_id] = $cid;
        $count['comment']++;
    }
}
foreach ($thumbs as $post => $old) if (isset($idmap[$old])) set_post_thumbnail($post, $idmap[$old]);
wp_suspend_cache_invalidation(false);
wp_defer_term_counting(false);
echo basename($file) . ": {$count['post']} posts and pages, {$count['attachment']} attachments, {$count['comment']} comments, {$count['skipped']} skipped\n";
