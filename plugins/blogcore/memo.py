"""``{% memo key, ... %}…{% endmemo %}``: render a template fragment once per key and reuse it.

A post's card is the same on every listing that shows it: the home page, its category, each of
its tags, each of its authors. A 2,000-post site renders about 11,000 cards for 2,000 distinct
posts, and an "About the author" block once per post for 25 people. The tag renders its body
the first time it meets a key and gives back the same markup after that.

The key must name everything the fragment shows that can differ between two places it is
rendered: ``{% memo article, SITEURL %}`` for a card that reads only the post and site-wide
settings. Each tag has its own fragments, so two tags given the same key never share one. Lists
in a key count as tuples (``article.authors``); an object without a hash (a dataclass: a series)
counts as itself, not as its value, and is kept with the fragment so that no other object takes
its ``id`` during the build; a dict, a set or a list holding an object without a hash renders
the body every time (one made in the template would be a new key on every page).

The fragments live on the extension, which Jinja makes once per environment: Pelican makes
new environments for every build, so nothing outlives one build.
"""

import itertools
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser


class MemoExtension(Extension):
    """The ``memo`` tag; ``enabled = False`` on an instance makes every tag render its body."""

    tags: ClassVar[set[str]] = {"memo"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        self.enabled = True
        self.fragments: dict[tuple, str] = {}
        self.rendered = 0  # bodies rendered, for tests
        self._unnamed = itertools.count()  # templates made from strings have no name
        # per template being parsed: its name and how many memo tags it has so far (kept here,
        # not as attributes on Jinja's parser)
        self._parsing: weakref.WeakKeyDictionary[Parser, list] = weakref.WeakKeyDictionary()

    def parse(self, parser: Parser) -> nodes.Node:
        """``memo`` followed by one or more expressions, then the body up to ``endmemo``."""
        lineno = next(parser.stream).lineno
        keys = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endmemo",), drop_needle=True)
        # which tag this is, so that two tags given the same key keep apart
        counted = self._parsing.get(parser)
        if counted is None:
            counted = self._parsing[parser] = [parser.name or f"<string {next(self._unnamed)}>", 0]
        tag = nodes.Const(f"{counted[0]}#{counted[1]}")
        counted[1] += 1
        call = self.call_method("_fragment", [tag, nodes.Tuple(keys, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _fragment(self, tag: str, key: tuple, caller: Callable[[], str]) -> str:
        if not self.enabled:
            return caller()
        key = tuple(tuple(part) if isinstance(part, list) else part for part in key)
        try:
            found = self.fragments.get((tag, key))
        except TypeError:  # a value without a hash: an object by its identity
            key = _by_identity(key)
            if key is None:  # a dict, a set: nothing to look it up by
                self.rendered += 1
                return caller()
            found = self.fragments.get((tag, key))
        if found is None:
            self.rendered += 1
            found = self.fragments[(tag, key)] = caller()
        return found


class _Same:
    """An object without a hash as a key part: equal only to itself, and kept alive with the
    fragment, so that its ``id`` is not given to another object during the build."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _by_identity(key: tuple) -> tuple | None:
    """The key with each part that has no hash as itself; None if one is a dict or a set."""
    parts = []
    for part in key:
        try:
            hash(part)
        except TypeError:
            if isinstance(part, dict | set | list | tuple | bytearray):
                return None
            part = _Same(part)
        parts.append(part)
    return tuple(parts)


# Compiled templates (kept by Jinja's bytecode cache) find the extension by its identifier,
# which Jinja derives from the module's name; a fixed one keeps them valid whatever name the
# plugin's package was imported under (``blogcore`` in a build, ``plugins.blogcore`` in tests).
MemoExtension.identifier = "blogcore.memo"
