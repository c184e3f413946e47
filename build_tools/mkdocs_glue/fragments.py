"""MkDocs hook: markup that is the same on many pages rendered once, not once per page.

Material renders its navigation, tabs, search box and ``__config`` and our breadcrumbs for every
page: two fifths of the template time of a full build (3,475 laws). A document page is outside the
navigation (``not_in_nav``): no item of the sidebar or tabs is active on it and their links are
relative to its folder, so every document page of a folder gets the very same navigation, tabs and
breadcrumbs. The search box is the same on every page; ``__config`` differs only by the way back
to the site's root.

The overrides wrap that markup in ``{% call fragment(name, key) %}`` (``overrides/main.html``,
``partials/search.html``, ``partials/path.html``, and ``partials/nav.html`` and ``tabs.html``,
which call Material's own partials, reached as ``material/partials/…``); a key of None renders it
as before. The site is byte for byte the one built without (``tests/test_fragments.py``).
"""
from __future__ import annotations

from pathlib import Path

import material
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class Fragments:
    """``fragment(name, key)`` in a call block: the block's output, kept per name and key. One per
    build (``on_env``), so ``mkdocs serve`` starts afresh."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, str], Markup] = {}

    def __call__(self, name: str, key: str | None, caller) -> Markup:
        if key is None:
            return caller()
        if (name, key) not in self.rendered:
            self.rendered[name, key] = caller()
        return self.rendered[name, key]


def outside_nav(page, nav) -> str | None:
    """The folder of a page outside the navigation, whose navigation markup is its folder's; None
    for a page in it, or one the navigation links into (its markup is its own). A page at
    ``folder/name/`` sees its links from ``folder/name/`` and one at ``folder/name.html`` (the
    offline bundle) from ``folder/``: either way the same as its folder's other pages see them."""
    if page is None or nav is None or not page.url or page.parent is not None or page in nav.pages:
        return None
    if page.url.endswith("/") and any(item.url.startswith(page.url) for item in nav.pages):
        return None
    return page.url.rstrip("/").rpartition("/")[0]


def on_env(env, config, files):
    env.globals.update(fragment=Fragments(), outside_nav=outside_nav)
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    return env
