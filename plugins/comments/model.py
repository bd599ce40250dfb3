"""What a comment thread needs, as plain values; no Pelican here."""

import logging
import re
import string
from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlsplit

from plugins.blogcore.repeats import EMPTY
from plugins.redirects.paths import pattern_regex

OPEN, CLOSED, OFF = "open", "closed", "off"
STATES = (OPEN, CLOSED, OFF)


@dataclass(frozen=True)
class Thread:
    """One article's thread."""

    id: str  # stable across URL changes: see thread_id()
    url: str  # the article's absolute URL
    title: str
    state: str
    lang: str = "en"


@dataclass(frozen=True)
class Embed:
    """How a page loads a provider's thread: one script, its attributes, page globals."""

    script: str
    script_attrs: dict[str, str] = field(default_factory=dict)
    globals: dict[str, Any] = field(default_factory=dict)
    target: dict[str, str] = field(default_factory=dict)  # attributes for the partial's element
    count_api: str | None = None  # POST [ids] -> [counts], where the provider has one
    read_api: str | None = None  # GET ?uri=<id> -> the thread, for read-only display
    # GET -> 2xx when the server answers this page (CORS included) after its script loaded:
    # a failure shows an open thread's "could not be loaded" line. None: the script's own
    # load is the only check.
    check_api: str | None = None
    # How the script takes one of its strings as an attribute: "{key}" is the string's name
    # (the theme's partial gives the strings, in the page's language). None: it takes none.
    text_attr: str | None = None
    # Plurals that stand in for the script's own where those are wrong in its language, for a
    # page whose strings are the script's: {"lang", "samples", "forms": {key: [form per
    # sample]}}, as the partial writes data-comments-plurals. None: the script's own stand.
    plurals: dict[str, Any] | None = None
    # Words that stand in for the script's own where its catalogue of its language lacks them
    # (it shows English) or gets them wrong, for a page whose strings are the script's:
    # {key: text}, as the partial writes data-comments-texts. Empty: the script's own stand.
    texts: dict[str, str] = field(default_factory=dict)
    # A comment's time ("3 days ago") where the script's catalogue of its language words it
    # wrong: {key: its plural lines, joined by newlines, in the script's own format}, for every
    # page where the script words times from that catalogue (a page of the theme's catalog
    # in the script's language too). Empty: the script's own stand.
    times: dict[str, str] = field(default_factory=dict)
    # How the script puts its strings into the page, where it does so unescaped (it builds
    # HTML from them): {"html": keys written only into its markup, which comments.js gives
    # HTML-escaped; "html_and_text": keys written into its markup and later as text, which an
    # entity would show as typed: given only without < or &}. Empty: given as they are.
    text_markup: dict[str, list[str]] = field(default_factory=dict)
    # The keys of the script's words it shows in English on a page whose strings are its own
    # (its catalogue of the language lacks them, and no word of ours stands in): comments.js
    # marks them lang="en". Empty: none.
    english: list[str] = field(default_factory=list)

    def plurals_beside(self, ours: dict[str, Any]) -> dict[str, Any]:
        """A page's own plurals (its catalog's), with the script's corrected ones for the
        keys they lack: see beside_plurals()."""
        return beside_plurals(ours, self.plurals)


def beside_plurals(ours: dict[str, Any], corrected: dict[str, Any] | None) -> dict[str, Any]:
    """The plurals of a page of our catalog (``ours``: {"lang", "samples", "forms"}), with the
    script's ``corrected`` ones (Embed.plurals) for the keys ours lacks, where both are in one
    language: the script words a comment's time itself there, and its Croatian and Ukrainian
    counted "prije 21 sati", "годину тому" (an hour ago) for 21 hours. On the corrected
    samples, which reach every plural category of the language (a test holds them), so ours
    lose no form; ``ours`` as it is otherwise."""
    if not corrected or primary(ours["lang"]) != primary(corrected["lang"]):
        return ours
    added = {key: forms for key, forms in corrected["forms"].items() if key not in ours["forms"]}
    if not added or not set(corrected["samples"]) <= set(ours["samples"]):
        return ours
    at = [ours["samples"].index(sample) for sample in corrected["samples"]]
    forms = {key: [forms[i] for i in at] for key, forms in ours["forms"].items()}
    found = {**ours, "samples": list(corrected["samples"]), "forms": {**forms, **added}}
    exact = {key: words for key, words in corrected.get("exact", {}).items() if key in added}
    if exact:
        found["exact"] = exact
    return found


def primary(lang: str) -> str:
    """A language tag's primary subtag, lower case ("pt-BR": "pt")."""
    return lang.replace("_", "-").split("-")[0].lower()


def shared_parts(embed: Embed, seen: dict[tuple[str, type, str], Any]) -> Embed:
    """The embed with each part that an earlier one of this build had equal, that one.

    Every post in a language has the same script attributes, words, plurals and APIs; each
    post's copy of them was about 1.5 KB, held to the end of the build (1.5 MB at 1,000
    posts). ``seen`` is the build's table; the parts are plain values that pages only read.
    """
    # repr tells equal plain values (str, dict, list, None) apart by type and content alike
    same = {}
    for part in fields(embed):
        value = getattr(embed, part.name)
        same[part.name] = seen.setdefault((part.name, type(value), repr(value)), value)
    return replace(embed, **same)


class OptionError(ValueError):
    """A comments setting is missing or has the wrong kind of value."""


def thread_id(explicit: str | None, slug: str) -> str:
    """The thread's identity: ``Comment_id`` if set, else the post's slug.

    A post's slug outlives its URL (a new URL scheme keeps the slug), so threads follow posts
    that move; if a post's Slug itself changes after publishing, set Comment_id to the old one.
    """
    value = (explicit or "").strip()
    return value or slug


def id_pattern_problem(pattern: object) -> str | None:
    """What is wrong with a COMMENTS_ID pattern ("{slug}.html"), or None."""
    if not isinstance(pattern, str) or not pattern.strip():
        return f"must be a pattern such as '{{slug}}' or '{{slug}}.html', got {pattern!r}"
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(pattern) if field]
    except ValueError as exc:
        return f"{pattern!r} is not a pattern Python can format ({exc})"
    if not fields:
        return f"{pattern!r} names no field of the post: every post would share one thread"
    return None


def slug_only(pattern: str) -> bool:
    """Whether a COMMENTS_ID pattern names the slug and no other field ('{slug}.html')."""
    names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    return names == {"slug"}


def moved_slugs(old_paths: list[str], url_patterns: list[str], prefix: str = "") -> list[str]:
    """The slugs a post had at its old addresses (its Redirect_from) under the site's own URL
    patterns (ARTICLE_URL, 'posts/{slug}/'): the post's Slug changed, its old address kept.
    ``prefix``: SITEURL's path ('/blog'), which an old address may start with."""
    found: list[str] = []
    for pattern in url_patterns:
        if "{slug}" not in pattern:
            continue
        compiled = re.compile(pattern_regex(pattern, named="slug"))
        for old in old_paths:
            path = urlsplit(old.strip()).path
            if prefix and path.startswith(prefix + "/"):
                path = path[len(prefix) :]
            path = "/" + path.lstrip("/")
            for candidate in (path, path + "/", path.removesuffix("index.html")):
                match = compiled.fullmatch(candidate)
                if match and match["slug"] not in found:
                    found.append(match["slug"])
                    break
    return found


def default_id(pattern: str, fields: dict) -> str:
    """A post's thread identity from COMMENTS_ID and the post's fields (Pelican's
    ``url_format``: slug, date, category, lang…); KeyError for a field the post lacks."""
    return pattern.format(**fields)


# Octopress's and Jekyll's ``comments: true`` / ``false`` (and YAML's other booleans), which
# adopted posts carry by the dozen: their meaning is plain, so they are read, not refused
BOOLEANS = {"true": OPEN, "yes": OPEN, "on": OPEN, "false": OFF, "no": OFF}


def comment_state(raw: object) -> str:
    """The ``Comments`` key: open (default), closed or off; true or false as open or off."""
    value = str(OPEN if raw is None or raw == "" else raw).strip().lower()
    value = BOOLEANS.get(value, value)
    if value not in STATES:
        raise OptionError(f"Comments must be one of {', '.join(STATES)}, got {raw!r}")
    return value


def key_problems(comments: object, comment_id: object, threaded: bool) -> list[tuple[int, str]]:
    """A post's own comment keys as written, ``(level, message)`` each, as a post read is told
    them: an empty ``Comment_id`` (a warning), and, where the post gets a thread
    (``threaded``), a ``Comments`` value none of ours (an error)."""
    found = []
    if isinstance(comment_id, str) and not comment_id.strip():
        found.append((logging.WARNING, f"Comment_id{EMPTY}"))
    if threaded:
        try:
            comment_state(comments)
        except OptionError as exc:
            found.append((logging.ERROR, str(exc)))
    return found


_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def server_problem(value: str, script: str) -> str | None:
    """What is wrong with a comment server's address (``https://comments.example.org``), or
    None. The address of its embed script (``…/js/embed.min.js``, what the provider's own
    docs put in the script tag) would get ``script`` added once more and load nothing; the
    answer names the address to write instead."""
    parts = urlsplit(value)
    path = parts.path.rstrip("/")
    if not path.lower().endswith(".js"):
        return None
    base = path.rpartition("/")[0]
    folder = script.rpartition("/")[0]  # Isso's scripts are all in /js
    if folder and base.endswith(folder):
        base = base.removesuffix(folder)
    wanted = f"{parts.scheme}://{parts.netloc}{base}/"
    return (
        f"is where the comment server is served, not its script: write {wanted!r} "
        f"(the pages add {script!r} themselves), got {value!r}"
    )


def check_option(
    provider: str, name: str, kind: str, value: Any, https_only: bool, script: str = ""
) -> Any:
    """Validate one provider option; the message names the setting and what was expected.

    Kind "server" is a comment server's own address, to which the page adds ``script`` (Isso's
    ``/js/embed.min.js``); "url" is any http(s) URL (a script's own)."""
    setting = f"COMMENTS_{provider.upper()}_{name.upper()}"
    if kind == "bool":
        if not isinstance(value, bool):
            raise OptionError(f"{setting} must be True or False, got {value!r}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"{setting} must be a non-empty string, got {value!r}")
    value = value.strip()
    if kind in ("url", "server"):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise OptionError(f"{setting} must be an http(s) URL, got {value!r}")
        problem = kind == "server" and server_problem(value, script)
        if problem:
            raise OptionError(f"{setting} {problem}")
        if https_only and parts.scheme != "https":
            raise OptionError(f"{setting} must use https in publish builds, got {value!r}")
        return value.rstrip("/")
    if kind == "repo" and not _REPO.match(value):
        raise OptionError(f"{setting} must look like owner/name, got {value!r}")
    if kind == "name" and not re.fullmatch(r"[A-Za-z0-9_-]+", value):
        raise OptionError(f"{setting} must be letters, digits, - or _, got {value!r}")
    return value


def configure_provider(
    provider: str,
    options: dict[str, tuple[str, bool, Any]],
    settings: dict[str, Any],
    https_only: bool,
    script: str = "",
) -> dict[str, Any]:
    """The provider's options from settings, with defaults, each checked (``script``: the
    provider's ``SCRIPT``, for its options of kind "server")."""
    out: dict[str, Any] = {}
    prefix = f"COMMENTS_{provider.upper()}_"
    for name, (kind, required, default) in options.items():
        key = prefix + name.upper()
        if key not in settings:
            if required:
                raise OptionError(f"{key} is required when COMMENTS_PROVIDER is {provider!r}")
            out[name] = default
            continue
        out[name] = check_option(provider, name, kind, settings[key], https_only, script)
    return out


def threads_list(provider: str, threads: list[Thread]) -> dict[str, Any]:
    """What the build tells the comment server: which thread ids take new comments.

    ``Comments: off`` counts as closed there: the page shows no thread, so nothing may start one.
    """
    closed = {t.id for t in threads if t.state in (CLOSED, OFF)}
    return {
        "version": 1,
        "provider": provider,
        "open": sorted({t.id for t in threads if t.state == OPEN} - closed),
        "closed": sorted(closed),
    }
