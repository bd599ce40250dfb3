"""Attribute values HTML allows: what the sanitiser writes for a value a writer pasted.

nh3 keeps any value of an attribute it allows. A URL pasted with ``[1-25]`` or ``a|b`` in it,
``<img width="350px">``, ``colspan="0"``, ``lang="english"``: browsers cope, but the page is
invalid HTML (the Nu validator's errors, on every listing showing the post's summary too).
``value`` gives each attribute the value HTML allows where the writer's intent is clear (a URL
percent-encoded as a browser would send it, a width's number without ``px``) and None where it
is not (the attribute goes, and ``lost`` says so for the file's one warning line).
"""

import re

# A character a URL may not hold as it is (the URL standard; the Nu validator names them):
# a browser sends it percent-encoded, so the link leads to the same place encoded here.
_UNSAFE = frozenset(' "<>[\\]^`{|}')
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a "%" that starts no %XX
# Pelican's own links, resolved after the sanitiser: {static}/x.png, {filename}/y.md, |tag|x
_PELICAN_LINK = re.compile(r"^(?:\{\w+\}|\|\w+\|)")
_NUMBER = re.compile(r"\s*(\d+)(?:\.\d*)?\s*(?:px)?\s*", re.IGNORECASE)
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
# BCP 47 as the Nu validator reads it, shape only: a 2-3 letter language (or a private "x-"
# tag), then subtags of 1-8 letters or digits ("english" is none)
_LANG = re.compile(r"(?:[a-z]{2,3}|x|i)(?:-[a-z0-9]{1,8})*", re.IGNORECASE)
_DIRECTIONS = ("ltr", "rtl", "auto")
# The HTML standard's date and time strings (a month, a date, a time, a local or global date
# and time, a week, a year, a duration), as <time datetime> takes them
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2})"
_TIME = r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?"
_DATETIME = re.compile(
    rf"""(?:
        \d{{4,}}(?:-\d{{2}}(?:-\d{{2}}(?:[T ]{_TIME}{_ZONE}?)?)?)?  # year, month, date, date-time
      | --\d{{2}}-\d{{2}}                                          # a day of any year
      | {_TIME}{_ZONE}?                                            # a time
      | {_ZONE}                                                    # a time zone
      | \d{{4,}}-W\d{{2}}                                          # a week
      | P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?      # a duration
      | (?:\s*\d+(?:\.\d+)?[WDHMS])+\s*                            # a duration, spelled out
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_WHAT = {  # what a removed value should have been, for the warning
    "colspan": "a number of columns from 1",
    "rowspan": "a number of rows",
    "start": 'a whole number; a list counted in letters is type="a"',
    "value": "a whole number",
    "dir": "ltr, rtl or auto",
    "lang": "a language tag such as en or pt-BR",
    "datetime": "a date or time such as 2025-03-14 or 14:30",
    "width": "a number of pixels",
    "height": "a number of pixels",
}
_NAMES = tuple(_WHAT)
URLS = frozenset({"href", "src", "poster", "cite"})


def url(value: str) -> str:
    """A URL with the characters it may not hold percent-encoded (as a browser sends it), a
    second ``#`` too; Pelican's ``{static}``-style links are left to Pelican."""
    value = value.strip()
    if _PELICAN_LINK.match(value):
        return value
    head, hash_, fragment = value.partition("#")
    encoded = _encode(head)
    if hash_:
        encoded += "#" + _encode(fragment).replace("#", "%23")
    return encoded


def _encode(part: str) -> str:
    part = _PERCENT.sub("%25", part)
    if not any(c in _UNSAFE or c < " " for c in part):
        return part
    return "".join(f"%{ord(c):02X}" if c in _UNSAFE or c < " " else c for c in part)


def value(tag: str, name: str, value: str) -> str | None:
    """The value HTML allows for ``name`` on ``tag``: ``value`` itself, the writer's meaning
    written validly, or None (the attribute goes: ``lost``)."""
    if name in URLS:
        return url(value)
    if name in ("width", "height") and tag in ("img", "video", "source", "canvas"):
        number = _NUMBER.fullmatch(value)
        return number.group(1) if number else None
    if name in ("colspan", "rowspan") and tag in ("td", "th"):
        if not value.strip().isdigit():
            return None
        count = int(value)
        if name == "colspan":
            return str(count) if 1 <= count <= 1000 else None
        return str(min(count, 65534))
    if (name == "start" and tag == "ol") or (name == "value" and tag == "li"):
        return value.strip() if _INTEGER.fullmatch(value) else None
    if name == "dir":
        return value.strip().lower() if value.strip().lower() in _DIRECTIONS else None
    if name == "lang":
        return value.strip() if not value.strip() or _LANG.fullmatch(value.strip()) else None
    if name == "datetime" and tag in ("time", "del", "ins"):
        return value.strip() if _DATETIME.fullmatch(value.strip()) else None
    return value


# one declaration of an image's size in pixels, or with no unit: "width: 800px", "height:600"
_SIZE = re.compile(r"\s*(width|height)\s*:\s*(\d+)(?:\.\d*)?\s*(?:px)?\s*", re.IGNORECASE)


def style_size(style: str) -> dict[str, str] | None:
    """The width and height attributes an image's ``style`` means, when it holds nothing
    but its size in pixels (or with no unit): ``{"width": "800"}`` for ``width: 800px;``,
    as docutils writes reStructuredText's ``:width: 800px``. None for anything else (a
    size in % or em, a colour, an empty style): the style is removed, and named."""
    sizes: dict[str, str] = {}
    for declaration in style.split(";"):
        if not declaration.strip():
            continue
        found = _SIZE.fullmatch(declaration)
        if found is None:
            return None
        sizes[found.group(1).lower()] = found.group(2)
    return sizes or None


def sizes_only(style: str) -> bool:
    """Whether ``style`` holds an image's width or height and nothing else (in any unit)."""
    names = [d.partition(":")[0].strip().lower() for d in style.split(";") if d.strip()]
    return bool(names) and all(name in ("width", "height") for name in names)


def timeless(tag) -> bool:
    """Whether a ``<time>`` element (beautifulsoup4's) has no datetime and no date or time
    as its text: no value HTML allows."""
    if tag.get("datetime") is not None:
        return False
    return not _DATETIME.fullmatch(tag.get_text().strip())


def lost(tag: str, name: str, written: str) -> str | None:
    """'colspan="0" (HTML's colspan attribute takes a number of columns from 1)' where
    ``value`` drops the attribute, else None."""
    if value(tag, name, written) is not None:
        return None
    what = _WHAT.get(name)
    if what is None:
        return f'{name}="{written}" (not a value HTML allows)'
    # "width="100%" (a number of pixels)" read as if 100% were pixels: say whose rule it is
    said = f'{name}="{written}" (HTML\'s {name} attribute takes {what}'
    if name in ("width", "height") and written.strip().endswith("%"):
        said += ", not a percentage"
        if tag in ("img", "video"):
            said += ": the theme fits pictures and videos to the page's width itself"
    return said + ")"


# a URL attribute's value as written, for ``may_change`` only (nh3 parses the HTML). No \b
# before the names: the pattern then scans for their first letters, several times faster; a
# name inside another (data-src=) only sends the HTML the careful way, whose output is the same
_URL_VALUE = re.compile(r"""(?:href|src|poster|cite)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def may_change(lowered: str) -> bool:
    """Whether some attribute of this (lower-cased) HTML may need ``value``: a cheap look at
    names and URLs that tells when nh3 must ask about each attribute (most posts: never)."""
    # name= for any name: what stands before each "=" (a post has a few dozen), not each
    # name looked for in the whole text
    if any(before.endswith(_NAMES) for before in lowered.split("=")[:-1]):
        return True
    return any(url(v) != v.strip() for found in _URL_VALUE.findall(lowered) for v in found if v)
