#!/usr/bin/env python3
"""Serves a built site on 127.0.0.1 the way GitHub Pages does, for bench/lighthouse.sh.

What it copies from GitHub Pages: text types (HTML, CSS, JavaScript, JSON, SVG, XML, plain
text) are sent gzip-compressed when the browser accepts it (Content-Encoding: gzip, Vary:
Accept-Encoding); every response carries Cache-Control: max-age=600; a folder without its
slash is redirected (301) to it; a missing path gets 404.html with status 404.

    python3 bench/gzip_server.py SITE_DIR PORT
"""
import gzip
import http.server
import os
import posixpath
import sys
import urllib.parse

COMPRESSED = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}
PLAIN = {".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2"}


class Handler(http.server.BaseHTTPRequestHandler):
    root = "."
    cache = {}

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        path = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
        if ".." in path.split("/"):
            return self.send_file(os.path.join(self.root, "404.html"), 404, send_body)
        local = os.path.join(self.root, path.lstrip("/"))
        if os.path.isdir(local):
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", path.rstrip("/") + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            local = os.path.join(local, "index.html")
        if not os.path.isfile(local):
            return self.send_file(os.path.join(self.root, "404.html"), 404, send_body)
        self.send_file(local, 200, send_body)

    def send_file(self, local, status, send_body):
        ext = os.path.splitext(local)[1].lower()
        with open(local, "rb") as f:
            body = f.read()
        gzipped = ext in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            key = (local, os.path.getmtime(local))
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", COMPRESSED.get(ext) or PLAIN.get(ext, "application/octet-stream"))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    Handler.root = os.path.abspath(sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler)
    server.serve_forever()
