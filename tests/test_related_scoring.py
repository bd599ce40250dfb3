"""Unit tests of the related-posts scorer on hand-built tables."""

import os
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from plugins.related import csr, pins, scoring, text
from plugins.related.scoring import Doc, Weights
from plugins.related.settings import DEFAULTS, SettingsError, configure

DAY = 86400.0
BAKING = "sourdough starter flour hydration crumb oven proofing loaf levain dough"
CYCLING = "derailleur chain cassette spokes brake pads tyres saddle handlebar gears"


def doc(key, words="", date=0.0, **kw):
    return Doc(key=key, lang=kw.pop("lang", "en"), text=words, date=date, **kw)


def picks(docs, k=3, **weights):
    chosen, problems = scoring.related(docs, k, Weights(**weights))
    return {key: [p.key for p in ps] for (_, key), ps in chosen.items()}, problems


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("bookings", "booking"),
        ("libraries", "library"),
        ("class", "class"),
        ("bus", "bus"),
        ("analysis", "analysis"),
        ("maya's", "maya"),
        ("gas", "gas"),
    ],
)
def test_stem(word, stemmed):
    assert text.stem(word) == stemmed


@pytest.mark.parametrize(
    ("raw", "term"),
    [
        ("bookings,", "booking"),
        ("“ranges”", "range"),
        ("(postgresql)", "postgresql"),
        ("the", None),
        ("2024", None),
        ("https://x.test", None),
        ("x", None),
        ("co-op", "co-op"),
    ],
)
def test_term_of(raw, term):
    assert text.term_of(raw) == term


def test_words_stop_at_max_words():
    assert text.words("A b c d e f", 4) == ["a", "b", "c", "d"]


def test_plain_text_drops_code_and_markup():
    html = "<p>Hello <em>there</em> &amp; welcome</p><pre><code>secret_code()</code></pre>"
    assert text.plain_text(html).split() == ["Hello", "there", "&", "welcome"]


@pytest.mark.parametrize(
    ("html", "words"),
    [
        # a quoted value is the tag's, '>' and all, as docutils' raw HTML leaves it
        ('<p>Raw <abbr title="a > b">zebra</abbr> quagga</p>', "Raw zebra quagga"),
        ("<abbr title='n > 0' class=x>okapi</abbr>", "okapi"),
        ('<abbr title="a &gt; b">eland</abbr>', "eland"),  # as blogcore's readers write it
        ('<p class=a"b>gnu</p>', "gnu"),  # a quote never closed: the tag ends at its '>'
    ],
)
def test_plain_text_reads_a_tag_whole(html, words):
    assert text.plain_text(html).split() == words.split()


def test_same_topic_wins_and_off_topic_never_appears():
    docs = [
        doc("bake-1", BAKING, category="news", tags=("general",)),
        doc("bake-2", BAKING + " crust", category="news", tags=("general",)),
        doc("bake-3", BAKING + " rye", category="other", tags=("general",)),
        doc("bike-1", CYCLING, category="news", tags=("general",)),
        doc("bike-2", CYCLING + " pedals", category="news", tags=("general",)),
    ]
    chosen, _ = picks(docs)
    assert set(chosen["bake-1"]) == {"bake-2", "bake-3"}
    assert chosen["bike-1"] == ["bike-2"]  # the same category and tag do not make bakes related


@pytest.mark.parametrize(
    ("tags_b", "tags_c", "first"),
    [
        (("rare",), ("common",), "b"),  # a tag on few posts says more than one on most
        (("common",), ("rare",), "c"),
    ],
)
def test_rare_tags_weigh_more(tags_b, tags_c, first):
    filler = [doc(f"f{i}", f"filler{i} words{i}", tags=("common",)) for i in range(6)]
    docs = [
        doc("a", "zzz", tags=("rare", "common")),
        doc("b", "yyy", tags=tags_b),
        doc("c", "xxx", tags=tags_c),
        *filler,
    ]
    chosen, _ = picks(docs, k=1, min_score=0.0001)
    assert chosen["a"] == [first]


def test_recency_breaks_an_otherwise_equal_score():
    docs = [doc("a", BAKING), doc("old", BAKING, date=0.0), doc("new", BAKING, date=400 * DAY)]
    assert picks(docs, k=1)[0]["a"] == ["new"]
    assert picks(docs, k=1, recency=0.0)[0]["a"] == ["new"]  # then by date anyway


@pytest.mark.parametrize("k", [1, 2])
def test_exact_ties_break_by_date_then_slug(k):
    docs = [doc(key, BAKING) for key in ("a", "d", "c", "b", "e")]
    assert picks(docs, k=k, recency=0.0)[0]["a"] == ["b", "c"][:k]


def test_category_and_authors_only_rerank():
    docs = [
        doc("a", BAKING, category="x", authors=("Ada",)),
        doc("same-cat", BAKING, category="x"),
        doc("same-author", BAKING, authors=("Ada",)),
        doc("neither", BAKING),
        doc("no-content", CYCLING, category="x", authors=("Ada",)),
    ]
    chosen, _ = picks(docs, k=4, recency=0.0)
    assert chosen["a"][2] == "neither"
    assert set(chosen["a"][:2]) == {"same-cat", "same-author"}
    assert "no-content" not in chosen["a"]


def test_series_parts_are_never_picked():
    docs = [doc("p1", BAKING, series="s"), doc("p2", BAKING, series="s"), doc("other", BAKING)]
    assert picks(docs)[0]["p1"] == ["other"]


def test_other_languages_are_never_picked():
    docs = [doc("en-a", BAKING), doc("en-b", BAKING), doc("fr-a", BAKING, lang="fr")]
    chosen, _ = scoring.related(docs, 3, Weights())
    assert [p.key for p in chosen[("en", "en-a")]] == ["en-b"]
    assert chosen[("fr", "fr-a")] == []


def test_pins_come_first_and_count_toward_the_maximum():
    docs = [
        doc("a", BAKING, pins=("far", "nope", "a")),
        doc("b", BAKING),
        doc("c", BAKING),
        doc("far", CYCLING),
    ]
    chosen, problems = picks(docs, k=2)
    assert chosen["a"] == ["far", "b"]
    assert [p.message for p in problems] == [
        "Related: no published post 'nope'",
        "Related: a post cannot be related to itself",
    ]


def test_excludes_remove_a_post_and_unknown_slugs_are_reported():
    docs = [
        doc("a", BAKING, excludes=("b", "ghost"), source="content/posts/a.md"),
        doc("b", BAKING),
        doc("c", BAKING),
    ]
    chosen, problems = picks(docs)
    assert chosen["a"] == ["c"]
    assert problems == [
        scoring.Problem(
            "content/posts/a.md", "Related_exclude: no published post 'ghost'", slug="ghost"
        )
    ]


def test_explain_breaks_the_score_down():
    docs = [
        doc("a", BAKING, tags=("t",), category="x"),
        doc("b", BAKING, tags=("t",), category="x"),
    ]
    (pick,) = scoring.explain(docs, "a", "en", 3, Weights())
    assert set(pick.parts) == {"text", "tags", "category", "authors", "recency"}
    assert pick.parts["text"] > 0.5 and pick.parts["category"] == 0.05
    assert sum(pick.parts.values()) == pytest.approx(pick.score)


def test_empty_and_single_post():
    assert scoring.related([], 3, Weights()) == ({}, [])
    assert picks([doc("only", BAKING)])[0] == {"only": []}


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [doc("only", BAKING)],
        [doc("only", BAKING, pins=("only", "ghost", "ghost"), excludes=("ghost", "fr-a"))],
        # one post per language: a pin or exclude naming the other is in another language
        [
            doc("en-a", BAKING, pins=("fr-a", "en-a"), excludes=("nope",), source="a.md"),
            doc("fr-a", BAKING, lang="fr", pins=("en-a",), excludes=("en-a",), source="b.md"),
            doc("de-a", CYCLING, lang="de", source="c.md"),
        ],
        [doc("z", lang="fr", pins=("y",)), doc("y", lang="en", pins=("z", "x"))],
    ],
)
def test_with_one_post_per_language_the_picks_need_no_scorer(docs):
    assert not pins.scoring_needed(d.lang for d in docs)
    for k in (1, 3):
        assert pins.alone(docs, k) == scoring.related(docs, k, Weights())


@pytest.mark.parametrize(
    ("langs", "needed"),
    [((), False), (("en",), False), (("en", "fr"), False), (("en", "fr", "en"), True)],
)
def test_scoring_is_needed_once_two_posts_share_a_language(langs, needed):
    assert pins.scoring_needed(langs) is needed


def test_configure():
    assert configure({}) == DEFAULTS
    for bad, message in [
        ({"RELATED_MAX": -1}, "RELATED_MAX must be a whole number"),
        ({"RELATED_WEIGHT_TAGS": "lots"}, "RELATED_WEIGHT_TAGS must be a number"),
        ({"RELATED_MAX_WORDS": 0}, "RELATED_MAX_WORDS must be more than 0"),
        ({"RELATED_FORK_MIN_POSTS": 2.5}, "RELATED_FORK_MIN_POSTS must be a whole number"),
        ({"RELATED_FORK_MIN_POSTS": -1}, "RELATED_FORK_MIN_POSTS must be a whole number"),
        (
            {"RELATED_WEIGHT_TEXTS": 1},
            r"unknown setting RELATED_WEIGHT_TEXTS \(did you mean RELATED_WEIGHT_TEXT\?\)",
        ),
    ]:
        with pytest.raises(SettingsError, match=message):
            configure(bad)


_PICKS_SCRIPT = """
import hashlib, json, sys
sys.path.insert(0, {root!r})
from bench.related_bench import synthetic_docs
from plugins.related.scoring import Weights, related
picks = related(synthetic_docs(500), 3, Weights())[0]
out = {{key[1]: [p.key for p in chosen] for key, chosen in sorted(picks.items())}}
print(hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest())
"""


def test_picks_do_not_depend_on_the_process_hash_seed():
    """Equal-weight terms tie often; how ties break must not follow Python's string hashing."""
    root = str(Path(__file__).resolve().parent.parent)
    digests = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", _PICKS_SCRIPT.format(root=root)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1, digests


@pytest.mark.parametrize(
    ("rows", "values", "nth", "expected"),
    [
        ([0, 0, 0, 0], [0.1, 0.4, 0.3, 0.2], 2, [0.3] * 4),
        ([0, 0, 1], [0.5, 0.5, 0.2], 2, [0.5, 0.5, 0.2]),  # equal values each count once
        ([0, 1, 1, 1], [0.9, 0.1, 0.3, 0.2], 3, [0.9, 0.1, 0.1, 0.1]),  # short row: its smallest
        ([2, 2, 5], [0.2, 0.7, 0.4], 1, [0.7, 0.7, 0.4]),
        ([], [], 3, []),
    ],
)
def test_nth_largest_by_row(rows, values, nth, expected):
    found = scoring._nth_largest_by_row(np.array(rows, dtype=int), np.array(values, float), nth)
    assert found.tolist() == pytest.approx(expected)


def _brute_force(docs, k, weights):
    """The picks from the full N×N product, sorted in plain Python: the reference."""
    group = sorted(docs, key=lambda d: d.key)
    matrix = scoring.build_index(group, weights).matrix
    rows, cols, values = csr.product_rows(matrix, csr.transposed(matrix), 0, matrix.rows)
    content = np.zeros((matrix.rows, matrix.rows))
    content[rows, cols] = values
    signals = scoring._signals(group, weights)
    chosen = {}
    for i, me in enumerate(group):
        scored = []
        for j, other in enumerate(group):
            same_series = me.series is not None and me.series == other.series
            if i == j or same_series or content[i, j] < weights.min_score:
                continue
            total = content[i, j] + signals.recency[j]
            total += weights.category if me.category and me.category == other.category else 0
            total += weights.authors if set(me.authors) & set(other.authors) else 0
            scored.append((-round(total, 12), -other.date, other.key))
        chosen[me.key] = [key for *_, key in sorted(scored)[:k]]
    return chosen


@pytest.mark.parametrize("seed", range(4))
def test_the_pruned_search_picks_what_the_full_product_picks(seed):
    """Leaving common tags out of the search and dropping hopeless pairs changes nothing."""
    rng = random.Random(seed)
    vocabulary = [f"{a}{b}" for a in ("alpha", "beta", "gamma", "delta") for b in "klmnop"]
    docs = []
    for i in range(160):
        # nearly every post has "news" (common: out of the search), some share rarer tags
        tags = ["news"] if i % 9 else []
        tags += rng.sample(["events", "people", "infra", "design"], rng.randrange(3))
        docs.append(
            doc(
                f"p{i:03d}",
                " ".join(rng.choices(vocabulary, k=rng.randrange(3, 30))),
                date=rng.randrange(1000) * DAY,
                tags=tuple(tags),
                category=rng.choice(["a", "b", ""]),
                authors=tuple(rng.sample(["ada", "bo", "cy"], rng.randrange(1, 3))),
                series=f"s{i // 3}" if i % 7 == 0 else None,
            )
        )
    weights = Weights(min_score=0.05)
    index = scoring.build_index(sorted(docs, key=lambda d: d.key), weights)
    assert index.common.shape[1] >= 1  # the pruned path really ran
    chosen, _ = picks(docs, k=3, min_score=0.05)
    assert chosen == _brute_force(docs, 3, weights)


@pytest.mark.parametrize("count_rows", [1, 7, 160])
def test_counting_posts_in_chunks_makes_the_same_index(monkeypatch, count_rows):
    """build_index counts a chunk of posts at a time: any chunk size gives the same vectors."""
    rng = random.Random(11)
    # a word first met in a later chunk widens the matrix: chunks must still line up
    docs = [
        doc(f"p{i:03d}", " ".join(rng.choices([*BAKING.split(), f"w{i}", "loaves"], k=40)))
        for i in range(160)
    ]
    monkeypatch.setattr(scoring, "COUNT_ROWS", 10_000)
    whole = scoring.build_index(docs, Weights())
    monkeypatch.setattr(scoring, "COUNT_ROWS", count_rows)
    chunked = scoring.build_index(docs, Weights())
    for name in ("matrix", "search"):
        a, b = getattr(whole, name), getattr(chunked, name)
        assert (a.rows, a.width) == (b.rows, b.width)
        assert (a.indptr == b.indptr).all() and (a.indices == b.indices).all()
        assert (a.data == b.data).all()  # bit for bit: the same sums in the same order


def test_counting_holds_the_arrays_of_a_small_chunk_at_once():
    """Counting 500 posts of 600 words holds the arrays of one small chunk at a time: about
    6 MB with 500 posts to a chunk, the scorer's peak at 1,000 posts (docs/performance.md)."""
    rng = random.Random(3)
    vocabulary = [f"word{i}x" for i in range(3000)]
    docs = [doc(f"p{i:03d}", " ".join(rng.choices(vocabulary, k=600))) for i in range(500)]
    tracemalloc.start()
    try:
        scoring._counts(docs, scoring._Columns(), 600)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20  # 1.9 MB with 100 posts to a chunk, the words' table included


def test_words_read_no_further_than_text_limit():
    """doc_of keeps only text_limit(max_words) characters: words() never reads past them."""
    body = " ".join(f"word{i}" for i in range(1000))
    limit = text.text_limit(50)
    assert text.words(body, 50) == text.words(body[:limit], 50)
    assert len(text.words(body[:limit], 50)) == 50


@pytest.mark.parametrize(
    ("files", "paths", "excludes", "may"),
    [
        ([], ["posts", ""], [], False),
        (["posts/a.md"], ["posts", ""], [], False),  # one post, found twice
        (["posts/a.md", "posts/b.rst"], ["posts"], [], True),
        (["posts/a.md", "team/ada.md"], ["posts", ""], ["team"], False),
        (["posts/a.md", "team/ada.md"], ["posts", ""], [], True),
        (["posts/a.md", "posts/photo.jpg", "notes.txt"], [""], [], False),
        (["posts/a.md", "posts/old/b.md"], ["posts"], ["posts/old"], False),
        (["posts/a.md", "posts/old/b.md"], ["posts"], ["old"], True),  # relative to the root
        (["a.md", "b.md"], ["a.md"], [], False),  # a path naming one file
        (["a.md", "b.md"], ["a.md", "b.md", "missing"], [], True),
    ],
)
def test_two_posts_may_be_there(tmp_path, files, paths, excludes, may):
    # the scoring child imports NumPy and SciPy as the posts are read, unless there cannot
    # be two posts to compare; a count above Pelican's (IGNORE_FILES) only says True more often
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert pins.two_posts_may_be_there(str(tmp_path), paths, excludes, {"md", "rst"}) is may


@pytest.mark.parametrize(
    ("files", "up_to", "counted"),
    [
        ([], 5, 0),
        (["posts/a.md", "posts/b.md", "posts/c.rst"], 5, 3),
        (["posts/a.md", "posts/b.md", "posts/c.rst"], 2, 2),  # stops once it has found enough
        (["posts/a.md", "posts/old/b.md", "posts/photo.jpg"], 5, 1),  # excluded, no reader
    ],
)
def test_posts_counted_up_to(tmp_path, files, up_to, counted):
    # related posts score in the build's process below RELATED_FORK_MIN_POSTS post files
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = pins.posts_counted(str(tmp_path), ["posts"], ["posts/old"], {"md", "rst"}, up_to)
    assert found == counted


def _alike_posts(count: int) -> list[Doc]:
    """Posts of one small vocabulary: nearly every pair shares terms (a dense product)."""
    rng = random.Random(5)
    vocabulary = ["".join(rng.choices("bcdfghjklmnpqrstvwz", k=7)) for _ in range(300)]
    return [
        doc(f"p{i:04d}", " ".join(rng.choices(vocabulary, k=60)), date=i * DAY)
        for i in range(count)
    ]


@pytest.mark.parametrize("block_rows", [1, 7, 512])
def test_picks_do_not_depend_on_the_rows_multiplied_at_once(monkeypatch, block_rows):
    """Each row's sums are the same whatever the block: the same picks, the same scores."""
    docs = _alike_posts(200)
    found = scoring.related(docs, 3, Weights())[0]
    monkeypatch.setattr(scoring, "BLOCK_ROWS", block_rows)
    again = scoring.related(docs, 3, Weights())[0]
    assert found.keys() == again.keys()
    for key, chosen in found.items():
        assert [(p.key, p.score) for p in chosen] == [(p.key, p.score) for p in again[key]]


def test_the_product_holds_a_small_block_of_rows_at_once():
    """600 posts that all share terms: 512 rows of the product at once held 23 MB of pairs, the
    scorer's largest arrays (128 rows: 7 MB; at 5,000 posts 33 against 16, docs/performance.md)."""
    docs = _alike_posts(600)
    tracemalloc.start()
    try:
        scoring.related(docs, 3, Weights())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 2**20


@pytest.mark.parametrize(
    ("body", "terms"),
    [
        # Chinese and Japanese are written without spaces: a run is read as its pairs
        ("书法课程", ["书法", "法课", "课程"]),
        # punctuation ends a run; a character alone says too little to be a term
        ("学习书法，好。", ["学习", "习书", "书法"]),
        # Latin words beside them are words as before
        ("用python写书法", ["python", "写书", "书法"]),
        ("Plain English text", ["plain", "english", "text"]),
    ],
)
def test_words_read_spaceless_scripts_as_pairs(body, terms):
    assert [t for w in text.words(body, 50) if (t := text.term_of(w))] == terms


@pytest.mark.parametrize(
    ("raw", "term"),
    [
        ("书法", "书法"),
        ("書道", "書道"),
        ("すし", "すし"),
        ("书", None),  # one character: as a word of one or two letters
        ("жизнь", "жизнь"),  # letters of any script make a word
        ("βιβλίο", "βιβλίο"),
        ("кот", "кот"),
        ("я", None),
    ],
)
def test_terms_in_other_scripts(raw, term):
    assert text.term_of(raw) == term


CALLIGRAPHY = "今天我们学习书法。书法需要毛笔、墨汁和宣纸，练习书法可以静心。"
CYCLING_ZH = "周末骑自行车去郊外。自行车的链条和刹车需要保养，骑行前检查轮胎。"


def test_chinese_posts_on_one_topic_are_related_by_their_text():
    """A Chinese blog's posts were related by their tags alone: their text gave no term (the
    scorer read Latin letters only), so 'text 0.000' under every post, and a post without tags
    had no related reading at all."""
    docs = [
        doc("shufa-1", CALLIGRAPHY, lang="zh-CN"),
        doc("shufa-2", CALLIGRAPHY + "老师说书法要天天练。", lang="zh-CN"),
        doc("qiche-1", CYCLING_ZH, lang="zh-CN"),
        doc("qiche-2", CYCLING_ZH + "自行车的座椅也要调整。", lang="zh-CN"),
    ]
    chosen, _ = picks(docs)
    assert chosen["shufa-1"] == ["shufa-2"]
    assert chosen["qiche-1"] == ["qiche-2"]


def test_russian_posts_on_one_topic_are_related_by_their_text():
    bread = "закваска мука тесто духовка хлеб выпечка корочка дрожжи"
    bikes = "велосипед цепь тормоза колёса седло педали руль шины"
    docs = [
        doc("bread-1", bread, lang="ru"),
        doc("bread-2", bread + " рожь", lang="ru"),
        doc("bike-1", bikes, lang="ru"),
        doc("bike-2", bikes + " звонок", lang="ru"),
    ]
    chosen, _ = picks(docs)
    assert chosen["bread-1"] == ["bread-2"]
    assert chosen["bike-1"] == ["bike-2"]
