"""Editor sidecars: ``source_docs/<name>.yml`` supplies or overrides fields.

A sidecar is small YAML an editor writes by hand, so every mistake gets a
message with the file, the line and a fix: invalid YAML, a misspelt key
(with the closest valid key), a malformed date, a region name that is not
in the gazetteer. Values are normalised here (dates to ISO, regions to
the full official path, document numbers to 〔〕), so the rest of the
pipeline only ever sees clean values.

Annexes are addressed by their part name::

    issuer: 楚雄市教育体育局
    annexes:
      附件一: {date: 2019-12-20}
      附件二:
        annexes:
          印发: {title: …}
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from . import dates, docnumbers, regions, schema, yaml_messages
from ..errors import SourceError

KeyPath = tuple[str, ...]


@dataclass
class Sidecar:
    """A loaded, validated sidecar: the normalised entry tree plus the line of every key."""

    path: PurePosixPath
    entry: dict
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, keys: KeyPath) -> int | None:
        """The line of ``keys`` or of its nearest enclosing key."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return None

    def entry_for(self, parts: KeyPath) -> tuple[dict, KeyPath]:
        """The entry for the part path (() for the main document) and its key path."""
        entry, keys = self.entry, ()
        for part in parts:
            annexes = entry.get("annexes") or {}
            if part not in annexes:
                return {}, keys + ("annexes", part)
            entry, keys = annexes[part], keys + ("annexes", part)
        return entry, keys


def path_for(source: Path) -> Path:
    """The sidecar that belongs to a raw text: same folder, same stem, ``.yml``."""
    return source.with_name(name_for(source.name))


def name_for(source: str) -> str:
    """``path_for`` on a file name, without a Path: a rebuild asks it for every source."""
    return os.path.splitext(source)[0] + ".yml"


def source_for(sidecar: Path) -> Path:
    """The source a sidecar belongs to (raw text or original file); the .txt name when there is none."""
    from ..reading import SUFFIXES

    found = [sidecar.with_suffix(suffix) for suffix in SUFFIXES if sidecar.with_suffix(suffix).is_file()]
    return found[0] if found else sidecar.with_suffix(".txt")


class _Loader(yaml.SafeLoader):
    """Safe loading, with dates left as text: they are parsed (and refused) by ``dates``, with a line."""


_Loader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _key_lines(node, path: PurePosixPath, prefix: KeyPath = ()) -> dict[KeyPath, int]:
    """The 1-based line of every mapping key, by key path.

    YAML silently keeps the last of two equal keys; an editor who wrote a field twice is told instead.
    """
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            keys = prefix + (str(key_node.value),)
            line = key_node.start_mark.line + 1
            if keys in lines:
                raise SourceError(path, f"键“{keys[-1]}”重复（第 {lines[keys]} 行已有）/ duplicate key", line=line,
                                  hint="请删除其中一个 / keep only one")
            lines[keys] = line
            lines.update(_key_lines(value_node, path, keys))
    return lines


def parse(text: str, path: PurePosixPath) -> Sidecar:
    """Parse and validate sidecar text; SourceError names the file and line."""
    mistyped = yaml_messages.full_width_colon(text, path)
    if mistyped:
        raise mistyped
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        lines = _key_lines(yaml.compose(text, Loader=_Loader), path)
    except yaml.YAMLError as error:
        raise yaml_messages.syntax_error(error, path) from None
    sidecar = Sidecar(path, {}, lines)
    if data is None:
        return sidecar
    if not isinstance(data, dict):
        raise SourceError(path, "附属文件应为“键: 值”形式 / a sidecar must be a mapping of keys to values", line=1)
    sidecar.entry = _entry(data, (), sidecar)
    return sidecar


def load(path: Path, root: Path) -> Sidecar | None:
    """The sidecar at ``path``, or None if there is none."""
    if not path.is_file():
        return None
    relative = PurePosixPath(path.relative_to(root).as_posix())
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(relative, "附属文件不是 UTF-8 编码 / sidecar is not UTF-8",
                          hint="请用 UTF-8 编码保存 / save the file as UTF-8") from None
    return parse(text, relative)


def _error(sidecar: Sidecar, keys: KeyPath, message: str, hint: str = "") -> SourceError:
    return SourceError(sidecar.path, message, line=sidecar.line(keys), hint=hint)


def _entry(data: dict, keys: KeyPath, sidecar: Sidecar) -> dict:
    """Validate one entry (the main document's or an annex's) and normalise its values."""
    allowed = [name for name in schema.EDITABLE if not (keys and name in schema.TOP_ONLY)]
    entry = {}
    for key, value in data.items():
        key = str(key)
        if key not in allowed:
            raise _unknown_key(sidecar, keys + (key,), key, allowed)
        entry[key] = _value(key, value, keys + (key,), sidecar)
    return entry


def _unknown_key(sidecar: Sidecar, keys: KeyPath, key: str, allowed: list[str]) -> SourceError:
    by_label = {schema.BY_NAME[name].label: name for name in allowed if name in schema.BY_NAME}
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6) or [
        by_label[match] for match in difflib.get_close_matches(key, list(by_label), n=1, cutoff=0.5)]
    hint = f"您是否想写 {schema.label(close[0])}？/ did you mean {close[0]!r}?" if close else (
        "可用的键 / valid keys: " + ", ".join(allowed))
    return _error(sidecar, keys, f"未知的键“{key}” / unknown key {key!r}", hint)


def _value(key: str, value, keys: KeyPath, sidecar: Sidecar):
    """The normalised value of one field; ``null`` stays None (the editor says: not stated)."""
    if value is None:
        return None
    kind = schema.BY_NAME[key].kind
    try:
        return _NORMALISERS[kind](value, keys, sidecar)
    except (dates.DateError, docnumbers.DocNumberError, ValueError) as error:
        hint = getattr(error, "hint", "") or f"{schema.label(key)} 的写法：{schema.BY_NAME[key].help}"
        raise _error(sidecar, keys, f"{schema.label(key)} 的值有误：{error}", hint) from None


def _text(value, keys, sidecar) -> str:
    if isinstance(value, (dict, list)):
        raise ValueError("应为一段文字 / expected text")
    return str(value).strip()


def _date(value, keys, sidecar) -> str:
    return dates.from_value(value).iso


def _region(value, keys, sidecar) -> list[str]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(name, str) for name in names):
        raise ValueError("应为地区名称列表，如 [云南省, 楚雄彝族自治州] / expected a list of names")
    return [division.name for division in regions.gazetteer().chain([name.strip() for name in names])]


def _status(value, keys, sidecar) -> str:
    if value not in schema.STATUSES:
        close = difflib.get_close_matches(str(value), schema.STATUSES, n=1, cutoff=0.3)
        raise ValueError(f"“{value}”不是有效的时效性，可选：{'、'.join(schema.STATUSES)}"
                         + (f"；您是否想写 {close[0]}？" if close else ""))
    return value


def _url(value, keys, sidecar) -> str:
    text = _text(value, keys, sidecar)
    if not text.startswith(("http://", "https://")):
        raise ValueError(f"“{text}”不是网址，应以 http:// 或 https:// 开头 / not a URL")
    return text


def _list(value, keys, sidecar) -> list:
    items = value if isinstance(value, list) else [value]
    return [item if isinstance(item, dict) else str(item).strip() for item in items]


def _mapping(value, keys, sidecar) -> dict:
    if not isinstance(value, dict):
        raise ValueError("应为 键: 值 形式，如 {session: 州政协十一届二次会议, number: 148}")
    for key in value:
        if key not in schema.PROPOSAL_KEYS:
            raise _unknown_key(sidecar, keys + (str(key),), str(key), list(schema.PROPOSAL_KEYS))
    return {key: (int(item) if key == "number" and str(item).isdigit() else str(item).strip())
            for key, item in value.items() if item is not None}


def _relations(value, keys, sidecar) -> list[dict]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict) or set(item) != {"type", "target"}:
            raise ValueError("每条关系写作 {type: 解读, target: 发文字号或标题} / each relation needs type and target")
        if item["type"] not in schema.RELATION_TYPES:
            raise ValueError(f"关系类型“{item['type']}”无效，可选：{'、'.join(schema.RELATION_TYPES)}")
    return [{"type": item["type"], "target": str(item["target"]).strip()} for item in items]


def _slug(value, keys, sidecar) -> str:
    text = str(value)
    if not text or not all(char.isascii() and (char.isalnum() or char == "-") for char in text) or text != text.lower():
        raise ValueError(f"“{text}”不能用作网址：只用小写字母、数字和连字符 / use a-z, 0-9 and -")
    return text


def _annexes(value, keys, sidecar) -> dict:
    if not isinstance(value, dict):
        raise ValueError("应为 {附件一: {…}, 附件二: {…}} 形式 / expected a mapping of part names")
    entries = {}
    for part, data in value.items():
        if not isinstance(data, dict):
            raise _error(sidecar, keys + (str(part),), f"附件“{part}”的内容应为 键: 值 形式 / expected a mapping")
        entries[str(part)] = _entry(data, keys + (str(part),), sidecar)
    return entries


_NORMALISERS = {
    "text": _text, "date": _date, "region": _region, "status": _status, "url": _url, "list": _list,
    "mapping": _mapping, "relations": _relations, "slug": _slug, "annexes": _annexes,
    "doc_number": lambda value, keys, sidecar: docnumbers.normalise(str(value)),
}
