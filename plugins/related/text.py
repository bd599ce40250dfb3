"""Turning post HTML into weighted terms: plain text, tokens, stop words, a light stemmer."""

import functools
import html
import re

# Over sanitised post HTML, only for its words: 0.025 ms a post, against 2.7 ms with
# beautifulsoup4 (docs/performance.md); a misread tag costs a term, not safety.
_PRE = re.compile(r"<(pre|script|style)\b.*?</\1>", re.S | re.I)
# a tag, a quoted value whole: docutils' raw HTML keeps a value's '>' as written (title="a >
# b"), which ended the tag there and left 'b">' as words (blogcore's readers write &gt;)
_TAG = re.compile(r"""<(?:"[^"]*+"|'[^']*+'|[^"'>])++>|<[^>]+>""")
# a word: three letters or more, of any script (Cyrillic, Greek, Arabic... had no terms at all,
# so a Russian blog's posts were related by their tags alone)
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-]){2,}")
# Chinese and Japanese are written without spaces, so a run of their characters (kana, Han) is
# read as its overlapping pairs (书法课程: 书法, 法课, 课程), as search engines without a
# dictionary read them; a character alone says as little as a word of one letter. Such text
# had no terms: every Chinese post scored 'text 0.000', related by its tags alone.
_SPACELESS_CHARACTER = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_LOOKED_AT = 400  # characters of a text looked through for them


@functools.cache
def _spaceless() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a run of those characters, one, a pair) compiled when a text not in ASCII first needs
    them (10-15 ms for the three: their wide ranges); an ASCII text holds none."""
    one = _SPACELESS_CHARACTER
    return re.compile(f"{one}+"), re.compile(one), re.compile(f"{one}{{2}}")


# Common English and French function words: they say nothing about a post's topic.
# (Kept as text, one long string split once: far easier to read and extend than a literal.)
_STOP_TEXT = """
    a about above after again against all almost also although always am among an and another
    any anyone anything are around as at away back be became because become been before being
    below best better between both but by came can cannot could did didn't do does doesn't doing
    don't done down during each either else enough even ever every few first for from further
    get gets getting give given go goes going gone got had has have having he her here hers
    herself him himself his how however i i'm if in into is isn't it it's its itself just keep
    last later least less let like made make makes making many may me might more most much must
    my myself need never new next no nor not nothing now of off often old on once one only or
    other others our ours ourselves out over own part per put quite rather really right said
    same say says see seem seemed seems several she should since so some something sometimes
    still such take taken than that that's the their theirs them themselves then there there's
    these they they're thing things think this those though three through thus to today too
    took toward two under until up upon us use used uses using very via want was wasn't way we
    we'd we'll we're we've well went were what what's when where whether which while who whole
    whom whose why will with within without won't would yes yet you you'd you'll you're you've
    your yours yourself also across already else each every instead onto whatever whenever
    week weeks year years time times day days month months lot lots kind kinds bit still
    au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur mais nous
    ou par pas plus pour qu que qui sa se ses son sont sur un une vous était être
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def plain_text(html_text: str) -> str:
    """Visible prose of rendered HTML: code blocks and markup dropped, entities decoded."""
    without_code = _PRE.sub(" ", html_text or "")
    return html.unescape(_TAG.sub(" ", without_code))


def stem(word: str) -> str:
    """A deliberately light stemmer: plural and possessive endings only."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_PUNCTUATION = ".,;:!?()[]{}<>\"'`*_~«»“”‘’…—–/|#=+"


def words(text: str, max_words: int) -> list[str]:
    """The raw lower-case words of the first ``max_words`` words of a text (in Chinese and
    Japanese, each pair of characters is one, as ``_pieces`` reads them).

    Splitting on white space runs in C; punctuation is cleaned later, once per distinct word
    (term_of), rather than once per occurrence.
    """
    head = text[: text_limit(max_words)].lower()
    # nearly every post: none of those characters in its title (written twice first) and
    # first sentences (looking through the whole text took longer than splitting it)
    if head.isascii() or not _spaceless()[1].search(head, 0, _LOOKED_AT):
        return head.split()[:max_words]
    run = _spaceless()[0]
    found: list[str] = []
    for raw in head.split():
        found.extend(_pieces(raw) if run.search(raw) else (raw,))
        if len(found) >= max_words:
            break
    return found[:max_words]


def _pieces(raw: str) -> list[str]:
    """A raw word holding Chinese or Japanese: its other parts, and each run's pairs."""
    pieces = []
    start = 0
    for run in _spaceless()[0].finditer(raw):
        if run.start() > start:
            pieces.append(raw[start : run.start()])
        chars = run.group()
        pieces.extend(chars[i : i + 2] for i in range(len(chars) - 1))
        start = run.end()
    if start < len(raw):
        pieces.append(raw[start:])
    return pieces


def text_limit(max_words: int) -> int:
    """How many characters of a text ``words`` reads for ``max_words`` words."""
    # words and their spaces average under 8 characters: no need to look further
    return max_words * 8


def term_of(raw: str) -> str | None:
    """The index term for a raw word: its stem, or None (stop word, number, URL, symbol)."""
    word = raw.strip(_PUNCTUATION)
    if not word.isascii() and _spaceless()[2].fullmatch(word):
        return word
    if word in STOP_WORDS or not _TOKEN.fullmatch(word):
        return None
    return stem(word)
