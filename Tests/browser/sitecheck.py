"""Helpers shared by the site tests: walking the built site and checking its links."""

from __future__ import annotations

import html.parser
import os
import posixpath
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class ParsedPage:
    """The ids of a page and the addresses it refers to (href and src)."""

    ids: set[str] = field(default_factory=set)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (attribute, value)
    lang: str | None = None


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page.lang = attributes.get("lang")
        if attributes.get("id"):
            self.page.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.page.ids.add(attributes["name"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value is not None:
                self.page.refs.append((name, value))


def parse(path: str) -> ParsedPage:
    parser = _Parser()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    return parser.page


def html_pages(root: str) -> list[str]:
    """Every HTML page of the site (not Pagefind's own files), relative to the root."""
    pages = []
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        if rel.split(os.sep)[0] == "pagefind":
            continue
        for name in files:
            if name.endswith(".html") and rel.split(os.sep)[0] != "downloads":
                pages.append(os.path.normpath(os.path.join(rel, name)).replace(os.sep, "/"))
    return sorted(pages)


def broken_links(root: str, base_path: str = "/") -> list[str]:
    """Every href/src of every page that points to a missing file, or to a #fragment that
    is no id of its target page. External addresses (with a scheme) are not followed.
    Only the root 404.html (which a server sends for any missing address) may link from
    the site's base path (`/…`); any other absolute path is a problem."""
    cache: dict[str, ParsedPage] = {}

    def page(rel: str) -> ParsedPage:
        if rel not in cache:
            cache[rel] = parse(os.path.join(root, rel))
        return cache[rel]

    problems = []
    for rel in html_pages(root):
        for attribute, value in page(rel).refs:
            parts = urllib.parse.urlsplit(value)
            if parts.scheme or parts.netloc:
                continue
            path = urllib.parse.unquote(parts.path)
            if path.startswith("/") and rel == "404.html" and path.startswith(base_path):
                target = posixpath.normpath(path[len(base_path):])
            elif path.startswith("/"):
                problems.append(f"{rel}: {attribute}={value!r} is an absolute path")
                continue
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)) if path else rel
            if target.startswith("../") or target == "..":
                problems.append(f"{rel}: {attribute}={value!r} leaves the site")
                continue
            full = os.path.join(root, target)
            if os.path.isdir(full):
                full = os.path.join(full, "index.html")
                target = posixpath.join(target, "index.html")
            if not os.path.isfile(full):
                problems.append(f"{rel}: {attribute}={value!r} points to {target}, which does not exist")
                continue
            fragment = urllib.parse.unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in page(target).ids:
                problems.append(f"{rel}: {attribute}={value!r}: no id '{fragment}' in {target}")
    return problems
