"""The webmentions archive: mentions kept with the content, in a JSON file; no Pelican here.

Old blogs' pingbacks and trackbacks (written by the importers, ``invoke import-wordpress``
and ``invoke import-blogger``) and mentions a writer adds by hand. The file is committed with
the posts and built anywhere, with no token and no network, unlike the cache of what
webmention.io received. Its format is webmention.io's own (``{"type": "feed", "children":
[JF2 entries]}``), so ``mentions.parse`` reads its entries as it reads received ones.

An entry's ``wm-target`` is best written relative to the site (``/posts/<slug>/``): it then
names the post whatever ``SITEURL`` a build has, a sub-path (``https://x.org/blog``) included
(``site_target``). An absolute URL is matched by its path, as received mentions are.
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

EXPECTED = 'expected {"type": "feed", "children": [mentions]} (see docs/reach.md)'
# Derived ids start above webmention.io's (a sequence, near 2 million in 2026), so an
# archived mention and a received one do not share an id, nor an element id on the page;
# they stay below 2**53, which JSON readers in JavaScript keep exact.
ID_FLOOR = 2**32
ID_LIMIT = 2**53
# entries named one by one in a problem line; the rest are counted
NAMED = 3
# half of a UTF-16 pair on its own: JSON's "\ud800" is valid, but no character
_SURROGATE = re.compile("[\ud800-\udfff]")


def stable_id(*parts: str) -> int:
    """A wm-id derived from the parts (the same parts give the same id), in [2**32, 2**53)."""
    if not parts:
        raise ValueError("stable_id needs at least one part")
    # a JSON list keeps ("a", "bc") and ("ab", "c") apart
    digest = hashlib.sha256(json.dumps(list(parts), ensure_ascii=False).encode()).digest()
    return ID_FLOOR + int.from_bytes(digest[:8], "big") % (ID_LIMIT - ID_FLOOR)


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(entry: Any) -> tuple[dict | None, str | None]:
    """An entry ready for ``mentions.parse`` (its id derived when it has none), or None with
    what is wrong; or the entry with a problem that does not stop it being shown."""
    if not isinstance(entry, dict):
        return None, f"is {type(entry).__name__}, not an object"
    target = entry.get("wm-target")
    if not isinstance(target, str) or not target.strip():
        return None, "has no wm-target (the post's path, e.g. /posts/<slug>/)"
    if "wm-id" not in entry:
        source = entry.get("wm-source") or entry.get("url") or ""
        entry = {**entry, "wm-id": stable_id(str(source), target)}
    elif not _is_id(entry["wm-id"]):
        return None, f"wm-id {entry['wm-id']!r} is not a whole number (or leave it out)"
    published = entry.get("published")
    if published is not None and not _is_date(published):
        return entry, f"published {published!r} is not an ISO 8601 date (e.g. 2011-05-04T10:00Z)"
    broken = _surrogate_in(entry)
    if broken:
        where, code = broken
        return entry, (
            f"{where} holds \\u{code:04x}, half of a UTF-16 pair on its own (a broken escape), "
            "which no page can carry: shown without it"
        )
    return entry, None


def _surrogate_in(value: Any, where: str = "") -> tuple[str, int] | None:
    """Where the first lone surrogate in a JSON value is (``author.name``), and its code."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return (where, ord(found.group())) if found else None
    if isinstance(value, dict):
        items = [(f"{where}.{key}" if where else str(key), item) for key, item in value.items()]
    elif isinstance(value, list):
        items = [(f"{where}[{index}]", item) for index, item in enumerate(value)]
    else:
        return None
    for inner, item in items:
        found = _surrogate_in(item, inner)
        if found:
            return found
    return None


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _name(index: int, entry: Any) -> str:
    source = entry.get("wm-source") or entry.get("url") if isinstance(entry, dict) else None
    if not isinstance(source, str) or not source:
        return f"children[{index}]"
    # a lone surrogate as its escape: a line that can be printed
    return f"children[{index}] ({source.encode('utf-8', 'backslashreplace').decode()})"


def load(path: str | Path, shown: str | None = None) -> tuple[list[dict], str | None]:
    """The archive's entries and a one-line problem, if any (named as ``shown``, else the path).

    A missing file is no archive: no entries, no problem. A file that cannot be used at all
    gives no entries; entries that cannot be used are left out and named, the rest kept.
    """
    path = Path(path)
    label = shown or str(path)
    if not path.exists():
        return [], None
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM, as some Windows editors write
    except (OSError, ValueError) as exc:  # a folder, no permission, not UTF-8
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return [], f"{label}: could not be read ({reason}); {EXPECTED}"
    if not text.strip():
        return [], f"{label}: is empty; {EXPECTED}"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        return [], f"{label}: is not valid JSON ({where}); {EXPECTED}"
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("children"), list)
        or data.get("type", "feed") != "feed"
    ):
        return [], f"{label}: is not a list of mentions; {EXPECTED}"
    entries: list[dict] = []
    problems: list[str] = []
    first_of: dict[int, int] = {}
    for index, raw in enumerate(data["children"]):
        entry, problem = _check(raw)
        if problem:
            problems.append(f"{_name(index, raw)} {problem}")
        if entry is None:
            continue
        wm_id = entry["wm-id"]
        if wm_id in first_of:
            problems.append(
                f"{_name(index, raw)} has wm-id {wm_id}, as children[{first_of[wm_id]}] has: "
                "only the first is shown"
            )
            continue
        first_of[wm_id] = index
        entries.append(entry)
    if not problems:
        return entries, None
    named = "; ".join(problems[:NAMED])
    more = f"; and {len(problems) - NAMED} more" if len(problems) > NAMED else ""
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    return entries, f"{label}: {count} in its mentions: {named}{more}"


def add(entries: list[dict], new: list[dict]) -> tuple[list[dict], int]:
    """The entries with each new one whose wm-id is not there yet, and how many were added.

    Adding the same mentions again changes nothing (an importer run twice), and an entry
    already there stays as it is (a writer's correction to it is kept).
    """
    merged = list(entries)
    seen = {e["wm-id"] for e in entries if isinstance(e, dict) and _is_id(e.get("wm-id"))}
    added = 0
    for entry in new:
        wm_id = entry.get("wm-id") if isinstance(entry, dict) else None
        if not _is_id(wm_id):
            raise ValueError(f"a mention to add has no whole-number wm-id: {entry!r:.200}")
        if wm_id in seen:
            continue
        seen.add(wm_id)
        merged.append(entry)
        added += 1
    return merged, added


def _order(entry: dict) -> tuple:
    wm_id = entry.get("wm-id")
    return (
        str(entry.get("wm-target", "")),
        str(entry.get("published") or ""),
        wm_id if _is_id(wm_id) else -1,
        json.dumps(entry, sort_keys=True, ensure_ascii=False),
    )


def dumps(entries: list[dict]) -> str:
    """The archive's text: a post's mentions together, oldest first; keys sorted; indented."""
    feed = {"type": "feed", "children": sorted(entries, key=_order)}
    return json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def site_target(target: str, siteurl: str) -> str:
    """The URL an entry's target names on a site at ``siteurl``: a path relative to the site
    (``/posts/x/`` or ``posts/x/``) is put under it; an absolute URL stays as it is."""
    try:
        absolute = bool(urlsplit(target).netloc)
    except ValueError:
        return target  # mentions.target_path gives it no path: matched by nothing
    if absolute:
        return target
    return f"{siteurl.rstrip('/')}/{target.strip().lstrip('/')}"
