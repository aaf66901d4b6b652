"""A writing app's side of XML-RPC, with nothing but Python's standard library (xmlrpc.client),
as scripts and automations publish to WordPress. Finds the endpoint from the home page's EditURI
and RSD, then runs one scenario and prints what it saw as JSON for the Playwright spec.

usage: xmlrpc_client.py SITE USER PASSWORD IP publish IMAGE TITLE
       xmlrpc_client.py SITE USER PASSWORD IP delete POST_ID [POST_ID...]
       xmlrpc_client.py SITE USER PASSWORD IP probe
"""
import json
import re
import sys
import urllib.request
import xmlrpc.client


class Via(xmlrpc.client.Transport):
    """Speaks from its own client address (the e2e server trusts X-Forwarded-For from loopback),
    so that this script's sign-in attempts do not count against the other specs' address."""

    def __init__(self, ip):
        super().__init__()
        self.ip = ip

    def send_headers(self, connection, headers):
        connection.putheader("X-Forwarded-For", self.ip)
        super().send_headers(connection, headers)


def discover(site):
    home = urllib.request.urlopen(site + "/").read().decode()
    edit = re.search(r'<link[^>]+rel="EditURI"[^>]+href="([^"]+)"', home)
    rsd = urllib.request.urlopen(edit.group(1)).read().decode()
    api = re.search(r'<api name="WordPress"[^>]+apiLink="([^"]+)"', rsd)
    return edit.group(1), api.group(1)


def fault(fn):
    try:
        fn()
        return None
    except xmlrpc.client.Fault as f:
        return {"code": f.faultCode, "message": f.faultString}


def main():
    site, user, password, ip, scenario, *rest = sys.argv[1:]
    rsd_url, endpoint = discover(site)
    server = xmlrpc.client.ServerProxy(endpoint, transport=Via(ip), allow_none=False)
    out = {"rsd": rsd_url, "endpoint": endpoint}

    if scenario == "probe":
        out["fault"] = fault(lambda: server.wp.getUsersBlogs(user, password))
        print(json.dumps(out))
        return

    if scenario == "delete":
        ids = rest
        out["wp"] = server.wp.deletePost("1", user, password, ids[0])
        if len(ids) > 1:
            out["blogger"] = server.blogger.deletePost("", ids[1], user, password, True)
        print(json.dumps(out))
        return

    image, title = rest
    blogs = server.blogger.getUsersBlogs("", user, password)
    blog = blogs[0]["blogid"]
    out["blogName"] = blogs[0]["blogName"]
    out["methods"] = server.system.listMethods()
    out["wrongPassword"] = fault(lambda: server.wp.getUsersBlogs(user, password + "-wrong"))

    with open(image, "rb") as f:
        media = server.metaWeblog.newMediaObject(blog, user, password, {"name": "python-upload.png", "type": "image/png", "bits": xmlrpc.client.Binary(f.read())})
    out["media"] = media

    post_id = server.metaWeblog.newPost(blog, user, password, {
        "title": title + " draft title",
        "description": '<p>Written with xmlrpc.client.</p><p><img src="%s" alt="A red square from Python"></p>' % media["url"],
        "mt_keywords": "python, xmlrpc",
        "categories": ["Uncategorized"],
    }, True)
    server.metaWeblog.editPost(post_id, user, password, {"title": title, "description": '<p>Edited with xmlrpc.client.</p><p><img src="%s" alt="A red square from Python"></p>' % media["url"]}, True)
    got = server.metaWeblog.getPost(post_id, user, password)
    out["mw"] = {"id": post_id, "title": got["title"], "link": got["link"], "status": got["post_status"], "keywords": got["mt_keywords"], "dateCreatedType": type(got["dateCreated"]).__name__}
    out["recent"] = [p["postid"] for p in server.metaWeblog.getRecentPosts(blog, user, password, 5)]

    wp_id = server.wp.newPost(blog, user, password, {
        "post_title": title + " (wp.newPost)",
        "post_content": "<p>Via wp.newPost.</p>",
        "post_status": "publish",
        "post_thumbnail": int(media["id"]),
        "terms_names": {"post_tag": ["automation"]},
    })
    wp_post = server.wp.getPost(blog, user, password, int(wp_id))
    out["wp"] = {"id": wp_id, "title": wp_post["post_title"], "link": wp_post["link"], "thumbnail": wp_post["post_thumbnail"].get("url") if wp_post["post_thumbnail"] else None, "terms": sorted(t["name"] for t in wp_post["terms"])}
    out["tags"] = sorted(t["name"] for t in server.wp.getTerms(blog, user, password, "post_tag") if t["name"] in ("python", "automation"))
    out["profile"] = server.wp.getProfile(blog, user, password)["username"]
    out["badPost"] = fault(lambda: server.wp.getPost(blog, user, password, 99999999))
    out["badType"] = fault(lambda: server.metaWeblog.newMediaObject(blog, user, password, {"name": "evil.svg", "type": "image/svg+xml", "bits": xmlrpc.client.Binary(b"<svg xmlns='http://www.w3.org/2000/svg'/>")}))
    calls = [{"methodName": "wp.getUsersBlogs", "params": [user, password]}, {"methodName": "no.such.method", "params": []}]
    out["multicall"] = server.system.multicall(calls)
    print(json.dumps(out))


main()
