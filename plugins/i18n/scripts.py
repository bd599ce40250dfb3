"""The script a post's text is written in, against its language: pure logic.

An adopted blog's posts in Persian or Chinese carried no ``Lang:`` (the old site's
``DEFAULT_LANG`` said it): they were published as English, left to right, spoken with an
English voice and indexed for search as English, and nothing said so. A post whose text is
nearly all in a script its language is not written in (Arabic letters in a post marked
``en``, Latin letters in one marked ``fa``) is named, with the language code its letters
suggest; Chinese, Japanese and Korean characters against Latin letters are counted one a
character against one a word (``MOSTLY``). A sample of the text is read (its first few
thousand characters, code left out): a quotation in another script among the post's own
words is no mistake, and says nothing.

Languages written in the same letters are told apart by their commonest words: a French post
without ``Lang:`` on an English site (``le``, ``les``, ``est``, ``une`` where English has
``the``, ``and``, ``is``) went out as English, dated in English, with English words around it,
and nothing said so; a post whose language has no list here is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from babel.core import Locale, UnknownLocaleError, get_global

from plugins.engine import keysyntax

# characters of a body's text read (its text, not its HTML: a Chinese post's pictures, cut
# off at 2000 characters of HTML inside an <img>, were read as Latin words by their srcset
# URLs, and more posts so in a publish, whose pictures have more renditions)
SAMPLE = 1500
ENOUGH = 20  # letters needed to say anything (a title alone, a caption: too few)
NEARLY_ALL = 0.8  # the share of letters in other scripts than the language's
# Chinese, Japanese and Korean write a syllable in one character where Latin letters take
# several: a Chinese post naming its tools in English (Python, Stack Overflow) was a third to
# two thirds Chinese characters by letters, and went out as English with nothing said. Against
# a language written in Latin letters, they are counted one a character, each Latin word one
MOSTLY = 0.6  # the share of those characters among such characters and Latin words
_SYLLABIC = ("Hani", "Kana", "Hang")
# the letters of each script (ISO 15924), by their Unicode blocks: counted by the regular
# expression engine, which removes the rest (a loop in Python over the characters, or finding
# each letter, took a millisecond a post: seconds for a blog of thousands)
_RANGES = {
    "Latn": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "Arab": "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdfb\ufe70-\ufefc",
    "Hebr": "\u05d0-\u05f2\ufb1d-\ufb4f",
    "Hani": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
    "Kana": "\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d",
    "Hang": "\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e",
    "Cyrl": "\u0400-\u0481\u048a-\u052f",
    "Grek": "\u0386-\u03ff\u1f00-\u1ffc",
    "Deva": "\u0904-\u0939\u0958-\u0961\u0972-\u097f",
    "Thai": "\u0e01-\u0e30\u0e32-\u0e33\u0e40-\u0e46",
}


@cache
def _letters() -> dict[str, re.Pattern[str]]:
    """For each script, all but its letters, in runs: what is left counts. (Compiled when first
    needed: a post in a Latin-script language, nearly every one, never needs them; compiling
    the wide ranges takes milliseconds of every build's start.)"""
    return {script: re.compile(f"[^{ranges}]+") for script, ranges in _RANGES.items()}


@cache
def _han() -> re.Pattern[str]:
    """A Chinese character (compiled when first needed, as ``_letters``)."""
    return re.compile(f"[{_RANGES['Hani']}]")


def has_han(text: str) -> bool:
    """Whether ``text`` has a Chinese character (a Japanese kanji too)."""
    return not text.isascii() and _han().search(text) is not None


_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
# how a line names each script
NAMES = {
    "Latn": "Latin script",
    "Arab": "Arabic script",
    "Hebr": "Hebrew script",
    "Hani": "Chinese characters",
    "Kana": "Japanese kana and kanji",
    "Hang": "Korean Hangul",
    "Cyrl": "Cyrillic script",
    "Grek": "Greek script",
    "Deva": "Devanagari script",
    "Thai": "Thai script",
}
# the scripts a language's text is in, by the script Babel's likely subtags give it
_WRITTEN_IN = {
    "Hans": {"Hani"},
    "Hant": {"Hani"},
    "Jpan": {"Hani", "Kana"},
    "Kore": {"Hang", "Hani"},
}
# languages written in more than one script (Serbian in Cyrillic and Latin): never named
_SEVERAL = frozenset({"sr", "bs", "uz", "az", "kk", "ky", "ku", "mn", "pa", "sd", "tg", "tk", "ug"})
# letters only some languages of a script have, to suggest a code
_URDU = set("ٹڈڑںے")
_PERSIAN = set("پچژگکی")
_UKRAINIAN = set("іїєґІЇЄҐ")
# the commonest short words of languages written in Latin letters (a word two languages share
# counts for both); a text is told to be in one when many of its words are that language's
# and few are its own language's
_COMMON = {
    "en": "the and of to is that with for this are was you have not but from they it",
    "fr": "le les des est une dans pour pas qui sur avec sont nous vous cette du au et",
    "de": "der die und das ist nicht mit ein eine auf sich den dem auch für wir ich",
    "es": "el los las que por para una con es del se como más pero está y",
    "pt": "o os que não uma com para do da dos das em se mais é também são",
    "it": "il che di gli della per una sono non con anche questo è nel delle",
    "nl": "de het een en van niet dat zijn op voor met ook wordt bij naar",
    "sv": "och att det som är för på inte med har av till jag den ett",
    "da": "og at det er ikke til på med af som har for jeg den et",
    "nb": "og det er ikke til på med som har for jeg av en å",
    "pl": "nie się jest na że do to jak ale w z są czy",
    "cs": "je se na že to ve jsou pro jak ale by jsem také není",
    "fi": "ja on ei että se oli mutta kun tai ovat myös joka",
    "tr": "ve bir bu için ile da de çok daha olarak gibi ama",
    "id": "yang dan di ini itu dengan untuk dari tidak dalam akan ada",
    "ro": "și în este care cu pe nu mai sunt pentru sau din",
}
_SETS = {code: frozenset(words.split()) for code, words in _COMMON.items()}
# Danish and Norwegian Bokmål share nearly all those words; everyday words they spell apart
# (af/av, hvad/hva, nogle/noen, efter/etter, mig/meg, meget/mye, havde/hadde, the infinitive's
# at/å...) tell them apart (Bokmål's "mer" is here, not Danish "mere": Bokmål long allowed
# that form too)
_TWIN_WORDS = {
    "da": "af hvad nogle noget nogen efter derefter mig dig sig meget nu blev bliver blive "
    "ud op uden mellem lidt gennem igen endnu altid vores jer måske havde fik gik sagde "
    "sidste næste tilbage anden andet arbejde arbejder bruger bruge tager giver gøre gør "
    "hvornår rigtig imod tænker læse spørgsmål uge hende",
    "nb": "av hva noen noe etter deretter meg deg seg mye mer nå ble blir bli ut opp uten "
    "mellom litt gjennom igjen ennå alltid vår vårt våre dere kanskje hadde fikk gikk "
    "siste neste tilbake annen annet arbeid arbeider bruker bruke tar gir gjøre gjør "
    "riktig mot tenker lese spørsmål uke henne å",
}
_TWINS = {code: frozenset(words.split()) for code, words in _TWIN_WORDS.items()}
_ALIASES = {"no": "nb"}  # Norwegian as a whole: Bokmål's words (Nynorsk, nn, has no list)
TWINS_ENOUGH = 2  # words of one twin's own spelling needed to tell it from the other
WORD_SAMPLE = 600  # characters of the sample read for its words (about 100 words)
WORDS_ENOUGH = 30  # words needed to say anything
FOUND_ENOUGH = 5  # of a language's common words, found in the sample, to name it
_LONGEST = max(len(common) for common in _SETS.values())
_CODE = re.compile(r"<(pre|code|script|style)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
# a quoted value is the tag's, '>' and all, as in related.text (docutils' raw HTML writes one);
# a tag the cut leaves open is the tag's to the end
_TAG = re.compile(
    r"""<[^"'>]*+(?:(?:"[^"]*+"|'[^']*+')[^"'>]*+)*+(?:>|(?:"[^"]*+|'[^']*+)?\Z)|<[^>]*>"""
)
# what text holds that is no word of its language: an entity's name (&nbsp;) and an address
# (a link whose text is its URL, a pasted path to a picture)
_NOT_WORDS = re.compile(r"&#?\w+;|[\w+.-]*://\S*|\bwww\.\S*")


@dataclass(frozen=True)
class Mismatch:
    """A text in ``script`` (ISO 15924) while its language ``lang`` is written otherwise;
    ``suggested``: the code its letters suggest ("" for Latin: any of many)."""

    script: str
    lang: str
    suggested: str
    by_words: bool = False  # told by its commonest words: a language of the same letters

    @property
    def name(self) -> str:
        return language_name(self.suggested) if self.by_words else NAMES[self.script]


def language_name(code: str) -> str:
    """A language's English name (fr: French), or its code when Babel does not know it."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def sample(title: str, html: str) -> str:
    """The words of a post to read: its title and the first SAMPLE characters of its body's
    text, without code, tags (a tag's name and attributes are Latin whatever the text),
    entities or addresses: the same words whatever the HTML around them."""
    end = 2 * SAMPLE  # nearly every post's first SAMPLE characters of text are in it
    while True:
        # spaces run together: a publish's <picture> leaves more of them than an <img>
        text = " ".join(_TAG.sub(" ", _CODE.sub(" ", html[:end])).split())
        if len(text) > SAMPLE or end >= len(html):
            break
        end = len(html)  # pictures, links, tables: more HTML than text
    text = text[:SAMPLE]
    if "&" in text or "://" in text or "www." in text:
        text = _NOT_WORDS.sub(" ", text)
    return f"{title} {text}"


@cache
def written_in(lang: str) -> frozenset[str] | None:
    """The scripts a language's text is in ("fa": Arabic; "ja": kanji and kana), from
    Babel's likely subtags; None for one of several scripts or that Babel does not know."""
    code = lang.replace("-", "_")
    base = code.split("_")[0].lower()
    if base in _SEVERAL:
        return None
    likely = get_global("likely_subtags")
    full = likely.get(code) or likely.get(base)
    if not full:
        return None
    parts = full.split("_")
    script = next((p for p in parts[1:] if len(p) == 4 and p.istitle()), None)
    if script is None:
        return None
    return frozenset(_WRITTEN_IN.get(script, {script}))


def mismatch(text: str, lang: str) -> Mismatch | None:
    """What is wrong when ``text`` is nearly all in scripts ``lang`` is not written in;
    None when nothing is (or too little is known to say)."""
    own = written_in(lang)
    if own is None:
        return None
    if not _plainly_own(text, own):
        found = _by_script(text, lang, own)
        if found is not None or "Latn" not in own:
            return found
    if "Latn" in own:  # nearly every post: its commonest words are its language's
        said = word_language(text, lang)
        return Mismatch("Latn", lang, said, by_words=True) if said else None
    return None


def _by_script(text: str, lang: str, own: frozenset[str]) -> Mismatch | None:
    """The mismatch of a text whose letters are nearly all in scripts its language is not
    written in (or, against Latin letters, mostly Chinese, Japanese or Korean characters)."""
    counts = {script: len(others.sub("", text)) for script, others in _letters().items()}
    letters = sum(counts.values())
    other = {script: n for script, n in counts.items() if script not in own}
    if letters < ENOUGH:
        return None
    if sum(other.values()) < NEARLY_ALL * letters:
        syllabic = sum(other.get(script, 0) for script in _SYLLABIC)
        if "Latn" not in own or not syllabic:
            return None
        units = letters - counts["Latn"] + len(_latin_words().findall(text))
        if syllabic < MOSTLY * units:
            return None
        other = {script: other.get(script, 0) for script in _SYLLABIC}
    script = max(other, key=lambda s: other[s])
    if counts.get("Kana", 0) >= 0.05 * letters and script in ("Hani", "Kana"):
        script = "Kana"  # Japanese: kanji among kana
    return Mismatch(script, lang, _suggested(script, text))


@cache
def _latin_words() -> re.Pattern[str]:
    """A run of Latin letters: a word, against characters that are a syllable each."""
    return re.compile(f"[{_RANGES['Latn']}]+")


def _plainly_own(text: str, own: frozenset[str]) -> bool:
    """Whether too few of the text's letters can be in other scripts for it to be nearly all
    in them: ASCII letters are Latin, and only characters outside ASCII can be others'."""
    plain = text.encode("ascii", "ignore")
    ascii_letters = len(plain.translate(None, _NOT_LETTERS))
    beyond = len(text) - len(plain)  # an upper bound of the other scripts' letters
    if "Latn" in own:
        # others under 80% of the letters, and too few to be most of the words if they were
        # Chinese characters (a word is rarely longer than ten letters)
        return beyond < 4 * ascii_letters and beyond * 10 < ascii_letters
    letters = _letters()
    mine = sum(len(letters[script].sub("", text)) for script in own)
    return ascii_letters + beyond - mine < 4 * mine


def _suggested(script: str, text: str) -> str:
    """The language code a text's letters suggest for its script."""
    letters = set(text)
    if script == "Arab":
        return "ur" if letters & _URDU else "fa" if letters & _PERSIAN else "ar"
    if script == "Cyrl":
        return "uk" if letters & _UKRAINIAN else "ru"
    if script == "Latn":
        return word_language(text, "") or ""
    codes = {"Hebr": "he", "Hani": "zh", "Kana": "ja", "Hang": "ko", "Grek": "el"}
    return codes.get(script) or {"Deva": "hi", "Thai": "th"}.get(script, "")


def word_language(text: str, lang: str) -> str | None:
    """The language of ``text`` told by its commonest words, when it is plainly another than
    ``lang`` (its code; "" for any); None when it is ``lang``'s, or too little is known."""
    base = lang.replace("_", "-").split("-")[0].lower()
    base = _ALIASES.get(base, base)
    if base and base not in _SETS:
        return None  # no list of its words: nothing to weigh the others against
    # which of each language's common words the sample has (not how often: a set's
    # intersections are a few microseconds a post, counting each word ten times that)
    words = text[:WORD_SAMPLE].lower().split()
    if len(words) < WORDS_ENOUGH:
        return None
    present = set(words)
    own = len(present & _SETS[base]) if base else 0
    if 3 * own > _LONGEST and base not in _TWINS:
        return None  # nearly every post: plainly its own language's, no other weighed
    found = sorted(((len(present & common), code) for code, common in _SETS.items()), reverse=True)
    (most, best), (next_most, second) = found[:2]
    if most < FOUND_ENOUGH:
        return None
    if best in _TWINS and second in _TWINS and (base in _TWINS or most >= 3 * own):
        # Danish or Norwegian (on a site in either too): by the words they spell apart
        twin = _twin(present)
        return twin if twin != base else None
    if best == base or most < 3 * own:
        return None  # too few, or its own words are there too (a quotation, two languages)
    if next_most >= 0.8 * most and second != base:
        return None  # two languages these words do not tell apart
    return best


def _twin(present: set[str]) -> str | None:
    """Danish or Norwegian Bokmål, by the words they spell apart: one has at least
    TWINS_ENOUGH and three times the other's; None when the words do not say."""
    danish, norwegian = (len(present & _TWINS[code]) for code in ("da", "nb"))
    if danish >= TWINS_ENOUGH and danish >= 3 * norwegian:
        return "da"
    if norwegian >= TWINS_ENOUGH and norwegian >= 3 * danish:
        return "nb"
    return None


SHOWN = 4  # the files of one folder named each in a line of their own; more: one line


def lines(
    found: list[tuple[str, Mismatch, bool]], unmarked: int = 0, pages: Collection[str] = ()
) -> list[str]:
    """One line per file (``(file as staff know it, mismatch, whether its Lang: is
    written)``), or one per folder for more than SHOWN alike files of it (an adopted blog's
    105 Chinese posts: set DEFAULT_LANG); one for the site when they are most of its
    ``unmarked`` posts and pages (those without a Lang: line; 0: not known), whatever their
    folders. ``pages``: the files that are pages, called so (content/pages/contact.md was
    "the post"). The Lang to write is written as each file writes its keys (keysyntax: a
    ``Shown`` path knows a +++ post's TOML)."""
    site, found = _most(found, unmarked)
    groups: dict[tuple[str, Mismatch, bool], list[str]] = {}
    for source, wrong, written in found:
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        groups.setdefault((folder, wrong, written), []).append(source)
    said = []
    for (folder, wrong, written), sources in groups.items():
        code = wrong.suggested or "the code of its language"
        if written:
            which = "" if wrong.by_words else ", which is not written in it"
            said += [
                f"{source}: the text is in {wrong.name}, but its Lang: is {wrong.lang}{which}: "
                f"correct it ({_lang(source, code)})"
                for source in sources
            ]
        elif len(sources) <= SHOWN:
            said += [
                f"{source}: the text is in {wrong.name}, but the "
                f"{'page' if source in pages else 'post'} is marked {wrong.lang} "
                f"(DEFAULT_LANG): its page is read and searched as {wrong.lang}; add "
                f"{_lang(source, code)}, or set DEFAULT_LANG in pelicanconf.py if most posts are "
                "in it"
                for source in sources
            ]
        else:
            names = sorted(source.rsplit("/", 1)[-1] for source in sources)
            listed = ", ".join(names[:3]) + f" and {len(names) - 3} more"
            setting = f"DEFAULT_LANG = {code!r}" if wrong.suggested else "DEFAULT_LANG"
            kind = "pages" if all(source in pages for source in sources) else "posts"
            said.append(
                f"{folder}/: {len(sources)} {kind} ({listed}) are in {wrong.name}, but marked "
                f"{wrong.lang} (DEFAULT_LANG): their pages are read and searched as "
                f"{wrong.lang}; set {setting} in pelicanconf.py if most posts are in it, else "
                f"add {keysyntax.key_in_files('Lang', sources, code)} to each"
            )
    return site + said


def _lang(source: str, code: str) -> str:
    """The Lang to write, as the file at ``source`` writes its keys (``:lang: fr`` in .rst, a
    <meta> tag in .html, ``lang = "fr"`` between +++ lines: a Lang: line there is text)."""
    return keysyntax.key_as_written("Lang", keysyntax.syntax_of(source), code)


def _most(
    found: list[tuple[str, Mismatch, bool]], unmarked: int
) -> tuple[list[str], list[tuple[str, Mismatch, bool]]]:
    """The site's line when more than half its ``unmarked`` posts and pages are in one other
    language (an old Chinese blog's 48 of 58, said in 16 lines of its year folders: its
    DEFAULT_LANG is what is wrong), and the files the other lines are about."""
    kinds: dict[Mismatch, list[str]] = {}
    for source, wrong, written in found:
        if not written and wrong.suggested:
            kinds.setdefault(wrong, []).append(source)
    wrong, sources = max(kinds.items(), key=lambda kind: len(kind[1]), default=(None, []))
    if wrong is None or not unmarked or 2 * len(sources) <= unmarked:
        return [], found
    names = sorted(sources)
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    line = (
        # "of" the files without a Lang: line: "2 of 2" on a site of 11 read as a miscount
        f"pelicanconf.py: most of the site's posts and pages without a Lang: line "
        f"({len(sources)} of {unmarked}: "
        f"{listed}) are in {wrong.name}, but the site is marked {wrong.lang} (DEFAULT_LANG): "
        f"their pages are read and searched as {wrong.lang}; set DEFAULT_LANG = "
        f"{wrong.suggested!r} in pelicanconf.py (the next build names the posts in other "
        "languages, to mark each with its Lang:)"
    )
    return [line], [entry for entry in found if entry[1] != wrong or entry[2]]
