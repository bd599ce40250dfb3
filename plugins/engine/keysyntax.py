"""A key of a post or page as its own file writes it, for advice a writer copies literally.

Markdown's front matter is ``Save_as: x``; in reStructuredText that line is the post's first
paragraph (a key there is the field ``:save_as: x``), and in HTML it is text of the body (a key
there is ``<meta name="save_as" content="x">`` in the ``<head>``, the title its ``<title>``).
A value shown in YAML front matter is quoted so that YAML reads the whole of it; a Markdown
post whose keys are Hugo's TOML between ``+++`` lines writes ``status = "draft"`` (a line
``Status: draft`` there is not TOML). Pure: never imports Pelican.
"""

import html
import json
import posixpath
import re

MARKDOWN, RST, HTML, TOML = "markdown", "rst", "html", "toml"
# a TOML value written bare: a boolean, a whole number, a date (quoted, each is a string)
_TOML_BARE = re.compile(r"true|false|[+-]?\d+|\d{4}-\d{2}-\d{2}")
# a first line of +++ alone (matched, never split: the reader asks of each key it checks)
_TOML_FENCE = re.compile(r"\ufeff?\+\+\+[ \t\r]*(?:\n|$)")
# the metadata key blogcore's reader marks a post or page whose keys are TOML with (its name
# says Markdown): the mark goes where the post goes, back from a reading worker and into
# Pelican's reader cache, so a plugin's line about it later needs no second read of the file
WRITTEN_IN = "engine_keys_written_in"


class Shown(str):
    """A file's path as lines show it that knows the syntax its keys are written in, for
    the advice about it (``syntax_of`` asks it): a +++ post's TOML, which its name does not
    tell. It is the path itself everywhere else (joined, sorted, compared)."""

    syntax: str

    def __new__(cls, path: str, syntax: str = MARKDOWN) -> "Shown":
        shown = super().__new__(cls, path)
        shown.syntax = syntax  # pickled with it (a refused post's path in a worker's record)
        return shown


def as_written(shown: str, metadata: object) -> str:
    """A post's or page's path as lines show it (``shown``), knowing the syntax of its keys
    from its ``metadata`` (the reader's WRITTEN_IN mark); without a mark, the path, whose
    name tells the rest."""
    written = metadata.get(WRITTEN_IN) if isinstance(metadata, dict) else None
    return Shown(shown, written) if isinstance(written, str) else shown


def syntax_of(name: str) -> str:
    """The syntax a file's keys are written in, from its path, its extension or its reader's
    format (``posts/x.rst``, ``.rst``, ``rst``): ``rst``, ``html`` or ``markdown``; a path
    that knows its syntax (``Shown``: ``toml``) says it."""
    if isinstance(name, Shown):
        return name.syntax
    extension = posixpath.splitext(name.replace("\\", "/"))[1] or name
    extension = extension.lstrip(".").lower()
    if extension == "rst":
        return RST
    if extension in ("html", "htm"):
        return HTML
    return MARKDOWN


def syntax_of_text(name: str, text: str) -> str:
    """``syntax_of`` for a file whose text is known: a Markdown file whose first line is
    ``+++`` writes its keys in TOML (``toml``)."""
    syntax = syntax_of(name)
    if syntax == MARKDOWN and _TOML_FENCE.match(text):
        return TOML
    return syntax


def key_as_written(key: str, syntax: str, value: str | None = None) -> str:
    """``key`` (``Save_as``, ``save_as``) as a file of ``syntax`` gives it ``value``; without
    a value, the key as that file names it (``Save_as:``, ``:save_as:``,
    ``<meta name="save_as">``, TOML's ``save_as``: a key, as its lines say after the name,
    "give it another slug", "remove the save_as key")."""
    name = key.lower()
    if syntax == RST:
        return f":{name}:" if value is None else f":{name}: {value}"
    if syntax == TOML:
        if value is None:  # "slug =" read aloud is no sentence ("give it another slug =")
            return name
        return f"{name} = {value if _TOML_BARE.fullmatch(value) else yaml_quoted(value)}"
    if syntax == HTML:
        if name == "title":  # Pelican's HTML reader takes the title from <title>
            return "<title>" if value is None else f"<title>{html.escape(value, False)}</title>"
        if value is None:
            return f'<meta name="{name}">'
        return f'<meta name="{name}" content="{html.escape(value)}">'
    shown = key[:1].upper() + key[1:]
    return f"{shown}:" if value is None else f"{shown}: {value}"


def key_in_files(key: str, paths: list[str], value: str | None = None) -> str:
    """``key_as_written`` for advice that names several files, any of which may take the key:
    one spelling when they share a syntax, else each syntax's spelling, named."""
    syntaxes = list(dict.fromkeys(syntax_of(path) for path in paths)) or [MARKDOWN]
    first = key_as_written(key, syntaxes[0], value)
    if len(syntaxes) == 1:
        return first
    others = ", ".join(
        f"{key_as_written(key, syntax, value)} in {_A_FILE[syntax]}" for syntax in syntaxes[1:]
    )
    return f"{first} in {_A_FILE[syntaxes[0]]}, {others}"


def a_key(key: str | tuple[str, ...], paths: list[str], article: str = "a") -> str:
    """A key named as the files at ``paths`` hold it, for advice to add or keep one: "a Date:
    line", "a :date: field", 'a <meta name="date"> tag' (``article``: "a", "no"), each
    syntax's named when they differ; several keys, either of them: "no Lang: line or Slug:
    line"."""
    keys = (key,) if isinstance(key, str) else key
    syntaxes = list(dict.fromkeys(syntax_of(path) for path in paths)) or [MARKDOWN]
    said = [
        _with_article(
            article,
            " or ".join(f"{key_as_written(one, syntax)} {line_of(syntax)}" for one in keys),
        )
        for syntax in syntaxes
    ]
    if len(said) == 1:
        return said[0]
    pairs = zip(said, syntaxes, strict=True)
    return ", ".join(f"{one} in {_A_FILE[syntax]}" for one, syntax in pairs)


def lines_for_each(key: str, paths: list[str]) -> str:
    """What to add to each of several files, after "add": "Lang: lines" where all are Markdown,
    else each syntax's ("a :lang: field to each", named per syntax when they differ)."""
    if {syntax_of(path) for path in paths} <= {MARKDOWN}:
        return f"{key_as_written(key, MARKDOWN)} lines"
    return f"{a_key(key, paths)} to each"


def _with_article(article: str, said: str) -> str:
    """``said`` after ``article``, "a" as said aloud: "an Author: line", "an :author: field"."""
    if article == "a" and said.lstrip(":")[:1].lower() in tuple("aeiou"):
        article = "an"
    return f"{article} {said}"


_A_FILE = {
    MARKDOWN: "a Markdown file",
    RST: "a .rst file",
    HTML: "an .html file",
    TOML: "a file with +++ front matter",
}


def one_key(key: str, syntax: str, article: str = "a") -> str:
    """One key named as a file of ``syntax`` holds it, after ``article``: "a Summary: line",
    "a :summary: field", 'a <meta name="summary"> tag', "a summary key" (TOML)."""
    return _with_article(article, f"{key_as_written(key, syntax)} {line_of(syntax)}")


def line_of(syntax: str) -> str:
    """What one key is in a file of ``syntax``: a line, a field, a tag or (TOML's, named
    bare) a key."""
    return {RST: "field", HTML: "tag", TOML: "key"}.get(syntax, "line")


def yaml_quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back whole: its quotes and
    backslashes escaped (JSON's string is YAML's)."""
    return json.dumps(value, ensure_ascii=False)
