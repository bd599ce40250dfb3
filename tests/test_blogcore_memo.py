"""blogcore's ``{% memo %}`` tag: each fragment rendered once per key, the output unchanged."""

import dataclasses
import json
import re
from pathlib import Path

import jinja2
import pytest

from plugins.blogcore.memo import MemoExtension
from tests.conftest import DEV_CONF, ROOT, run_pelican
from tests.test_fastbuild import assert_same_tree


class Post:
    """A stand-in for a Pelican article: hashed by identity, as Pelican's are."""

    def __init__(self, title: str, lang: str = "en") -> None:
        self.title, self.lang = title, lang


@dataclasses.dataclass
class Series:
    """A stand-in for the series plugin's Series: a dataclass, equal by value, no hash."""

    name: str


A, B = Post("<A & co>"), Post("B", "fr")
ONE, SAME_AS_ONE = Series("S"), Series("S")


def environment(**options) -> jinja2.Environment:
    """An autoescaping environment with the memo tag and a counter of body renders."""
    env = jinja2.Environment(autoescape=True, extensions=[MemoExtension], **options)
    env.globals["tick"] = lambda: env.globals.update(ticks=env.globals["ticks"] + 1) or ""
    env.globals["ticks"] = 0
    return env


def without_tags(source: str) -> str:
    """The same template with the memo tags removed: what the memo must not change."""
    tag = r"{%-? (?:end)?memo\b[^%]*-?%}"
    return re.sub(tag, "", re.sub(rf"^[ \t]*{tag}\n", "", source, flags=re.M))


# (template, variables, body renders with the memo, why)
CASES = [
    (
        "{% for p in posts %}{% memo p %}{{ tick() }}<h2>{{ p.title }}</h2>{% endmemo %}"
        "{% endfor %}",
        {"posts": [A, B, A, A, B]},
        2,
        "one render per post; the title escaped once, not twice",
    ),
    (
        "{% for p in posts %}{% memo p, lang %}{{ tick() }}{{ p.title }}/{{ lang }}{% endmemo %}"
        "{% endfor %}",
        {"posts": [A, A], "lang": "en"},
        1,
        "a key of several values",
    ),
    (
        "{% for p in posts %}{% memo p %}{{ tick() }}1{{ p.title }}{% endmemo %}"
        "{% memo p %}{{ tick() }}2{{ p.title }}{% endmemo %}{% endfor %}",
        {"posts": [A, A]},
        2,
        "two tags given the same key keep their own fragments",
    ),
    (
        "{% for p in posts %}{% memo p.tags %}{{ tick() }}{{ p.tags|join(',') }}{% endmemo %}"
        "{% endfor %}",
        {"posts": [{"tags": ["x", "y"]}, {"tags": ["x", "y"]}, {"tags": ["z"]}]},
        2,
        "a list in a key counts as a tuple",
    ),
    (
        "{% for p in posts %}{% memo p %}{{ tick() }}{{ p.n }}{% endmemo %}{% endfor %}",
        {"posts": [{"n": 1}, {"n": 1}, {"n": 2}]},
        3,
        "a key without a hash renders every time",
    ),
    (
        "{% for s, here in pages %}{% memo s, here %}{{ tick() }}{{ s.name }}{{ here }}"
        "{% endmemo %}{% endfor %}",
        {"pages": [(ONE, 1), (ONE, 1), (SAME_AS_ONE, 1), (ONE, 2)]},
        3,
        "an object without a hash counts as itself: an equal one is another key",
    ),
    (
        "{% for p in posts %}{% memo p.parts %}{{ tick() }}{% endmemo %}{% endfor %}",
        {"posts": [{"parts": [ONE]}, {"parts": [ONE]}]},
        2,
        "a list holding an object without a hash renders every time",
    ),
    (
        "<ul>\n  {% for p in posts %}\n  {% memo p %}\n  <li>{{ tick() }}{{ p.title }}</li>\n"
        "  {% endmemo %}\n  {% endfor %}\n</ul>\n",
        {"posts": [A, B, A]},
        2,
        "tags on their own lines leave no whitespace behind (trim_blocks, lstrip_blocks)",
    ),
]


@pytest.mark.parametrize(("source", "variables", "renders", "why"), CASES)
def test_memo_renders_once_per_key_and_changes_nothing(source, variables, renders, why):
    options = {"trim_blocks": True, "lstrip_blocks": True}
    memo, plain = environment(**options), environment(**options)
    got = memo.from_string(source).render(variables)
    assert got == plain.from_string(without_tags(source)).render(variables), why
    assert memo.globals["ticks"] == renders, why
    assert memo.extensions["blogcore.memo"].rendered == renders, why


def test_a_disabled_memo_renders_every_body():
    env = environment()
    env.extensions["blogcore.memo"].enabled = False
    template = env.from_string(
        "{% for p in posts %}{% memo p %}{{ tick() }}{% endmemo %}{% endfor %}"
    )
    template.render(posts=[A, A, A])
    assert env.globals["ticks"] == 3


def test_fragments_belong_to_one_environment():
    source = "{% memo p %}{{ p.title }}{% endmemo %}"
    first, second = environment(), environment()
    assert first.from_string(source).render(p=A) == "&lt;A &amp; co&gt;"
    A.title = "changed"  # a later build: the same object, new content
    try:
        assert second.from_string(source).render(p=A) == "changed"
    finally:
        A.title = "<A & co>"


def test_templates_compiled_into_the_bytecode_cache_load_in_a_new_environment(tmp_path: Path):
    (tmp_path / "t").mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "t/card.html").write_text("{% memo p %}[{{ p.title }}]{% endmemo %}")
    for _ in range(2):  # the second environment loads the compiled code from the cache
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(tmp_path / "t"),
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(tmp_path / "cache")),
            extensions=[MemoExtension],
        )
        assert env.get_template("card.html").render(p=B) == "[B]"
    assert list((tmp_path / "cache").iterdir())


def test_the_sample_site_is_the_same_with_and_without_the_memo(tmp_path: Path):
    """Translations, several authors, series, related posts, drafts, the newsletter form at
    the end of posts and in other pages' footers: every page byte for byte."""
    shared = tmp_path / "cache"  # photos made once for both builds
    for memo in (True, False):
        output = tmp_path / json.dumps(memo)
        run_pelican(
            DEV_CONF,
            ROOT / "content",
            output,
            CACHE_PATH=str(shared),
            BLOGCORE_TEMPLATE_MEMO=memo,
            NEWSLETTER_ACTION="https://lists.example.test/subscribe",
            NEWSLETTER_PRIVACY_URL="about/",
        )
    assert_same_tree(tmp_path / "true", tmp_path / "false")


def test_templates_made_from_strings_keep_their_fragments_apart():
    env = environment()
    first = env.from_string("{% memo p %}first {{ p.title }}{% endmemo %}")
    second = env.from_string("{% memo p %}second {{ p.title }}{% endmemo %}")
    assert [first.render(p=B), second.render(p=B)] == ["first B", "second B"]
