"""Stable ASCII slugs for document URLs.

A page's URL comes from its source file name (or a sidecar ``slug``), not
from its title, so correcting a title never breaks links.
"""
from __future__ import annotations

import functools
import re

_UNSAFE = re.compile(r"[^a-z0-9]+")
# A slug becomes a file name under docs/ and a URL: no dots, slashes or other escapes.
SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; Chinese becomes pinyin.

    pypinyin is imported on the first Chinese text only: its phrase dictionary takes 0.15 s to load,
    a twentieth of a one-page rebuild, which names its ASCII source files without it.
    """
    ascii_text = text if text.isascii() else "-".join(_pinyin()(text, errors="default"))
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-")


@functools.cache
def _pinyin():
    from pypinyin import lazy_pinyin
    return lazy_pinyin


def annex_slug(parent_slug: str, index: int) -> str:
    return f"{parent_slug}-fujian-{index}"


def issued_slug(parent_slug: str) -> str:
    """The page of a document issued (印发) by the notice at ``parent_slug``."""
    return f"{parent_slug}-yinfa"
