"""Signal receivers connecting the team's pure logic (people.py) to Pelican."""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Content
from pelican.urlwrappers import Author

from plugins.blogcore.frontmatter import lang_problem, scan_header, stopper_problem
from plugins.blogcore.text import POSTS as SANITISER
from plugins.engine import build, keysyntax, paths, phases, settings_errors, side
from plugins.engine.items import every_article
from plugins.engine.slugs import no_letter_line, no_letter_name
from plugins.images import service, sources

from . import languages, people
from .settings import SettingsError, configure

logger = logging.getLogger(__name__)

CONTEXT_KEY = "team"
# output file -> who writes it, as messages name them: every page this plugin writes itself
# (``Team.pages_owned``), for blogcore's one-source-per-URL check and the redirects plugin;
# Pelican writes the profiles of people with posts and the team page (AUTHORS_SAVE_AS)
PAGES_KEY = "team_pages"


@dataclass
class Profile:
    """A person's profile in another language than ``/team/<slug>/``'s, from a translation."""

    person: people.Person  # the version: its role, pronouns, bio and their languages
    author: languages.AuthorVersion  # what templates show
    bio: Content  # its bio (links resolved later); the page's language for the i18n plugin


@dataclass
class Team:
    """One build's team, in the generator context as ``team`` (templates read it)."""

    roster: people.Roster
    authors: dict[str, Author]  # slug -> the one Author object of that person
    bios: dict[str, Content] = field(default_factory=dict)  # slug -> bio, links resolved later
    current: list[Author] = field(default_factory=list)  # for the team page, by name
    alumni: list[Author] = field(default_factory=list)
    without_posts: list[Author] = field(default_factory=list)
    # slug -> the person as /team/<slug>/ shows them (a translation in DEFAULT_LANG, if any)
    home: dict[str, people.Person] = field(default_factory=dict)
    # slug -> language -> their profile in it, for people with translations (<slug>.<lang>.md)
    profiles: dict[str, dict[str, Profile]] = field(default_factory=dict)
    # people whose team file is a draft (Status: draft): nothing of theirs is published
    drafts: people.Roster = field(default_factory=people.Roster)

    def pages_owned(self) -> dict[str, str]:
        """Each file this plugin writes (``on_article_writer_finalized``) -> who: the profile
        of each person without posts, and each profile in another language."""
        owned = {}
        for author in self.without_posts:
            if author.save_as:
                owned[author.save_as] = f"the team profile of {author.name!r} (plugins/team)"
        for slug, profiles in sorted(self.profiles.items()):
            name = self.authors[slug].name
            for lang, profile in sorted(profiles.items()):
                if profile.author.save_as:
                    owned.setdefault(
                        profile.author.save_as,
                        f"the team profile of {name!r} in {lang!r} (plugins/team)",
                    )
        return owned


def _shown(settings: dict[str, Any], path: str | os.PathLike) -> str:
    """A path as staff know it: relative to the project, e.g. content/team/maya.md."""
    return paths.shown(settings, path)


def _post(settings: dict[str, Any], article) -> str:
    """A post as lines name it, knowing how it writes its keys: its byline's advice is
    ``author = "…"`` in a +++ post, whose name says Markdown (keysyntax.as_written)."""
    return keysyntax.as_written(_shown(settings, article.source_path), article.metadata)


def _report(problem: people.Problem) -> None:
    (logger.error if problem.error else logger.warning)("%s", problem)


def on_initialized(pelican) -> None:
    """Validate TEAM_* settings; keep the team folder out of posts, pages and static files."""
    settings = pelican.settings
    try:
        settings.update(configure(settings))
        names = build.plugins(settings)
        if "plugins.images" not in names:
            raise SettingsError(
                "the team plugin needs the images plugin: add 'plugins.images' to PLUGINS"
            )
    except SettingsError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    folder = settings["TEAM_PATH"]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excludes = list(settings.get(key) or [])
        if folder not in excludes:
            settings[key] = [*excludes, folder]
    side.read_ahead(settings, folder)  # read with the posts' readers (_read_people)


# slug -> language -> a translation of that person's file, and its path
Translations = dict[str, dict[str, tuple[languages.Translation, Path]]]


# what to write in place of a Name of no letter or digit
NAME_FIX = "write the person's name as their posts give it, e.g. 'Name: Maya Okafor'"


def _read_people(
    generator,
) -> tuple[list[tuple[people.Person, Path]], Translations, list[people.Person]]:
    """Read every team file (engine.side: Pelican's readers); report problems; return people
    and files, their translations (slug -> language -> translation and file), and the people
    whose file is a draft (Status: draft: left out, with their translations)."""
    settings = generator.settings
    content_root = Path(generator.path).resolve()
    found = []
    drafts = []
    side_files = side.read_all(generator, settings["TEAM_PATH"], sanitiser=SANITISER)
    stems = {side_file.slug for side_file in side_files}
    translated, mains = [], set()
    for side_file in side_files:
        _check_header(side_file)
        split = languages.split_name(side_file.slug, stems, lambda s: lang_problem(s) is None)
        if split is not None:
            translated.append((side_file, *split))
            continue
        mains.add(side_file.slug)
        shown = side_file.shown
        if unnamed := no_letter_line("file", side_file.slug):  # the profile's address
            logger.error("%s: %s", shown, unnamed)
        metadata, lang_problem_found = _checked_lang(side_file.metadata, shown)
        person, problems = people.parse_person(
            side_file.slug,
            shown,
            metadata,
            side_file.html,
            photo_exists=lambda rel: _within(content_root, rel),
            # a link out of the content folder is named as a static file's is, not "missing"
            photo_refused=lambda rel: sources.escape_line(
                generator.path, rel, lambda path: side.shown(settings, path)
            ),
            name_refused=lambda name: no_letter_name("Name", name, NAME_FIX),
        )
        if lang_problem_found:
            problems.append(lang_problem_found)
        # the stub's note is an HTML comment, which the body as read no longer holds
        if stub := people.stub_left(shown, _raw_text(side_file.path)):
            problems.append(stub)
        for problem in problems:
            _report(problem)
        if person is None:
            continue
        if person.status == "draft":  # never published: no profile, card, feed or photo
            drafts.append(person)
            continue
        if person.photo and _is_static(settings, person.photo):
            logger.warning(
                "%s: Photo %r is in a static folder, so the original is published as well "
                "(cleaned of its metadata); move it under %s/",
                shown,
                person.photo,
                settings["TEAM_PATH"],
            )
        found.append((person, Path(side_file.path)))
    return found, _read_translations(generator, translated, mains, found), drafts


def _check_header(side_file: side.SideFile) -> None:
    """Report a line that ended the keys early (Role Engineer, its colon lost): the keys
    below it would be lost, and shown in the bio as text."""
    header = scan_header("\n".join(side_file.front_matter()), people.KEYS)
    problem = stopper_problem(header, people.KEYS, "the bio")
    if problem:
        _report(people.Problem(side_file.shown, problem))


def _read_translations(generator, translated, mains, found) -> Translations:
    """Check each translation against its person; report problems; keep the good ones."""
    settings = generator.settings
    default = settings.get("DEFAULT_LANG", "en")
    by_slug = {person.slug: person for person, _ in found}
    kept: Translations = {}
    for side_file, slug, lang in translated:
        person = by_slug.get(slug)
        folder = side_file.shown.rpartition("/")[0]
        main = person.source if person else f"{folder}/{slug}.md"
        problem = None
        if slug not in mains:
            problem = languages.without_main(side_file.shown, slug, lang, main, by_slug)
        elif person is None:  # its main file has no Name (reported): nobody to translate
            continue
        elif (wrong := lang_problem(lang)) is not None:
            problem = languages.not_a_language(side_file.shown, lang, slug, wrong)
        elif lang == (person.lang or default):
            problem = languages.same_lang(side_file.shown, lang, main)
        elif (first := kept.get(slug, {}).get(lang)) is not None:
            problem = languages.second(side_file.shown, lang, first[0].source, main)
        if problem is not None:
            _report(problem)
            continue
        translation, problems = languages.parse_translation(
            slug, lang, side_file.shown, side_file.metadata, side_file.html, main
        )
        for problem in problems:
            _report(problem)
        if translation is None:
            continue
        kept.setdefault(slug, {})[lang] = (translation, Path(side_file.path))
    return kept


def _checked_lang(metadata: dict, shown: str) -> tuple[dict, people.Problem | None]:
    """The team file's keys without a Lang no language code names, and the error saying so."""
    lang = metadata.get("lang")
    if not isinstance(lang, str) or not lang.strip():
        return metadata, None
    problem = lang_problem(lang.strip())
    if problem is None:
        return metadata, None
    # lang="english" on the bio is no language to a screen reader (and fails axe's
    # valid-lang): the bio is marked as the site's language instead
    kept = {k: v for k, v in metadata.items() if k != "lang"}
    return kept, people.Problem(shown, f"{problem}; the bio is taken as the site's language")


def _raw_text(path: str) -> str:
    """A team file's text as written ("" if it cannot be read: its reader said why)."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _within(root: Path, relpath: str) -> bool:
    """True for an existing file inside ``root`` (a Photo may not point out of content/)."""
    path = (root / relpath).resolve()
    return path.is_relative_to(root) and path.is_file()


def _is_static(settings: dict[str, Any], relpath: str) -> bool:
    """True when Pelican would also copy this content file to the output as it is.

    TEAM_PATH is in STATIC_EXCLUDES, which prunes it from a static folder that contains it
    (such as ""), but not from a static folder inside it (such as "team/photos").
    """
    parts = Path(relpath).parts
    team = Path(settings["TEAM_PATH"]).parts
    for static in settings.get("STATIC_PATHS") or []:
        static_parts = Path(static).parts
        if parts[: len(static_parts)] != static_parts:
            continue
        pruned = parts[: len(team)] == team and len(team) > len(static_parts)
        if not pruned:
            return True
    return False


def _author(generator, person: people.Person) -> Author:
    """The person's one Author object, with everything the theme prints about them."""
    author = Author(person.name, generator.settings)
    author.slug = person.slug
    author.role = person.role
    author.pronouns = person.pronouns
    author.short_bio = person.short_bio
    # pages in another language mark the role and bio with it (lang="en")
    default = generator.settings.get("DEFAULT_LANG", "en")
    author.bio_lang = person.lang or default
    author.role_lang = person.role_lang or author.bio_lang
    author.lang = default  # the language of the profile page, /team/<slug>/, as of the team page
    author.versions = {}  # page language -> the person as it shows them (with translations)
    author.translations = []  # their profiles in other languages (with translations)
    author.bio = person.bio_html  # links inside are resolved once every page is known
    author.links = list(person.links)
    author.email = person.email
    author.alumni = person.alumni
    author.aliases = list(person.aliases)
    author.photo = None
    author.post_count = 0
    author.team_file = person.source
    author.status = person.status  # hidden: a profile no list shows (noindex)
    return author


def _attach_photos(generator, team: Team) -> None:
    """Headshots through the shared image pipeline: square crops, WebP and JPEG."""
    settings = generator.settings
    with_photos = [p for p in team.roster.people if p.photo]
    requests = [
        service.PictureRequest(
            source=Path(generator.path) / person.photo,
            # named from the team file: the Photo line there is what to change
            label=f"{person.source}: Photo {person.photo!r}",
            name=f"{settings['TEAM_PATH']}/{person.slug}",
            widths=settings["TEAM_PHOTO_SIZES"],
            square=True,
        )
        for person in with_photos
    ]
    pictures = service.for_build(generator.context).pictures(requests)
    smallest = min(settings["TEAM_PHOTO_SIZES"])
    for person, picture in zip(with_photos, pictures, strict=True):
        team.authors[person.slug].photo = picture
        if picture is not None and min(picture.width, picture.height) < smallest:
            # never enlarged: a thumbnail or a 1-pixel placeholder is shown blurred, or tiny
            logger.warning(
                "%s: Photo %r is %d x %d pixels, smaller than the %d px the pages show it at: "
                "use a photo at least %d px square",
                person.source,
                person.photo,
                picture.width,
                picture.height,
                smallest,
                max(settings["TEAM_PHOTO_SIZES"]),
            )


def _unknown_is_error(settings: dict[str, Any]) -> bool:
    mode = settings["TEAM_UNKNOWN_AUTHOR"]
    return mode == "error" or (mode == "auto" and bool(settings.get("BLOGCORE_STRICT")))


def _canonicalise(generator, team: Team) -> None:
    """Point every post's authors at the one Author object of each person.

    Someone without a team file keeps Pelican's Author, with a slug no one else has (two
    names with one transliteration, '黄俊' and '皇俊', or a team member's file name, would share a
    profile page), the slug `invoke team-stubs` names their file with. Posts without an author
    line are the site's AUTHOR's: that person's when AUTHOR has a team file, else one line.
    """
    settings = generator.settings
    strict = _unknown_is_error(settings)
    team_folder = _shown(settings, Path(generator.path) / settings["TEAM_PATH"])
    reported: set[tuple[str, str]] = set()
    # someone without a team file, by normalised name: one line for all their posts
    unknown: dict[str, _Unknown] = {}
    outsiders: dict[str, list[Author]] = {}  # normalised name -> Pelican's Author objects
    site_author = str(settings.get("AUTHOR") or "").strip()
    site_person = people.signed_by(team.roster, site_author, {}) if site_author else None
    site_name = people.signature(site_author).name  # AUTHOR = "Adam (adam@example.org)": Adam
    unsigned: list[str] = []  # posts signed by AUTHOR, who has no team file
    everything = list(every_article(generator))
    state = build.current(settings).state(__package__)
    unread = getattr(state, "unread", ())  # posts the reader refused (on_keys_written)
    # every author value, grouped by person: 'Adam (adam@example.org)' is Adam, never the address
    signers = people.group_signers(
        [
            author.name
            for article in everything
            if {"author", "authors"} & set(getattr(article, "metadata", {}))
            for author in getattr(article, "authors", [])
        ]
        + [name for _, _, names, _, _ in unread for name in names]
    )
    addressed: dict[str, _Addressed] = {}  # an author value with an address -> its posts
    for article in everything:
        metadata = getattr(article, "metadata", {})
        key = "authors" if "authors" in metadata else "author" if "author" in metadata else None
        if key is None:  # no byline given: the site's AUTHOR
            if site_person is not None and getattr(article, "authors", None):
                article.authors = [team.authors[site_person.slug]]
                article.author = article.authors[0]
            elif site_author and getattr(article, "authors", None):
                for author in article.authors:
                    if author.name == site_author:
                        author.name = site_name
                unsigned.append(_post(settings, article))
            continue
        authors = []
        for author in getattr(article, "authors", []):
            post = _post(settings, article)
            person = people.signed_by(team.roster, author.name, signers)
            if author.name in signers and people.signature(author.name).addresses:
                note = addressed.setdefault(author.name, _Addressed(signers[author.name]))
                note.posts.append(post)
                note.person = person
            if person is not None:
                authors.append(team.authors[person.slug])
                continue
            signer = signers.get(author.name)
            # without its address, as the person's fullest name (unless that is a team
            # member's: a name without an address is theirs only by an alias)
            if signer is not None and team.roster.find(signer.name) is None:
                author.name = signer.name
            authors.append(author)
            outsiders.setdefault(people.normalise(author.name), []).append(author)
            if (post, author.name) in reported:
                continue
            reported.add((post, author.name))
            byline = [other.name for other in article.authors]
            place = next(i for i, other in enumerate(article.authors) if other is author)
            error = strict and article.status != "draft"
            _name_outsider(team, team_folder, unknown, _Byline(post, key, byline, error), place)
        authors = list(dict.fromkeys(authors))  # the same person twice (name and alias): once
        if not authors:
            continue
        article.authors = authors
        article.author = authors[0]
        metadata["authors" if key == "authors" else "author"] = (
            authors if key == "authors" else authors[0]
        )
    wanted = {norm: objects[0].slug for norm, objects in outsiders.items()}
    # a post the reader refused (on_keys_written): its names said as a read post's are
    for post, key, given, own, draft in unread:
        names = list(given)
        for place, value in enumerate(given):
            person = people.signed_by(team.roster, value, signers)
            if value in signers and people.signature(value).addresses:
                note = addressed.setdefault(value, _Addressed(signers[value]))
                note.posts.append(post)
                note.person = person
            signer = signers.get(value)
            if person is None and signer is not None and team.roster.find(signer.name) is None:
                names[place] = signer.name  # without its address, as a read post's author
        byline = _Byline(post, key, names, strict and not draft)
        for place, (value, name, slug) in enumerate(zip(given, names, own, strict=True)):
            if people.signed_by(team.roster, value, signers) is not None:
                continue
            if name != value:  # the slug of the name its page would have, not of the address
                slug = Author(name, settings).slug
            if (byline.post, name) in reported:
                continue
            reported.add((byline.post, name))
            _name_outsider(team, team_folder, unknown, byline, place)
            if people.normalise(name) in unknown:  # its line names the file to add
                wanted.setdefault(people.normalise(name), slug)
    slugs = people.free_slugs(wanted, team.authors)
    for norm, objects in outsiders.items():
        for author in objects:
            author.slug = slugs[norm]
    for value, note in sorted(addressed.items()):
        _report(note.problem(value, slugs, team_folder))
    command = _stubs_command(settings)
    # a folder of reviews signed by the books' authors: one line, not one for each of them
    by_folder = people.outsiders_by_folder({norm: e.posts for norm, e in unknown.items()})
    for folder, norms in sorted(by_folder.items()):
        entries = [unknown.pop(norm) for norm in norms]
        _report(
            people.outsiders_in_folder(
                folder,
                [entry.key for entry in entries],
                [entry.name() for entry in entries],
                [post for entry in entries for post in entry.posts],
                team_folder,
                command,
                any(entry.error for entry in entries),
            )
        )
    for norm, entry in unknown.items():
        name = entry.name()
        signer = next((s for s in signers.values() if people.normalise(s.name) == norm), None)
        aliases = signer.aliases if signer is not None else ()
        summary = people.unknown_author_summary(
            name, entry.key, entry.posts, team_folder, command, entry.error, slugs[norm], aliases
        )
        _report(summary)
    if site_author and site_person is None:  # refused posts without a byline: AUTHOR's too
        unsigned += getattr(state, "unsigned", [])
    if site_name != site_author and (unsigned or site_person is not None):
        _report(people.site_author_address(site_author, site_name))
    if unsigned:
        _report(people.unsigned_posts(unsigned, site_name, command))


@dataclass
class _Byline:
    """A post's byline as the team plugin names its outsiders: the post (as lines name it),
    its key (author or authors), the names in order, and whether a name without a team file
    is an error (a publish of a post that is not a draft)."""

    post: str
    key: str
    names: list[str]
    error: bool


def _name_outsider(
    team: Team, team_folder: str, unknown: dict[str, _Unknown], byline: _Byline, place: int
) -> None:
    """Say what the name at ``place`` of a byline is, when no team file claims it: one name
    of many, a draft in the team folder, several people, a typo; else note it in ``unknown``
    (one line for all the posts that give it)."""
    post, key, name, error = byline.post, byline.key, byline.names[place], byline.error
    if people.list_separator(name):  # 'Vahid، Sina': Pelican splits at ',' only
        _report(people.one_name_of_many(post, key, name, error))
        return
    drafted = team.drafts.find(name)
    if drafted is not None:  # a draft in the team folder: an error in a publish
        _report(people.draft_author(post, key, name, drafted, error))
        return
    together = people.named_together(team.roster, name)
    if together:  # 'Maya Okafor, Jonas Berg' in Author:, 'Maya and Jonas'
        names = [
            one
            for i, other in enumerate(byline.names)
            for one in (together if i == place else (other,))
        ]
        _report(people.several_people(post, key, name, together, list(dict.fromkeys(names)), error))
        return
    suggestion = team.roster.suggest(name)
    if suggestion:  # a typo in one post: that post's own line
        _report(people.unknown_author(post, key, name, suggestion, team_folder, error=error))
        return
    entry = unknown.setdefault(people.normalise(name), _Unknown(key))
    entry.spellings.append(name)
    entry.posts.append(post)
    entry.error = entry.error or error


@dataclass
class _Addressed:
    """An author value with an e-mail address in it, and the posts that give it."""

    signer: people.Signer
    person: people.Person | None = None
    posts: list[str] = field(default_factory=list)

    def problem(self, value: str, slugs: dict[str, str], team_folder: str) -> people.Problem:
        """Its one line: read as the name alone; write the person's Name, or an alias."""
        sig = people.signature(value)
        if self.person is not None:
            write, alias_in = self.person.name, self.person.source
            if people.normalise(sig.name) in {people.normalise(a) for a in self.person.aliases}:
                alias_in = ""  # an alias already: only the address is to go
        else:
            write = self.signer.name
            alias_in = f"{team_folder}/{slugs.get(people.normalise(write), '')}.md"
        read_as = sig.name if sig.named else write
        return people.address_dropped(value, read_as, self.posts, write, alias_in)


@dataclass
class _Unknown:
    """A name posts give that no team file claims, and the posts that give it."""

    key: str  # the first post's key: author or authors
    spellings: list[str] = field(default_factory=list)  # 'Jane Doe', 'jane doe': one per post
    posts: list[str] = field(default_factory=list)
    error: bool = False

    def name(self) -> str:
        """The name as most posts spell it."""
        return Counter(self.spellings).most_common(1)[0][0]


def _stubs_command(settings: dict[str, Any]) -> str:
    """The command that writes the missing team files of this content folder."""
    content = os.path.abspath(settings["PATH"])
    if content == os.path.abspath("content"):
        return "invoke team-stubs"
    return f"invoke team-stubs --content {content}"


def on_keys_written(path: str, settings: dict, keys: dict, page: bool) -> list:
    """A post the reader refuses: its Author or Authors (or, without them, that the site's
    AUTHOR signs it) are kept, and said once the team is read (``_canonicalise``), as a read
    post's are; nothing now (a page has no byline)."""
    key = "authors" if "authors" in keys else "author" if "author" in keys else None
    if page:
        return []
    if key is None:  # signed by the site's AUTHOR, as a read post without a byline is
        if "title" not in keys:  # maybe no post at all (a folder of notes): its line says so
            return []
        state = build.current(settings).state(__package__)
        state.unsigned = [*getattr(state, "unsigned", ()), path]
        return []
    value = keys[key]
    # Pelican's Author objects, as it reads the keys; a name's slug is the one its page takes
    given = [(getattr(one, "name", one), getattr(one, "slug", "")) for one in _listed(value)]
    given = [(str(name).strip(), slug) for name, slug in given if str(name).strip()]
    if given:
        draft = str(keys.get("status", "")).strip().lower() == "draft"
        names, slugs = [name for name, _ in given], [slug for _, slug in given]
        state = build.current(settings).state(__package__)
        state.unread = [*getattr(state, "unread", ()), (path, key, names, slugs, draft)]
    return []


def _listed(value: object) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def on_article_generator_pretaxonomy(generator) -> None:
    """Read the team, give posts their canonical authors, render headshots: once blogcore
    has taken out the posts it skips (``phases.turn_to_change``)."""
    if phases.turn_to_change(generator, __package__):
        _change_posts(generator)


def on_posts_changed(generator, plugin: str) -> None:
    """Blogcore settled the posts after this plugin's turn at pretaxonomy: change them now."""
    on_article_generator_pretaxonomy(generator)


def _change_posts(generator) -> None:
    found, translations, drafts = _read_people(generator)
    roster, problems = people.build_roster(person for person, _ in found)
    for problem in problems:
        _report(problem)
    default = generator.settings.get("DEFAULT_LANG", "en")
    paths = {person.slug: path for person, path in found}
    team = Team(roster, {}, drafts=people.build_roster(drafts)[0])
    for person in roster.people:
        own = translations.get(person.slug, {})
        versions = languages.versions(person, [t for t, _ in own.values()], default)
        home = languages.home_lang(versions, person.lang or default, default)
        team.home[person.slug] = versions[home]
        team.authors[person.slug] = _author(generator, versions[home])
        # a Content object resolves {filename} and {static} links in the bio, like a post's
        team.bios[person.slug] = _bio(
            generator, versions[home], _file_of(person.slug, home, own, paths)
        )
        if own:
            _profiles(generator, team, person.slug, versions, home, own, paths)
    generator.context[CONTEXT_KEY] = team
    _attach_photos(generator, team)
    _canonicalise(generator, team)
    phases.mark_posts_changed(generator, __package__)


def _file_of(slug: str, lang: str, own: dict, paths: dict[str, Path]) -> Path:
    """The file a version's bio comes from: its translation's when that gives one."""
    translation, path = own.get(lang, (None, None))
    if translation is not None and translation.bio_html.strip():
        return path
    return paths[slug]


def _bio(generator, person: people.Person, path: Path, **metadata: str) -> Content:
    """The bio of one version as a Content object: links resolved once every page is known."""
    return Content(
        person.bio_html,
        metadata={"title": person.name, "slug": person.slug, **metadata},
        settings=generator.settings,
        source_path=str(path),
        context=generator.context,
    )


def _profiles(generator, team: Team, slug: str, versions, home: str, own, paths) -> None:
    """A person's versions beyond /team/<slug>/'s: each at its language's prefix
    (``/fr/team/<slug>/``), linked both ways; ``author.versions`` maps each page language to
    the version it shows."""
    settings = generator.settings
    default = settings.get("DEFAULT_LANG", "en")
    author = team.authors[slug]
    profiles: dict[str, Profile] = {}
    for lang, person in sorted(versions.items()):
        if lang == home:
            continue
        url, save_as = _lang_address(settings, author, lang)
        bio = _bio(
            generator,
            person,
            _file_of(person.slug, lang, own, paths),
            lang=lang,
            # the i18n plugin reads a page's language from it: its own save_as and url
            slug=f"{settings['TEAM_PATH']}/{person.slug}",
            url=url,
            save_as=save_as,
        )
        view = languages.AuthorVersion(
            author,
            lang=lang,
            role=person.role,
            role_lang=person.role_lang or person.lang,
            pronouns=person.pronouns,
            short_bio=person.short_bio,
            bio_lang=person.lang,
            bio=person.bio_html,
            url=url or author.url,
            save_as=save_as,
            page_name=os.path.splitext(save_as)[0] if save_as else "",
            person=None,
        )
        profiles[lang] = Profile(person, view, bio)
    every = {default: author, **{lang: p.author for lang, p in profiles.items()}}
    author.versions = every
    author.translations = [p.author for p in profiles.values()]
    for lang, profile in profiles.items():
        profile.author.versions = every
        profile.author.translations = [v for key, v in every.items() if key != lang]
    team.profiles[author.slug] = profiles


def _lang_address(settings: dict[str, Any], author: Author, lang: str) -> tuple[str, str]:
    """A profile's URL and file in another language: AUTHOR_URL and AUTHOR_SAVE_AS under
    the language's prefix, as ARTICLE_LANG_URL puts posts (``fr/team/theo/``); none where
    the site writes no profiles."""
    fields = {**author.as_dict(), "lang": lang}
    url, save_as = settings.get("AUTHOR_URL") or "", settings.get("AUTHOR_SAVE_AS") or ""
    if not save_as:
        return "", ""
    return f"{lang}/{url.format(**fields)}", f"{lang}/{save_as.format(**fields)}"


def on_article_generator_finalized(generator) -> None:
    """Count each person's posts; sort the team page's current people and alumni."""
    team = generator.context.get(CONTEXT_KEY)
    if team is None:
        return
    counts = {author.slug: len(posts) for author, posts in generator.authors}
    ordered = sorted(team.roster.people, key=people.sort_key)
    for person in ordered:
        author = team.authors[person.slug]
        author.post_count = counts.get(person.slug, 0)
        if person.status != "hidden":  # hidden: their profile is written, no list shows it
            (team.alumni if person.alumni else team.current).append(author)
        if not author.post_count:
            team.without_posts.append(author)
    generator.context[PAGES_KEY] = team.pages_owned()


def _person(team, person, settings, *, full: bool, url: str | None = None) -> dict:
    """A person as JSON-LD: in full on their profile, a reference in a post's author list;
    ``url``: their profile in the page's language (else /team/<slug>/)."""
    author = team.authors[person.slug]
    siteurl = settings.get("SITEURL", "")
    organisation = settings.get("SITE_ORGANISATION") or settings.get("SITENAME", "")
    image = f"{siteurl}/{author.photo.url}" if author.photo else None
    return people.person_jsonld(
        person,
        url=f"{siteurl}/{url or author.url}",
        image=image,
        organisation=organisation,
        full=full,
    )


def on_content_final(generators) -> None:
    """Bios with their links resolved; each person as JSON-LD for their profile(s)."""
    for generator in generators:
        team = generator.context.get(CONTEXT_KEY)
        if team is None or not hasattr(generator, "articles"):
            continue
        settings = generator.settings
        for person in team.roster.people:
            author = team.authors[person.slug]
            author.bio = team.bios[person.slug].content
            author.person = _person(team, team.home[person.slug], settings, full=True)
            for profile in team.profiles.get(person.slug, {}).values():
                profile.author.bio = profile.bio.content
                profile.author.person = _person(
                    team, profile.person, settings, full=True, url=profile.author.url
                )


def on_posts_described(generator) -> None:
    """People in each post's JSON-LD (blogcore's), where the names were: as pages in the
    post's language show them (a translation's role, their profile in that language)."""
    team = generator.context.get(CONTEXT_KEY)
    if team is None:
        return
    settings = generator.settings
    refs = {
        person.slug: _person(team, team.home[person.slug], settings, full=False)
        for person in team.roster.people
    }
    in_lang = {
        (slug, lang): _person(team, profile.person, settings, full=False, url=profile.author.url)
        for slug, profiles in team.profiles.items()
        for lang, profile in profiles.items()
    }
    for article in every_article(generator):
        data = getattr(article, "structured_data", None)
        if not data or len(data.get("author", [])) != len(article.authors):
            continue
        lang = getattr(article, "lang", None)
        data["author"] = [
            in_lang.get((author.slug, lang), refs[author.slug])
            if team.authors.get(author.slug) is author
            else entry
            for author, entry in zip(article.authors, data["author"], strict=True)
        ]


def on_article_writer_finalized(generator, writer) -> None:
    """Profile pages for people without posts (Pelican writes the others), same template;
    and each profile in another language, listing the person's posts in that language."""
    team = generator.context.get(CONTEXT_KEY)
    if team is None:
        return
    template = generator.get_template("author")
    for author in team.without_posts:
        writer.write_file(
            author.save_as,
            template,
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            url=author.url,
            author=author,
            articles=[],
            dates=[],
            template_name="author",
            blog=True,
            page_name=author.page_name,
            all_articles=generator.articles,
        )
    if team.profiles:
        _write_profiles(generator, writer, team, template)


def _write_profiles(generator, writer, team: Team, template) -> None:
    """/fr/team/<slug>/ and the like: the author template with the version in that language,
    and its bio as ``page`` (the i18n plugin takes the page's language from it)."""
    settings = generator.settings
    posts: dict[tuple[str, str], list] = {}
    for article in [*generator.articles, *generator.translations]:
        for author in article.authors:
            if team.authors.get(author.slug) is author:
                posts.setdefault((author.slug, article.lang), []).append(article)
    for slug, profiles in sorted(team.profiles.items()):
        for lang, profile in sorted(profiles.items()):
            view = profile.author
            if not view.save_as:
                continue
            articles = sorted(posts.get((slug, lang), []), key=lambda a: a.date, reverse=True)
            dates = sorted(
                articles, key=lambda a: a.date, reverse=bool(settings["NEWEST_FIRST_ARCHIVES"])
            )
            writer.write_file(
                view.save_as,
                template,
                generator.context,
                relative_urls=settings["RELATIVE_URLS"],
                url=view.url,
                author=view,
                page=profile.bio,
                articles=articles,
                dates=dates,
                template_name="author",
                blog=True,
                page_name=view.page_name,
                all_articles=generator.articles,
            )


def register() -> None:
    """Connect the team plugin's receivers."""
    build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.article_generator_pretaxonomy, on_article_generator_pretaxonomy),
            (phases.posts_changed, on_posts_changed),
            (phases.keys_written, on_keys_written),
            (signals.article_generator_finalized, on_article_generator_finalized),
            (phases.content_final, on_content_final),
            (phases.posts_described, on_posts_described),
            (signals.article_writer_finalized, on_article_writer_finalized),
        ],
    )
