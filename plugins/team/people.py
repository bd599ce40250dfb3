"""Team members from their files: validation, the name index, links, short bios and JSON-LD.

Pure logic: plain values in, plain values out; never imports Pelican.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from plugins.engine import keysyntax

# Every key a team file may use (Pelican lowercases them), in the order the docs list them.
KEYS = (
    "name",
    "role",
    "photo",
    "pronouns",
    "email",
    "website",
    "mastodon",
    "bluesky",
    "linkedin",
    "github",
    "twitter",
    "alumni",
    "aliases",
    "lang",
    "status",
)
# Status of a team file: published (the default), hidden (a profile, listed nowhere), draft
# (nothing published: no profile, not on the team page, no feed)
STATUSES = ("published", "hidden", "draft")
# keys writers give for someone who has left, for which a team file says Alumni: true
FORMER_KEYS = frozenset(
    {"left", "former", "leaver", "departed", "alumnus", "alumna", "past", "ex", "retired"}
)
# Web profiles, in the order they are shown: (key, label, an example value for messages).
PROFILES = (
    ("website", "Website", "https://maya.example"),
    ("mastodon", "Mastodon", "https://mastodon.social/@maya"),
    ("bluesky", "Bluesky", "https://bsky.app/profile/maya.bsky.social"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/maya"),
    ("github", "GitHub", "https://github.com/maya"),
    ("twitter", "Twitter", "https://twitter.com/maya"),
)
PROFILE_REL = "me noopener"  # rel=me: "this profile is the same person" (IndieWeb, Mastodon)
_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off", ""})
_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:.]+$")
# Persian and Arabic spellings of one letter (keyboards differ): Arabic yeh and alef maksura are
# Persian yeh, Arabic kaf is Persian keheh; the tatweel (a stretching stroke) is no letter
_ARABIC_VARIANTS = str.maketrans(
    {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0640": None}
)
# Marks dropped from names: accents on Latin and Greek letters (é -> e, ά -> α) and Arabic or
# Persian vowel signs, hamza and madda (optional in writing); other scripts' marks stay
_FOLDED_MARKS_AFTER = ("LATIN", "GREEK", "ARABIC")
# Spaces between two letters of scripts whose names are written with or without one
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SPACE_IN_CJK = f"(?<=[{_CJK}]) +(?=[{_CJK}])"
# Separators between names in other scripts that Pelican's Authors: does not split at
LIST_SEPARATORS = "\u060c\u061b\uff0c\u3001\uff1b"  # ، ؛ ， 、 ；


class Link(NamedTuple):
    """A way to reach a person: ``label`` to show, ``url``, ``rel`` for the profile page."""

    label: str
    url: str
    rel: str
    kind: str  # the team-file key: website, mastodon, ..., email


@dataclass(frozen=True)
class Problem:
    """Something wrong in a team file or a post, for the build log."""

    source: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


@dataclass(frozen=True)
class Person:
    """One team member, as their file describes them."""

    slug: str
    name: str
    source: str
    role: str = ""
    pronouns: str = ""
    photo: str | None = None  # path within the content folder
    email: str = ""
    links: tuple[Link, ...] = ()  # web profiles, then email
    alumni: bool = False
    aliases: tuple[str, ...] = ()
    bio_html: str = ""
    short_bio: str = ""
    lang: str = ""  # the language the role and bio are written in ("": the site's)
    status: str = "published"  # or hidden, draft (STATUSES)
    role_lang: str = ""  # the role's, where it differs (a translation without Role): else lang


def display_key(key: str) -> str:
    """A key as staff write it: 'linkedin' -> 'Linkedin'."""
    return key[:1].upper() + key[1:]


def normalise(name: str) -> str:
    """The form names are matched in: 'Théo  Marchand', 'theo-marchand' -> 'theo-marchand'.

    Letters of every script are kept ('Иван Петров' -> 'иван-петров', '黄俊' -> '黄俊'), so two
    names differ here whenever their letters do; case is folded (NFKC, casefold), accents on
    Latin and Greek letters and Arabic/Persian vowel signs are dropped, and any run of other
    characters is one hyphen (none between Chinese, Japanese or Korean letters). A name of no
    letters or digits keeps its characters ('😀').
    """
    text = unicodedata.normalize("NFKC", name).casefold().translate(_ARABIC_VARIANTS)
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", text):
        if not _is_mark(char):
            base = char
        elif base and unicodedata.name(base, "").startswith(_FOLDED_MARKS_AFTER):
            continue  # an accent on a Latin letter, a vowel sign on an Arabic one
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))
    words = "".join(c if c.isalnum() or _is_mark(c) else " " for c in text)
    # '山田 太郎' is '山田太郎': a space between Chinese, Japanese or Korean letters is optional
    if not words.isascii():
        words = _space_in_cjk().sub("", words)
    return "-".join(words.split()) or " ".join(text.split())


@functools.cache
def _space_in_cjk() -> re.Pattern[str]:
    """``_SPACE_IN_CJK`` compiled when a name not in ASCII first needs it (2-3 ms: its ranges)."""
    return re.compile(_SPACE_IN_CJK)


def _is_mark(char: str) -> bool:
    """True for a combining mark (an accent, a vowel sign): part of the letter before it."""
    return unicodedata.category(char).startswith("M")


def list_separator(name: str) -> str:
    """The first separator of another script in ``name`` ('،' in 'Vahid، Sina'), or ''."""
    return next((c for c in name if c in LIST_SEPARATORS), "")


def free_slugs(wanted: Mapping[str, str], taken: Iterable[str]) -> dict[str, str]:
    """Give each key (a normalised name) its wanted slug, or the slug with -2, -3... when it is
    taken: by ``taken`` (the team's file names) or by a key sorting before it. Two different
    names with one transliteration ('黄俊', '皇俊': huang-jun) never share a profile."""
    used = set(taken)
    given: dict[str, str] = {}
    for key in sorted(wanted):
        base = wanted[key] or key
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        given[key] = slug
    return given


def _text(value: Any) -> str:
    """A metadata value as one line of text (Markdown gives a list for continued lines)."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v).strip() for v in value)
    return "" if value is None else str(value).strip()


def is_web_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host name."""
    if any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost")


def suggest_url(key: str, value: str) -> str | None:
    """The URL a handle most likely stands for: '@maya@social.coop' -> https://social.coop/@maya."""
    value = value.strip()
    bare = value.lstrip("@")
    if not bare or any(c.isspace() for c in bare):
        return None
    if "://" not in value and "." in bare.split("/")[0] and key == "website":
        return f"https://{bare}"
    if key == "mastodon" and bare.count("@") == 1:
        user, host = bare.split("@")
        return f"https://{host}/@{user}" if user and "." in host else None
    if "/" in bare or "@" in bare or ":" in bare:
        return None
    if key == "bluesky":
        handle = bare if "." in bare else f"{bare}.bsky.social"
        return f"https://bsky.app/profile/{handle}"
    if key == "github":
        return f"https://github.com/{bare}"
    if key == "twitter":
        return f"https://twitter.com/{bare}"
    if key == "linkedin":
        return f"https://www.linkedin.com/in/{bare}"
    return None


def clean_photo_path(value: str) -> str:
    """A Photo value as a path within content/: '{static}/team/photos/a.jpg' -> 'team/...'."""
    for prefix in ("{static}", "{attach}", "|static|", "|attach|"):
        if value.startswith(prefix):
            value = value[len(prefix) :]
    return value.strip().lstrip("/")


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.done = False
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = self.done or not self.depth

    def handle_data(self, data: str) -> None:
        if self.depth and not self.done:
            self.chunks.append(data)


def first_paragraph(html: str) -> str:
    """The text of the first paragraph of rendered Markdown, on one line."""
    parser = _FirstParagraph()
    parser.feed(html or "")
    parser.close()
    return " ".join("".join(parser.chunks).split())


def unknown_key(source: str, key: str, known: Sequence[str], otherwise: str = "") -> Problem:
    """The warning for a key a team file does not use: a did-you-mean among ``known``, else
    ``otherwise`` (what the file may give)."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
    hint = f" (did you mean {display_key(close[0])}?)" if close else otherwise
    if key in FORMER_KEYS and "alumni" in known:
        hint = " (someone who has left says Alumni: true, and is listed apart on the team page)"
    return Problem(source, f"unknown key {display_key(key)!r} is ignored{hint}", error=False)


def parse_person(
    slug: str,
    source: str,
    metadata: Mapping[str, Any],
    bio_html: str,
    photo_exists: Callable[[str], bool],
    photo_refused: Callable[[str], str | None] = lambda path: None,
    name_refused: Callable[[str], str] = lambda name: "",
) -> tuple[Person | None, list[Problem]]:
    """Check one team file's metadata; return the person (None without a Name) and problems.

    ``photo_refused`` says why a Photo that is there may not be published (a link out of the
    content folder), before ``photo_exists`` is asked; ``name_refused`` why a Name may not be
    shown ("": it may), a Name it refuses being as none.

    A bad value is left out (the person keeps everything else) and reported as an error,
    naming the file and the key.
    """
    problems: list[Problem] = []

    def error(message: str) -> None:
        problems.append(Problem(source, message))

    for key in metadata:
        if key not in KEYS:
            problems.append(unknown_key(source, key, KEYS))
    name = _text(metadata.get("name"))
    if not name:
        error(
            "Name is required: the person's name as their posts give it, e.g. 'Name: Maya Okafor'"
        )
        return None, problems
    if refused := name_refused(name):  # 'Name: —': a byline and a profile of a dash
        error(refused)
        return None, problems

    photo = None
    raw_photo = _text(metadata.get("photo"))
    if raw_photo:
        photo = clean_photo_path(raw_photo)
        if refused := photo_refused(photo):
            error(f"Photo {raw_photo!r}: {refused}; showing initials instead")
            photo = None
        elif not photo_exists(photo):
            error(
                f"Photo {raw_photo!r} does not exist (the path is within the content folder, "
                f"e.g. team/photos/{slug}.jpg); showing initials instead"
            )
            photo = None

    email = _text(metadata.get("email"))
    email = email.removeprefix("mailto:")
    if email and not _EMAIL.match(email):
        error(f"Email must be an address like maya@example.org, got {email!r}")
        email = ""

    links: list[Link] = []
    for key, label, example in PROFILES:
        value = _text(metadata.get(key))
        if not value:
            continue
        if not is_web_url(value):
            fixed = suggest_url(key, value)
            hint = f" (did you mean {fixed}?)" if fixed else ""
            error(f"{display_key(key)} must be a URL like {example}, got {value!r}{hint}")
            continue
        shown = urlsplit(value).hostname.removeprefix("www.") if key == "website" else label
        links.append(Link(shown, value, PROFILE_REL, key))
    if email:
        links.append(Link(email, f"mailto:{email}", "", "email"))

    status = _text(metadata.get("status")).lower() or "published"
    if status not in STATUSES:
        error(
            f"Status must be one of {', '.join(STATUSES)} in a team file, got "
            f"{_text(metadata.get('status'))!r}; the person is kept out as a draft"
        )
        status = "draft"

    alumni_text = _text(metadata.get("alumni")).lower()
    alumni = alumni_text in _TRUE
    if alumni_text not in _TRUE | _FALSE:
        error(f"Alumni must be true or false, got {_text(metadata.get('alumni'))!r}")

    written = _text(metadata.get("aliases"))
    # as Pelican splits Authors: at semicolons when there are any ("Doe, J.; Jay"), which is
    # how a YAML list's item with a comma in it reaches here
    aliases = tuple(
        dict.fromkeys(
            a.strip()
            for a in written.split(";" if ";" in written else ",")
            if a.strip() and normalise(a) and normalise(a) != normalise(name)
        )
    )
    person = Person(
        slug=slug,
        name=name,
        source=source,
        role=_text(metadata.get("role")),
        pronouns=_text(metadata.get("pronouns")),
        photo=photo,
        email=email,
        links=tuple(links),
        alumni=alumni,
        aliases=aliases,
        bio_html=bio_html or "",
        short_bio=first_paragraph(bio_html),
        lang=_text(metadata.get("lang")),
        status=status,
    )
    return person, problems


@dataclass(frozen=True)
class Roster:
    """Everyone, and every way posts may name them (Name, file name, aliases), normalised."""

    people: tuple[Person, ...] = ()
    index: Mapping[str, Person] = field(default_factory=dict)

    def find(self, name: str) -> Person | None:
        """The person a post's Author value means, or None."""
        return self.index.get(normalise(name))

    def suggest(self, name: str) -> str | None:
        """The Name of the person whose name, file name or alias is closest to ``name``."""
        key = normalise(name)
        close = difflib.get_close_matches(key, list(self.index), n=1, cutoff=0.6)
        if not close:
            # a first or last name alone: "Bo" -> "Bo Lindqvist"
            words = [p for p in self.people if key and key in normalise(p.name).split("-")]
            return words[0].name if len(words) == 1 else None
        return self.index[close[0]].name


# an e-mail address in an author line, with what wraps it: old Blogger and WordPress exports
# sign 'Adam (adam@example.org)' or 'Adam <adam@example.org>'
_ADDRESS_IN_NAME = re.compile(
    r"[(<\[]?\s*(?:mailto:)?([^\s@<>()\[\]\"',;]+@[^\s@<>()\[\]\"',;]+\.[^\s@<>()\[\]\"',;.]+)"
    r"\s*[)>\]]?",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|<\s*>|\[\s*\]")


class Signature(NamedTuple):
    """An author value read as a name and the e-mail addresses written with it."""

    name: str  # 'Adam' for 'Adam (adam@example.org)'; an address alone: its local part
    addresses: tuple[str, ...] = ()  # casefolded, as written in the value
    named: bool = True  # False: the value was only an address


def signature(value: str) -> Signature:
    """'Adam Ginsburg <Adam.G@example.org>' -> ('Adam Ginsburg', ('adam.g@example.org',)).

    An address is never part of a name: a byline, a profile and the team page would publish it.
    A value that is only an address keeps its local part ('adam.g'), never the address.
    """
    found = [m.group(1) for m in _ADDRESS_IN_NAME.finditer(value)]
    if not found:
        return Signature(value)
    name = _EMPTY_BRACKETS.sub(" ", _ADDRESS_IN_NAME.sub(" ", value))
    name = " ".join(name.split()).strip(" -\u2013\u2014,;:|/()<>[]\"'")
    addresses = tuple(dict.fromkeys(a.casefold() for a in found))
    if not normalise(name):
        return Signature(found[0].split("@")[0], addresses, named=False)
    return Signature(name, addresses)


@dataclass(frozen=True)
class Signer:
    """One person, as the author values of the posts give them: every name (without its
    address) that shares an address with another whose words it is part of ('Adam' and
    'Adam Ginsburg', both with adam@example.org) is theirs."""

    name: str  # the fullest name: the most words, then the most posts
    aliases: tuple[str, ...] = ()  # the other names, most posts first
    addresses: tuple[str, ...] = ()
    # the names of others who sign more posts with one of these addresses (the account's
    # owner, when this is someone posting from it, or a nickname): maybe the same person,
    # never merged without a word
    shares: tuple[str, ...] = ()


def _words(key: str) -> frozenset[str]:
    return frozenset(key.split("-"))


def group_signers(values: Iterable[str]) -> dict[str, Signer]:
    """Each author value (one per post that gives it) -> the person it names.

    Names are grouped when they share an address and the words of each are part of the
    fullest one's ('Adam', 'Adam Ginsburg'); 'Jared' with Adam's address stays Jared
    (``shares`` says so). A value that is only an address joins the one group with that
    address, if there is one.
    """
    counts: Counter[str] = Counter(values)
    spellings: dict[str, Counter[str]] = {}
    addresses: dict[str, set[str]] = {}
    bare: set[str] = set()
    of_value: dict[str, str] = {}
    for value, n in counts.items():
        sig = signature(value)
        # an address alone is no name: its key is apart from a name spelt as its local part
        key = normalise(sig.name) if sig.named else f"@{normalise(sig.name)}"
        of_value[value] = key
        spellings.setdefault(key, Counter())[sig.name] += n
        addresses.setdefault(key, set()).update(sig.addresses)
        if not sig.named:
            bare.add(key)
    group = {key: frozenset({key}) for key in spellings}
    named = sorted(k for k in spellings if k not in bare)
    pairs = [
        (a, b)
        for i, a in enumerate(named)
        for b in named[i + 1 :]
        if addresses[a] & addresses[b] and (_words(a) <= _words(b) or _words(b) <= _words(a))
    ]
    # 'Rui' with the address of 'Rui Tavares' and of 'Rui Lopes' may be either: neither
    fuller: dict[str, set[str]] = {}
    for a, b in pairs:
        short, full = (a, b) if len(_words(a)) < len(_words(b)) else (b, a)
        fuller.setdefault(short, set()).add(full)
    unsure = {
        k
        for k, tops in fuller.items()
        if any(not (_words(x) <= _words(y) or _words(y) <= _words(x)) for x in tops for y in tops)
    }
    for a, b in pairs:
        if a in unsure or b in unsure or group[a] is group[b]:
            continue
        merged = group[a] | group[b]
        top = max(merged, key=lambda k: len(_words(k)))
        if all(_words(k) <= _words(top) for k in merged):
            for k in merged:
                group[k] = merged
    for key in sorted(bare):
        owners = {group[k] for k in named if addresses[key] & addresses[k]}
        if len(owners) == 1:
            merged = next(iter(owners)) | {key}
            for k in merged:
                group[k] = merged

    def used(key: str) -> int:
        return sum(spellings[key].values())

    def spelt(key: str) -> str:
        return spellings[key].most_common(1)[0][0]

    # a group's name: its fullest named form, then the most used; forms of an address alone
    # ('adam.g') are no alias: they name it by the address
    tops = {
        members: min(members, key=lambda k: (k in bare, -len(_words(k)), -used(k), k))
        for members in set(group.values())
    }
    owned = {members: set().union(*(addresses[k] for k in members)) for members in tops}
    signers: dict[frozenset[str], Signer] = {}
    for members, top in tops.items():
        others = sorted((k for k in members if k != top and k not in bare), key=lambda k: -used(k))
        own = owned[members]
        posts = sum(used(k) for k in members)
        shares = sorted(
            {
                spelt(t)
                for m, t in tops.items()
                if m != members and own & owned[m] and sum(used(k) for k in m) > posts
            }
        )
        signers[members] = Signer(
            spelt(top), tuple(spelt(k) for k in others), tuple(sorted(own)), tuple(shares)
        )
    return {value: signers[group[key]] for value, key in of_value.items()}


def signed_by(roster: Roster, value: str, signers: Mapping[str, Signer]) -> Person | None:
    """The team member an author value names: by the value itself, by its name without an
    e-mail address ('Adam (adam@example.org)'), or, for a value with an address, by the
    fullest name of the posts that share it ('Adam', 'Adam Ginsburg': ``group_signers``)."""
    person = roster.find(value)
    sig = signature(value)
    if person is None and sig.addresses and sig.named:
        person = roster.find(sig.name)
    signer = signers.get(value)
    if person is None and signer is not None and sig.addresses:
        person = roster.find(signer.name)
    return person


def address_dropped(
    value: str, read_as: str, posts: Sequence[str], write: str, alias_in: str = ""
) -> Problem:
    """The one line for an author value with an e-mail address in it (``posts``: every post
    giving it): the address is dropped, never published; how to write it instead."""
    shown = ", ".join(sorted(posts)[:2]) + (", ..." if len(posts) > 2 else "")
    where = "" if len(posts) == 1 else f" ({len(posts)} posts, e.g. {shown})"
    fix = f"write '{keysyntax.key_in_files('Author', list(posts), write)}'"  # :author: in .rst
    if alias_in and normalise(read_as) != normalise(write):
        fix += f", or give {alias_in} 'Aliases: {read_as}'"
    return Problem(
        sorted(posts)[0] if len(posts) == 1 else "",
        f"Author {value!r} has an e-mail address in it{where}: read as {read_as!r}, the "
        f"address left out (a byline would publish it); {fix}",
        error=False,
    )


# what joins two names in one byline that Pelican does not split at (Author: never splits)
_JOINED = re.compile(r"\s*(?:[,;&+]|\band\b|\bet\b|\bund\b)\s*", re.IGNORECASE)
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}


def named_together(roster: Roster, name: str) -> tuple[str, ...]:
    """The Names of the team members one byline value lists ('Maya Okafor, Jonas Berg',
    'Maya Okafor and Jonas Berg', 'Maya & Jonas'), when every part is one; else ()."""
    parts = [part for part in _JOINED.split(name) if part.strip()]
    if len(parts) < 2:
        return ()
    found = [roster.find(part) for part in parts]
    if any(person is None for person in found):
        return ()
    return tuple(dict.fromkeys(person.name for person in found if person is not None))


def several_people(
    post: str, key: str, name: str, together: Sequence[str], byline: Sequence[str], error: bool
) -> Problem:
    """The line for one byline value that names several team members (``together``, by
    their Names); ``byline``: every name the post should give, in order."""
    count = _NUMBERS.get(len(together), str(len(together)))
    return Problem(
        post,
        f"{display_key(key)} {name!r} names {count} people: write "
        f"'{_authors(post, ', '.join(byline))}' (names are separated by commas)",
        error,
    )


def build_roster(people: Iterable[Person]) -> tuple[Roster, list[Problem]]:
    """Index people by every name they answer to; a name claimed twice is an error.

    Names and file names are claimed first, then aliases: an alias that is someone's Name is
    the alias's mistake, whichever file comes first. Two files with the same Name: the first
    by file name keeps it. An alias two people give is neither's (one line names both files:
    the one nobody edited is not to blame, and a post signed with it is signed by no one
    rather than by whoever sorts first).
    """
    ordered = tuple(sorted(people, key=lambda p: p.slug))
    index: dict[str, Person] = {}
    problems: list[Problem] = []
    claims = [(p, k, v) for p in ordered for k, v in (("Name", p.name), ("file name", p.slug))]
    for person, key, value in claims:
        norm = normalise(value)
        owner = index.get(norm)
        if owner is None:
            index[norm] = person
        elif owner.slug != person.slug:
            problems.append(_taken(person, key, value, owner))
    aliases: dict[str, list[tuple[Person, str]]] = {}
    for person in ordered:
        for alias in person.aliases:
            claimants = aliases.setdefault(normalise(alias), [])
            if all(p.slug != person.slug for p, _ in claimants):
                claimants.append((person, alias))
    for norm, claimants in aliases.items():
        owner = index.get(norm)
        if owner is not None:  # someone's Name or file name
            problems += [_taken(p, "Aliases", a, owner) for p, a in claimants if p is not owner]
        elif len(claimants) == 1:
            index[norm] = claimants[0][0]
        else:
            files = " and ".join(p.source for p, _ in claimants)
            problems.append(
                Problem(
                    claimants[0][0].source,
                    f"Aliases {claimants[0][1]!r} is in {files}: an alias may point to one "
                    "person only, so it points to neither until one file drops it",
                )
            )
    return Roster(ordered, index), problems


def _taken(person: Person, key: str, value: str, owner: Person) -> Problem:
    return Problem(
        person.source,
        f"{key} {value!r} is already {owner.name}'s (in {owner.source}); "
        "a name, file name or alias may point to one person only",
    )


def draft_author(post: str, key: str, name: str, person: Person, error: bool) -> Problem:
    """The line for a post signed by someone whose team file is a draft (Status: draft)."""
    return Problem(
        post,
        f"{display_key(key)} {name!r} has a team file that is a draft ({person.source}, "
        "Status: draft), so no profile is published for the post's byline to link to: "
        "remove Status: draft there (or write Status: hidden, a profile that no list shows), "
        "or keep this post a draft too",
        error,
    )


def unknown_author(
    post: str,
    key: str,
    name: str,
    suggestion: str | None,
    team_folder: str,
    error: bool,
    slug: str = "",
    aliases: Sequence[str] = (),
) -> Problem:
    """The message for a post naming someone without a team file; ``slug``: the file name to
    add, the one their byline links to already (/team/<slug>/); ``aliases``: the other names
    their posts give them (``group_signers``)."""
    if suggestion:
        hint = f" (did you mean {suggestion!r}?)"
    else:
        hint = (
            f"; add {team_folder}/{slug or normalise(name) or 'name'}.md with "
            f"{_name_lines(name, aliases)}"
        )
    return Problem(
        post, f"{display_key(key)} {name!r} has no team file in {team_folder}/{hint}", error
    )


def unknown_author_summary(
    name: str,
    key: str,
    posts: Sequence[str],
    team_folder: str,
    command: str,
    error: bool,
    slug: str = "",
    aliases: Sequence[str] = (),
) -> Problem:
    """One line for someone without a team file who signs several posts (a typo is per post).

    An adopted site's author signs dozens of posts: the count and two of them, and the command
    that writes the missing team files, instead of one line per post.
    """
    if len(posts) == 1:
        return unknown_author(posts[0], key, name, None, team_folder, error, slug, aliases)
    shown = ", ".join(sorted(posts)[:2]) + (", ..." if len(posts) > 2 else "")
    return Problem(
        "",
        f"Author {name!r} has no team file in {team_folder}/ ({len(posts)} posts, e.g. {shown}); "
        f"run: {command} (or add {team_folder}/{slug or normalise(name) or 'name'}.md "
        f"with {_name_lines(name, aliases)})",
        error,
    )


# a folder where more names without a team file than this each sign a post or two of its own
# (a book review's Author: the book's) gets one line for them all, as blogcore folds a
# folder's files past its first four; each name had a line of its own, 22 for one folder
MANY_OUTSIDERS = 4
FEW_POSTS = 2  # the posts a name signs there at most: one who signs more is a writer


def outsiders_by_folder(posts: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The names (``posts``: name -> the posts that give it) to say in one line for their
    folder, by folder: those signing a few posts, all in one folder, where more than
    ``MANY_OUTSIDERS`` such names do; the others keep their own lines."""
    by_folder: dict[str, list[str]] = {}
    for name, given in posts.items():
        folders = {posixpath.dirname(post) for post in given}
        if len(given) <= FEW_POSTS and len(folders) == 1:
            by_folder.setdefault(folders.pop(), []).append(name)
    return {folder: names for folder, names in by_folder.items() if len(names) > MANY_OUTSIDERS}


def outsiders_in_folder(
    folder: str,
    keys: Iterable[str],
    names: Sequence[str],
    posts: Sequence[str],
    team_folder: str,
    command: str,
    error: bool,
) -> Problem:
    """One line for the many names without a team file that sign a post or two each in one
    folder (``outsiders_by_folder``): a few of them, how many, and both ways out, since a
    review's Author: may be the reviewed book's author, for whom a team file is no fix."""
    shown = sorted(names, key=normalise)
    listed = ", ".join(repr(name) for name in shown[:3])
    more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
    written = _key_in(posts)
    said = " or ".join(written(key) for key in sorted(set(keys)))
    return Problem(
        "",
        f"{folder}/: {len(names)} names in {said} have no team file in {team_folder}/ "
        f"({listed}{more}, in {len(posts)} posts): if they wrote these posts, run: {command} "
        "(a team file for each); if each is whom its post is about (a reviewed book's author), "
        f"write the name under a key of the site's own in place of {written('Author')}, such "
        f"as {written('Book_author')}, listed in BLOGCORE_KEPT_KEYS, and sign the post with "
        "its writer's name",
        error,
    )


def _key_in(posts: Sequence[str]) -> Callable[[str], str]:
    """How a line for ``posts`` names a key: as they write it where they share a syntax
    (``:author:`` in .rst posts), else by its name alone ("the key Author")."""
    syntaxes = {keysyntax.syntax_of(post) for post in posts}
    if len(syntaxes) == 1:
        syntax = syntaxes.pop()
        if syntax == keysyntax.TOML:  # "names in author", bare, reads as a word of the line
            return lambda key: f"the key {keysyntax.key_as_written(key, syntax)}"
        return lambda key: keysyntax.key_as_written(key, syntax)
    return lambda key: f"the key {display_key(key)}"


def _name_lines(name: str, aliases: Sequence[str]) -> str:
    """'Name: Adam Ginsburg' and 'Aliases: Adam': what a new team file gives."""
    lines = f"'Name: {name}'"
    return f"{lines} and 'Aliases: {', '.join(aliases)}'" if aliases else lines


def _authors(post: str, names: str) -> str:
    """An Authors line giving ``names`` as the post's file writes one (``:authors:`` in .rst)."""
    return keysyntax.key_as_written("Authors", keysyntax.syntax_of(post), names)


def one_name_of_many(post: str, key: str, name: str, error: bool) -> Problem:
    """A byline read as one name although it lists several with another script's comma
    (Pelican splits Authors: at ',' or ';' only, and Author: nowhere)."""
    sep = list_separator(name)
    names = ", ".join(part.strip() for part in re.split(f"[{LIST_SEPARATORS}]", name))
    return Problem(
        post,
        f"{display_key(key)} {name!r} is read as one name: names are separated by ',' "
        f"(or ';'), not {sep!r}; write '{_authors(post, names)}'",
        error,
    )


def site_author_address(value: str, read_as: str) -> Problem:
    """The line for an e-mail address in the site's AUTHOR, which signs posts without an
    author line: left out of them as of any author line."""
    return Problem(
        "pelicanconf.py",
        f"AUTHOR {value!r} has an e-mail address in it: read as {read_as!r} in the posts it "
        f"signs, the address left out (a byline would publish it); write AUTHOR = {read_as!r}",
        error=False,
    )


def unsigned_posts(posts: Sequence[str], site_author: str, command: str) -> Problem:
    """Posts without an author line, signed by the site's AUTHOR, who has no team file: one
    line for all of them (an adopted personal blog's posts give none: AUTHOR was the writer)."""
    n = len(posts)
    # a .rst post's key is an :author: field: an "Author:" line there is its first paragraph
    add = keysyntax.lines_for_each("Author", list(posts))
    fix = (
        f"add {add}, or set AUTHOR to the name of the one who wrote them; then give them a "
        f"team file (run: {command})"
    )
    if n == 1:
        return Problem(
            posts[0],
            f"has {keysyntax.a_key('Author', list(posts), 'no')}, so it is signed "
            f"{site_author!r} (AUTHOR in pelicanconf.py), who has no team file; {fix}",
            error=False,
        )
    shown = ", ".join(sorted(posts)[:2]) + (", ..." if n > 2 else "")
    return Problem(
        "",
        f"{n} posts have {keysyntax.a_key('Author', list(posts), 'no')} ({shown}), so they "
        f"are signed {site_author!r} "
        f"(AUTHOR in pelicanconf.py), who has no team file; {fix}",
        error=False,
    )


# how the note of a team file invoke team-stubs wrote begins: still there, the file is a stub
STUB_NOTE = "A stub written by `invoke team-stubs`"


def stub_left(source: str, text: str) -> Problem | None:
    """The line for a team file that is still the stub team-stubs wrote (its note there)."""
    if STUB_NOTE not in text:
        return None
    return Problem(
        source,
        "is still the stub invoke team-stubs wrote: its profile shows no role and no bio; "
        "complete Role and write the bio in place of the comment",
        error=False,
    )


def stub_text(name: str, aliases: Sequence[str] = ()) -> str:
    """A team file for someone who has none yet: their Name (and the other names their posts
    give them, as Aliases), the keys to complete, no bio.

    The note is an HTML comment, so a stub published as it is shows no placeholder text.
    """
    sep = "; " if any("," in alias for alias in aliases) else ", "
    return (
        f"Name: {name}\n" + (f"Aliases: {sep.join(aliases)}\n" if aliases else "") + "Role:\n"
        "\n"
        f"<!-- {STUB_NOTE}: complete Role (one line, such as Backend\n"
        "engineer), add Photo: team/photos/<file>.jpg and write the bio here, in place of this\n"
        "comment. Its first paragraph is the short bio on cards; see docs/team.md. -->\n"
    )


def sort_key(person: Person) -> str:
    """Alphabetical by name, accents ignored."""
    return normalise(person.name)


def person_jsonld(
    person: Person,
    *,
    url: str,
    image: str | None,
    organisation: str,
    full: bool,
) -> dict[str, Any]:
    """A schema.org Person; ``full`` adds what only the profile page needs."""
    data: dict[str, Any] = {"@type": "Person", "name": person.name, "url": url}
    if person.role:
        data["jobTitle"] = person.role
    if image:
        data["image"] = image
    same_as = [link.url for link in person.links if link.kind != "email"]
    if same_as:
        data["sameAs"] = same_as
    if full:
        if person.short_bio:
            data["description"] = person.short_bio
        if person.email:
            data["email"] = f"mailto:{person.email}"
        if person.aliases:
            data["alternateName"] = list(person.aliases)
        if organisation:
            org = {"@type": "Organization", "name": organisation}
            data["alumniOf" if person.alumni else "worksFor"] = org
    return data
