"""Related posts on a real build: on-topic picks, the block's markup, exclusions, warnings."""

import io
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from pelican import readers, signals
from pelican.settings import DEFAULT_CONFIG
from PIL import Image

from pelicanconf import PLUGINS
from plugins.engine import build, compat, phases
from plugins.i18n import scripts
from plugins.related import pins
from plugins.related import text as related_text
from tests.conftest import ROOT, TEST_SITEURL, _builder

# Three clearly distinct topics; every post also carries generic sentences, the generic tag
# "news" and one shared category, so only what a post is about can tell them apart.
TOPICS = {
    "bread": [
        "The sourdough starter needs feeding with flour and water every morning.",
        "A wetter dough with higher hydration gives an open crumb.",
        "Shape the loaf gently and let it prove in a floured banneton overnight.",
        "Bake the loaf in a hot cast iron pot so the crust blisters.",
        "Rye flour ferments faster than wheat flour in a starter.",
        "Score the dough with a razor blade before it goes in the oven.",
    ],
    "bikes": [
        "Clean the chain and the cassette before adding fresh lubricant.",
        "A stretched chain wears the chainrings and skips on the sprockets.",
        "Adjust the derailleur limit screws so the chain never falls off.",
        "True a wobbly wheel by tightening the spokes a quarter turn at a time.",
        "Replace worn brake pads before the rims or rotors get scored.",
        "Pump the tyres to the pressure printed on the sidewall.",
    ],
    "bees": [
        "The beekeeper checks each frame of the hive for eggs and a laying queen.",
        "Smoke calms the colony before the hive roof comes off.",
        "A strong colony stores honey in the supers above the brood box.",
        "Varroa mites weaken a colony unless the beekeeper treats the hive.",
        "Swarming bees follow the old queen out of a crowded hive.",
        "Extract the honey when the bees have capped the frames with wax.",
    ],
}
GENERIC = [
    "We wrote this up for the team newsletter this week.",
    "Thanks to everyone who came along and asked questions.",
]


def post(slug: str, topic: str, n: int, extra: str = "", date: str = "") -> str:
    bank = TOPICS[topic]
    body = " ".join(bank[(n + i) % len(bank)] for i in range(4)) + " " + " ".join(GENERIC)
    return (
        f"Title: {topic.title()} notes {n}\nDate: {date or f'2024-0{1 + n % 8}-1{n % 9} 10:00'}\n"
        f"Category: Notes\nTags: news\nAuthor: Ada Byrne\nSlug: {slug}\n{extra}\n{body}\n"
    )


def topic_site_files() -> dict[str, str]:
    files = {}
    for topic in TOPICS:
        for n in range(4):
            files[f"posts/{topic}-{n}.md"] = post(f"{topic}-{n}", topic, n)
    files["posts/bread-draft.md"] = post("bread-draft", "bread", 9, "Status: draft\n")
    files["posts/bread-future.md"] = post("bread-future", "bread", 8, date="2099-01-01")
    files["posts/bread-fr.md"] = post("bread-fr", "bread", 7, "Lang: fr\n")
    files["posts/bikes-series-1.md"] = post("bikes-series-1", "bikes", 5, "Series: Fixing bikes\n")
    files["posts/bikes-series-2.md"] = post("bikes-series-2", "bikes", 6, "Series: Fixing bikes\n")
    files["posts/bees-pinned.md"] = post(
        "bees-pinned", "bees", 7, "Related: bread-1, no-such-post\nRelated_exclude: bees-0, ghost\n"
    )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _builder(tmp_path_factory.mktemp("related"))(topic_site_files(), fixture=None)


def related_slugs(site, slug: str) -> list[str]:
    block = site.soup(f"posts/{slug}/").select_one("section.related-posts")
    if block is None:
        return []
    return [
        a["href"].removeprefix(f"{TEST_SITEURL}/posts/").strip("/") for a in block.select("h3 a")
    ]


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("n", range(4))
def test_posts_get_related_posts_on_their_own_topic(site, topic, n):
    picks = related_slugs(site, f"{topic}-{n}")
    assert len(picks) == 3, picks
    assert all(p.startswith(topic) for p in picks), picks


def test_off_topic_posts_never_appear_despite_shared_tag_and_category(site):
    for topic in TOPICS:
        for n in range(4):
            for pick in related_slugs(site, f"{topic}-{n}"):
                assert pick.split("-")[0] == topic


def test_never_drafts_future_other_language_or_own_series(site):
    everything = [p for t in TOPICS for n in range(4) for p in related_slugs(site, f"{t}-{n}")]
    for slug in ("bread-draft", "bread-future", "bread-fr"):
        assert slug not in everything
    assert "bikes-series-2" not in related_slugs(site, "bikes-series-1")
    assert "bikes-series-1" not in related_slugs(site, "bikes-series-2")


def test_pins_first_and_excludes_removed(site):
    picks = related_slugs(site, "bees-pinned")
    assert picks[0] == "bread-1"
    assert "bees-0" not in picks
    assert all(p.startswith("bees") for p in picks[1:])


def test_block_markup(site):
    block = site.soup("posts/bread-0/").select_one("section.related-posts")
    assert block["aria-labelledby"] == "related-posts-title"
    assert block.select_one("h2#related-posts-title").get_text(strip=True) == "Related reading"
    item = block.select_one("li.related-post")
    assert item.select_one("h3 a")["href"].startswith(f"{TEST_SITEURL}/posts/bread-")
    assert item.select_one("time")["datetime"]
    assert item.select_one(".related-post__summary").get_text(strip=True)


def test_thumbnail_when_the_post_has_a_cover(build_site):
    files = topic_site_files()
    files["posts/bread-1.md"] = files["posts/bread-1.md"].replace(
        "Slug: bread-1\n\n", "Slug: bread-1\n\n![A loaf]({static}/images/loaf.png)\n\n"
    )
    files["posts/bread-2.md"] = files["posts/bread-2.md"].replace(
        "Slug: bread-2\n\n", "Slug: bread-2\n\n![A plan]({static}/images/plan.svg)\n\n"
    )
    loaf = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 150, 90)).save(loaf, "PNG")
    files["images/loaf.png"] = loaf.getvalue()
    files["images/plan.svg"] = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"></svg>'
    built = build_site(files, fixture=None, BLOGCORE_DEFAULT_IMAGE="images/loaf.png")
    thumbs = {
        img.find_parent("li").select_one("h3 a").get_text(strip=True): img
        for page in ("bread-0", "bread-1", "bread-2", "bread-3")
        for img in built.soup(f"posts/{page}/").select(".related-post img.related-post__thumb")
    }
    # the cover's smallest rendition, not the 1,600 px original
    assert "/renditions/images/loaf-" in thumbs["Bread notes 1"]["src"]
    assert "/loaf-400." in thumbs["Bread notes 1"]["src"]
    assert thumbs["Bread notes 1"]["alt"] == ""  # decorative: the title is the link text
    # an SVG is no cover, and the site's social card is no thumbnail
    assert set(thumbs) == {"Bread notes 1"}


def test_unknown_slugs_are_warnings_naming_the_file(build_site, caplog):
    # (slugs of their own: Pelican shows an identical warning only once per process)
    # probe 8 finding 10: a slug one typo or word off a published post's got no did-you-mean
    # ("…-postgres-ranges" for "…-postgresql-ranges"); a draft's, a hidden or a future post's
    # slug is meant: the line said "no published post", as for a typo, and now says what it is
    files = topic_site_files()
    files["posts/bikes-series-3.md"] = post("bikes-series-3", "bikes", 4, "Status: draft\n")
    files["posts/bikes-hidden.md"] = post("bikes-hidden", "bikes", 3, "Status: hidden\n")
    files["posts/bees-pinned.md"] = (
        files["posts/bees-pinned.md"]
        .replace(
            "no-such-post", "missing-here, bikes-seris-1, bikes-series-3, bread-future, bred-futur"
        )
        .replace("ghost", "phantom, bikes-seris-2, bikes-series-3, bikes-hidden")
    )
    caplog.set_level(logging.WARNING)
    build_site(files, fixture=None, name="related-unknown")
    said = [m.split("/", 1)[1] for m in caplog.messages if "Related" in m and "pinned.md" in m]
    assert sorted(said) == [
        "posts/bees-pinned.md: Related: 'bikes-series-3' is a draft (Status: draft), so it is "
        "not linked until it is published",
        "posts/bees-pinned.md: Related: 'bread-future' is scheduled for 2099-01-01 (its Date is "
        "in the future), so it is not linked until it is published",
        "posts/bees-pinned.md: Related: no published post 'bikes-seris-1' "
        "(did you mean 'bikes-series-1'?)",
        "posts/bees-pinned.md: Related: no published post 'bred-futur' (did you mean "
        "'bread-future'? it is scheduled for 2099-01-01 (its Date is in the future), so it is "
        "not linked until it is published)",
        "posts/bees-pinned.md: Related: no published post 'missing-here'",
        "posts/bees-pinned.md: Related_exclude: 'bikes-hidden' is hidden (Status: hidden), and "
        "a hidden post is never shown as related reading, so this leaves out nothing",
        "posts/bees-pinned.md: Related_exclude: 'bikes-series-3' is a draft (Status: draft), so "
        "there is nothing to leave out until it is published (then it is left out)",
        "posts/bees-pinned.md: Related_exclude: no published post 'bikes-seris-2' "
        "(did you mean 'bikes-series-2'?)",
        "posts/bees-pinned.md: Related_exclude: no published post 'phantom'",
    ]


def test_related_max_zero_turns_the_block_off(build_site):
    built = build_site(topic_site_files(), fixture=None, RELATED_MAX=0)
    assert built.soup("posts/bread-0/").select_one("section.related-posts") is None


def test_the_content_folder_is_counted_once_per_build(build_site, monkeypatch):
    # Pelican sends article_generator_preread before each post it reads; counting the folder
    # at each walked the whole folder once per post (quadratic: 5 s of a 2,000-post rebuild)
    counts = []
    count = pins.two_posts_may_be_there

    def counted(*args):
        counts.append(count(*args))
        return counts[-1]

    monkeypatch.setattr(pins, "two_posts_may_be_there", counted)
    built = build_site(topic_site_files(), fixture=None)
    assert counts == [True]
    assert built.soup("posts/bread-0/").select("section.related-posts a")


def _alias_site_files() -> dict[str, str]:
    """Three posts with the same text: only a shared author can tell the pick apart."""
    files = {
        "team/ada-byrne.md": "Name: Ada Byrne\nAliases: A. Byrne\n\nAda bakes.\n",
        "team/bo-lindqvist.md": "Name: Bo Lindqvist\n\nBo rides.\n",
    }
    for slug, author, day in (
        ("x", "A. Byrne", 1),
        ("y", "Ada Byrne", 2),
        ("z", "Bo Lindqvist", 3),
    ):
        files[f"posts/{slug}.md"] = post(slug, "bread", 0, date=f"2024-05-0{day} 10:00").replace(
            "Author: Ada Byrne", f"Author: {author}"
        )
    return files


@pytest.mark.parametrize("related_first", [False, True])
def test_authors_are_compared_as_the_team_plugin_names_them(build_site, related_first):
    # "A. Byrne" is Ada Byrne's alias: the team plugin makes both bylines the same person when
    # Pelican sends article_generator_pretaxonomy. Without that, z (newest) would win the tie.
    plugins = [p for p in PLUGINS if p != "plugins.related"]
    plugins.insert(
        plugins.index("plugins.team") if related_first else plugins.index("plugins.galleries") + 1,
        "plugins.related",
    )
    built = build_site(
        _alias_site_files(),
        fixture=None,
        PLUGINS=plugins,
        RELATED_MAX=1,
        RELATED_WEIGHT_AUTHORS=1.0,
        RELATED_WEIGHT_RECENCY=0.0,
    )
    assert related_slugs(built, "x") == ["y"]


@pytest.mark.parametrize("related_first", [False, True])
def test_the_picking_starts_as_soon_as_team_and_galleries_are_done(build_site, related_first):
    """Whatever the order of PLUGINS: the engine's posts_changed phase says when."""
    seen = []

    def last(generator):
        state = build.current(generator.settings).state("plugins.related")
        seen.append(getattr(state, "started", False))

    plugins = [p for p in PLUGINS if p != "plugins.related"]
    plugins.insert(0 if related_first else len(plugins), "plugins.related")
    # connected after every plugin's receivers: it runs last
    signals.article_generator_pretaxonomy.connect(last, weak=False)
    try:
        build_site(_alias_site_files(), fixture=None, PLUGINS=plugins)
    finally:
        signals.article_generator_pretaxonomy.disconnect(last)
    assert seen == [True]


@pytest.mark.parametrize(
    ("plugins", "changed", "final"),
    [
        (["plugins.team", "plugins.galleries", "plugins.related"], ["plugins.team"], False),
        (["plugins.related", "plugins.team", "plugins.galleries"], ["plugins.galleries"], False),
        (
            ["plugins.related", "plugins.team", "plugins.galleries"],
            ["plugins.galleries", "plugins.team"],
            True,
        ),
        (["plugins.related"], [], True),
        (["plugins.galleries", "plugins.related"], ["plugins.galleries"], True),
        (
            ["plugins.related", "plugins.team", "plugins.blogcore"],
            ["plugins.team"],
            False,
        ),
        (["plugins.related", "plugins.blogcore"], ["plugins.blogcore"], True),
    ],
)
def test_posts_are_final_once_every_listed_changer_said_so(plugins, changed, final):
    # a generator with no posts: related's own receiver (connected in this process) may run
    generator = SimpleNamespace(settings={"PLUGINS": plugins}, articles=[], translations=[])
    with phases.posts_changed.muted():  # no receiver an earlier build connected runs
        for plugin in changed:
            phases.mark_posts_changed(generator, plugin)
    assert phases.posts_final(generator) is final


@pytest.mark.parametrize(
    ("plugins", "done", "turn"),
    [
        (["plugins.team", "plugins.blogcore"], [], False),  # blogcore first takes out clashes
        (["plugins.team", "plugins.blogcore"], ["plugins.blogcore"], True),
        (["plugins.team"], [], True),  # no blogcore in this build: nothing to wait for
        (["plugins.blogcore"], [], True),  # blogcore waits for no one
    ],
)
def test_team_and_galleries_change_posts_once_blogcore_settled_them(plugins, done, turn):
    generator = SimpleNamespace(settings={"PLUGINS": plugins}, articles=[], translations=[])
    with phases.posts_changed.muted():
        for plugin in done:
            phases.mark_posts_changed(generator, plugin)
    changer = "plugins.team" if "plugins.team" in plugins else "plugins.blogcore"
    assert phases.turn_to_change(generator, changer) is turn
    if turn:  # once per build
        assert phases.turn_to_change(generator, changer) is False


# `invoke related <post>` (probe 8 finding 10): the post by slug, address or file; a draft,
# future or hidden post answered as if published; a post not there: exit 1, one line, a hint.


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("related-task") / "content"
    files = topic_site_files()
    files["posts/bees-hidden.md"] = post("bees-hidden", "bees", 8, "Status: hidden\n")
    files["team/ada-byrne.md"] = "Name: Ada Byrne\nRole: Writer\n\nAda writes.\n"  # no warning
    for relpath, text in files.items():
        (folder / relpath).parent.mkdir(parents=True, exist_ok=True)
        (folder / relpath).write_text(text, encoding="utf-8")
    return folder


def _related(content, asked: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", "related", f"--slug={asked}", "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("asked", "heading"),
    [
        ("/posts/bread-1/", "Related posts for bread-1 (content/posts/bread-1.md, en):"),
        (
            "content/posts/bread-1.md",
            "Related posts for bread-1 (content/posts/bread-1.md, en):",
        ),
        (
            "Bread-Draft",
            "Related posts for bread-draft (content/posts/bread-draft.md, en), a draft "
            "(Status: draft); published, it would show:",
        ),
        (
            "https://blog.example/posts/bread-future/",
            "Related posts for bread-future (content/posts/bread-future.md, en), scheduled for "
            "2099-01-01 (its Date is in the future); published, it would show:",
        ),
        (
            "bees-hidden",
            "Related posts for bees-hidden (content/posts/bees-hidden.md, en), hidden "
            "(Status: hidden), so it shows no related posts; published, it would show:",
        ),
    ],
)
def test_invoke_related_answers_for_any_post_and_ends_there(content, asked, heading):
    result = _related(content, asked)
    assert result.returncode == 0, result.stderr
    heading_line, *picks, done = result.stdout.splitlines()
    assert heading_line == heading
    topic = heading.split()[3].split("-")[0]
    assert len(picks) == 3 and all(p.startswith(f"  {n}. {topic}-") for n, p in enumerate(picks, 1))
    # only published posts are picked, never the post itself; the build went on to its end
    assert not [p for p in picks if "draft" in p or "future" in p or "hidden" in p]
    assert done.startswith("Done: Processed ")


@pytest.mark.parametrize(
    ("asked", "line"),
    [
        ("bred-1", "No post has the slug 'bred-1': did you mean 'bread-1'?"),
        ("/posts/zebracorn/", "No post has the address '/posts/zebracorn/'."),
        (" ", "No post given: invoke related <slug> (or /posts/<slug>/, or its file)."),
    ],
)
def test_invoke_related_without_a_post_is_one_line_and_exit_1(content, asked, line):
    result = _related(content, asked)
    assert result.returncode == 1
    assert result.stderr.strip() == line
    assert result.stdout == ""


def test_invoke_related_counts_the_builds_warnings_after_its_answer(content, tmp_path):
    # an adopted blog's answer came after some 150 lines of the build's warnings (probe X)
    folder = tmp_path / "content"
    shutil.copytree(content, folder)
    (folder / "posts" / "typo.md").write_text(
        post("typo", "bread", 5) + "\n![](/y.png)\n", encoding="utf-8"
    )  # an image without alt text: a warning in development
    (folder / "posts" / "bad-date.md").write_text(
        post("bad-date", "bees", 5, date="2024-13-45"), encoding="utf-8"
    )  # a date that is none: an error, the file left out
    (folder / "posts" / "untitled.md").write_text(
        post("untitled", "bikes", 5).split("\n", 1)[1], encoding="utf-8"
    )  # no title: an error said once every file is read, after the answer
    result = _related(folder, "bread-1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Related posts for bread-1 "), result.stdout
    # every line `make build` shows of this folder: the untitled post and the social card
    # (errors), bread-fr's Lang, bees-pinned's two pins to no post and typo.md's link
    # (warnings) were said after the answer, and not counted ("1 warning and 1 error")
    assert result.stderr == "The build had 5 warnings and 3 errors (make build shows them).\n"
    assert len(result.stdout.splitlines()) == 5  # the answer, and Pelican's Done line


# a build in which NumPy cannot be imported, in the build's process or any fork of it
_WITHOUT_NUMPY = """
import sys
sys.modules["numpy"] = None
from pelican import main
main(["-s", "pelicanconf.py", sys.argv[1], "-o", sys.argv[2], "--log-handler", "plain", "-e",
      'BLOGCORE_DEFAULT_IMAGE=""', "SEARCH_IN_BACKGROUND=false"])
"""


def test_a_site_with_one_post_per_language_is_picked_without_numpy(tmp_path):
    # nothing to score where no two posts share a language: no scorer, so no wait for the
    # child importing NumPy and SciPy (a one-post build waited 0.1 s for it); the pins are
    # read as the scorer reads them
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "bread-0.md").write_text(
        post("bread-0", "bread", 0, "Related: bread-fr, ghost\n"), encoding="utf-8"
    )
    (content / "posts" / "bread-fr.md").write_text(
        post("bread-fr", "bread", 1, "Lang: fr\nRelated_exclude: bread-0\n"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_NUMPY, str(content), str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    said = [" ".join(line.split()) for line in result.stderr.splitlines() if "Related" in line]
    assert said == [
        "WARNING content/posts/bread-0.md: Related: no published post 'bread-fr' in language 'en'",
        "WARNING content/posts/bread-0.md: Related: no published post 'ghost'",
        "WARNING content/posts/bread-fr.md: Related_exclude: no published post 'bread-0'",
    ]
    assert (tmp_path / "out" / "posts" / "bread-0" / "index.html").is_file()


ANGLE_RST = """Angle rst
#########

:date: 2026-05-01
:category: Engineering
:author: Ada Byrne

.. raw:: html

   <p>Raw <abbr title="a > b">zebra</abbr> quagga.</p>
"""
ANGLE_HTML = """<html><head><title>Angle html</title><meta name="date" content="2026-05-01">
<meta name="category" content="Engineering"><meta name="author" content="Ada Byrne">
</head><body><p>Html <abbr title="a > b">giraffe</abbr> eland.</p></body></html>
"""


@pytest.mark.parametrize(
    ("reader", "source", "read", "words"),
    [
        # docutils passes raw HTML on as written, a value's '>' too (Pelican's HTML reader
        # writes &gt;)
        ("RstReader", ANGLE_RST, '<abbr title="a > b">zebra</abbr>', "Raw zebra quagga."),
        ("HTMLReader", ANGLE_HTML, '<abbr title="a &gt; b">giraffe</abbr>', "Html giraffe eland."),
    ],
)
def test_stock_readers_values_with_a_close_angle_are_no_words(
    tmp_path, reader, source, read, words
):
    # a site without blogcore: related and i18n read a post's HTML as the stock reader left it
    path = tmp_path / ("post.rst" if reader == "RstReader" else "post.html")
    path.write_text(source, encoding="utf-8")
    html = getattr(readers, reader)(dict(DEFAULT_CONFIG)).read(str(path))[0]
    assert read in html
    assert related_text.plain_text(html).split() == words.split()
    assert scripts.sample("", html).split() == words.split()


def test_blogcore_readers_write_a_value_s_close_angle_as_an_entity(build_site):
    # what related and i18n read (the body before links are resolved): a value's '>' is
    # &gt; for a reStructuredText and an HTML post too, so their tag pattern is not cut
    bodies = {}

    def grab(generator):
        for article in generator.articles:
            bodies[article.slug] = compat.html_of(article)

    signals.article_generator_finalized.connect(grab, weak=False)
    try:
        built = build_site({"posts/angle-rst.rst": ANGLE_RST, "posts/angle-html.html": ANGLE_HTML})
    finally:
        signals.article_generator_finalized.disconnect(grab)
    for slug, words in (("angle-rst", "Raw zebra quagga."), ("angle-html", "Html giraffe eland.")):
        assert 'title="a &gt; b"' in bodies[slug]
        assert related_text.plain_text(bodies[slug]).split() == words.split()
        assert built.soup(f"posts/{slug}/").select_one("abbr")["title"] == "a > b"


# a whole build in a new process; prints whether the build's own process imported NumPy
_SCORED_WHERE = """
import sys
from pelican import Pelican
from pelican.settings import read_settings
content, output, cache, least = sys.argv[1:]
override = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache,
            "BLOGCORE_DEFAULT_IMAGE": "", "SEARCH_IN_BACKGROUND": False,
            "RELATED_FORK_MIN_POSTS": int(least)}
Pelican(read_settings("pelicanconf.py", override=override)).run()
print("numpy" in sys.modules)
"""


def test_a_site_below_related_fork_min_posts_is_scored_in_the_builds_process(tmp_path):
    # a fork beside a small site's build costs more processor time and memory than it saves
    # (docs/performance.md): below the setting the picks are made here, the same picks
    content = tmp_path / "content"
    for name, text in topic_site_files().items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    pages, here = [], []
    for least in (1000, 0):  # 17 post files: below 1,000, and 0 (always forked)
        output, cache = tmp_path / f"out-{least}", tmp_path / f"cache-{least}"
        result = subprocess.run(
            [sys.executable, "-c", _SCORED_WHERE, *map(str, (content, output, cache, least))],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        here.append(result.stdout.splitlines()[-1])
        pages.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*.html")})
    assert here == ["True", "False"]  # NumPy in the build's process only where it scored there
    assert pages[0] == pages[1]
    page = BeautifulSoup(pages[0][Path("posts/bread-0/index.html")], "html.parser")
    assert len(page.select("section.related-posts h3 a")) == 3


def test_a_draft_pinned_is_said_to_be_one_by_what_made_it_one(build_site, caplog):
    # a draft by DEFAULT_METADATA or its folder was said to be "a draft (Status: draft)", a
    # line it does not have; a reST draft's own line is :status: draft
    files = topic_site_files()
    files["posts/bees-pinned.md"] = post(
        "bees-pinned",
        "bees",
        7,
        "Status: published\nRelated: bikes-0, bikes-folder, bikes-path, bikes-rst\n",
    )
    files["posts/drafts/bikes-folder.md"] = post("bikes-folder", "bikes", 5)
    files["posts/draft/bikes-path.md"] = post("bikes-path", "bikes", 6)
    files["posts/bikes-rst.rst"] = (
        "Bikes rst\n#########\n\n:date: 2024-03-01\n:category: Notes\n:author: Ada Byrne\n"
        ":slug: bikes-rst\n:status: draft\n\nA chain, a wheel, a bell.\n"
    )
    caplog.set_level(logging.WARNING)
    build_site(
        files,
        fixture=None,
        name="related-drafts-by",
        DEFAULT_METADATA={"status": "draft"},
        PATH_METADATA=r"posts/(?P<status>draft)/.*",
    )
    said = [m.split(": ", 2)[2] for m in caplog.messages if "Related:" in m and "pinned" in m]
    then = ", so it is not linked until it is published"
    assert sorted(said) == [
        "'bikes-0' is a draft (DEFAULT_METADATA in pelicanconf.py gives every file "
        f'"status": "draft"){then}',
        f"'bikes-folder' is a draft (it is in a drafts folder){then}",
        "'bikes-path' is a draft (its folder's name gives it, by PATH_METADATA in "
        f"pelicanconf.py){then}",
        f"'bikes-rst' is a draft (:status: draft){then}",
    ]
