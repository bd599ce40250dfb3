"""The Pelican generator: reads series files, attaches ``article.series``, writes series pages."""

import dataclasses
import datetime
import logging
import os
import zoneinfo
from itertools import chain
from pathlib import Path

from pelican.contents import Page
from pelican.generators import Generator
from pelican.utils import slugify

from plugins.blogcore.frontmatter import check_date, lang_problem, scan_header, stopper_problem
from plugins.blogcore.text import POSTS as SANITISER
from plugins.engine import build, keysyntax, side
from plugins.images import service as images
from plugins.images.suffixes import picture_suffix

from . import model

logger = logging.getLogger(__name__)

# output file -> who writes it, as messages name them: every series page, feed and the index
# (``model.pages_owned``), for blogcore's one-source-per-URL check and the redirects plugin
PAGES_KEY = "series_pages"


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


class SeriesGenerator(Generator):
    """Groups posts into series after every post is read; writes series pages and feeds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.series: list[model.Series] = []
        self.intro_pages: dict[str, Page] = {}
        self.unlisted: set[str] = set()  # series whose file says Status: hidden
        # series whose file is left out (Status: draft, no Title): its translations with it
        self.left_out: set[str] = set()

    def _slugify(self, name: str) -> str:
        return slugify(
            name,
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=False,
        )

    def _read_files(self) -> tuple[list[model.FileInput], list[model.Diagnostic]]:
        """The series files, each with its translations (``<slug>.<lang>.md``)."""
        files: dict[str, model.FileInput] = {}
        problems: list[model.Diagnostic] = []
        translated = []
        # with the posts' readers (signals.on_article_generator_init): Pelican's reader cache
        # for them is kept between builds, ours (a generator of its own) is not
        posts = getattr(build.current(self.settings).state(__package__), "posts", self)
        for side_file in side.read_all(posts, self.settings["SERIES_PATH"], sanitiser=SANITISER):
            split = model.split_name(side_file.slug)
            if split is not None:
                translated.append((side_file, *split))
                continue
            read = self._read_one(side_file, problems, translation=False)
            if read is None:
                continue
            status, lang, fields = read
            slug = side_file.slug
            if status == model.HIDDEN:
                self.unlisted.add(slug)
            files[slug] = model.FileInput(slug=slug, lang=lang, **fields)
            self.intro_pages[side_file.shown] = side_file.page
        for side_file, slug, lang in translated:
            main = files.get(slug)
            key = side_file.shown
            wrong = lang_problem(lang)
            if wrong:
                problems.append(
                    model.Diagnostic(
                        model.ERROR,
                        key,
                        f"{wrong}, in its file name (<series>.<lang>.md, e.g. {slug}.fr.md); "
                        "skipped",
                    )
                )
                continue
            if main is None and slug in self.left_out:
                continue  # a draft's translation waits with it; a file without Title is named
            problem = model.translation_problem(
                key, lang, _text(side_file.metadata.get("lang")), main and main.key, files
            )
            if problem:
                problems.append(model.Diagnostic(model.ERROR, key, problem))
                continue
            read = self._read_one(side_file, problems, translation=True)
            if read is None:
                continue
            status, _, fields = read
            translation = model.FileTranslation(
                lang=lang,
                unlisted=status == model.HIDDEN,
                **{k: v for k, v in fields.items() if k != "planned"},
                planned=fields["planned"] if "planned" in side_file.metadata else None,
            )
            files[slug] = dataclasses.replace(main, translations=(*main.translations, translation))
            self.intro_pages[key] = side_file.page
        return list(files.values()), problems

    def _read_one(self, side_file, problems: list, translation: bool):
        """(status, Lang, the FileInput fields) of one series file or translation, or None
        when it is left out (a draft, or a file without the Title it needs)."""
        page, key, meta = side_file.page, side_file.shown, side_file.metadata
        title = str(getattr(page, "title", "") or "").strip()
        if not title and not translation:  # a translation without one shows the original's
            self.left_out.add(side_file.slug)
            problems.append(
                model.Diagnostic(
                    model.ERROR,
                    key,
                    "Title is missing: a series file names its series, "
                    "e.g. 'Title: Inside the booking engine'; this file was skipped",
                )
            )
            return None
        header = scan_header("\n".join(side_file.front_matter()), model.FILE_KEYS)
        stopped = stopper_problem(header, model.FILE_KEYS, "the series' description")
        if stopped:  # the keys below it are lost, and shown as text
            problems.append(model.Diagnostic(model.ERROR, key, stopped))
        for message in model.unknown_file_keys(meta):
            problems.append(model.Diagnostic(model.WARNING, key, message))
        status, wrong_status = model.file_status(meta.get("status"))
        if wrong_status:
            problems.append(model.Diagnostic(model.ERROR, key, wrong_status))
        if status == model.DRAFT:  # nothing of it published: as if it were not there
            if not translation:
                self.left_out.add(side_file.slug)
            return None
        raw_planned = meta.get("planned") or []
        if isinstance(raw_planned, str):
            raw_planned = [raw_planned]
        planned = []
        for raw in raw_planned:
            try:
                planned.append(model.parse_planned(raw, self._local_date))
            except ValueError as exc:
                problems.append(model.Diagnostic(model.ERROR, key, str(exc)))
        lang = None
        if not translation:  # a translation's Lang is checked against its file name
            lang = _text(meta.get("lang")) or None
            wrong = lang_problem(lang) if lang else None
            if wrong:  # else each post would be blamed for it
                problems.append(
                    model.Diagnostic(
                        model.ERROR, key, f"{wrong}; the series takes its posts' language"
                    )
                )
                lang = None
        fields = {
            "key": key,
            "title": title,
            "planned": tuple(planned),
            # raw for now: reading page.summary here would resolve its links before
            # the posts they name are known, and Pelican keeps that first reading
            "summary": str(meta.get("summary") or ""),
            "cover": self._cover(_text(meta.get("cover")), key, problems),
            "cover_alt": _text(meta.get("cover_alt")),
            "has_intro": bool(side_file.html.strip()),
        }
        return status, lang, fields

    def _local_date(self, text: str) -> datetime.datetime:
        """Parse a date as Pelican does, in the site's time zone (like post dates)."""
        date = check_date("planned", text)  # the rule of a post's Date: (02/03/2027 refused)
        if date.tzinfo is None and self.settings.get("TIMEZONE"):
            date = date.replace(tzinfo=zoneinfo.ZoneInfo(self.settings["TIMEZONE"]))
        return date

    def _cover(self, raw: str, key: str, problems: list) -> str | None:
        if not raw:
            return None
        path = raw.removeprefix("{static}").lstrip("/")
        static_roots = tuple(p.rstrip("/") + "/" for p in self.settings.get("STATIC_PATHS", []))
        if not os.path.isfile(os.path.join(self.path, path)):
            problems.append(
                model.Diagnostic(model.ERROR, key, f"Cover: no file content/{path} (from {raw!r})")
            )
            return None
        if not path.startswith(static_roots):
            problems.append(
                model.Diagnostic(
                    model.ERROR,
                    key,
                    f"Cover: content/{path} is not under a static folder "
                    f"({', '.join(self.settings.get('STATIC_PATHS', []))})",
                )
            )
            return None
        return path

    def _posts(self) -> list[model.PostInput]:
        now = datetime.datetime.now(datetime.UTC)
        originals = chain(
            self.context.get("articles", []),
            self.context.get("hidden_articles", []),
            self.context.get("drafts", []),
        )
        posts = []
        for original in originals:
            for article in (original, *getattr(original, "translations", [])):
                if any(
                    article.metadata.get(k) for k in ("series", "series_index", "series_announce")
                ):
                    posts.append(self._post(article, article is not original, now))
        return posts

    def _post(self, article, translation: bool, now) -> model.PostInput:
        meta = article.metadata
        date = getattr(article, "date", None)
        if article.status == "draft":
            aware = date.replace(tzinfo=datetime.UTC) if date and date.tzinfo is None else date
            # Pelican makes a future-dated post a draft until its date; one that says
            # `Status: draft` stays a draft after its date, so it is not scheduled
            said_draft = str(meta.get("status", "")).strip().lower() == "draft"
            future = aware is not None and aware > now
            state = model.SCHEDULED if future and not said_draft else model.DRAFT
        elif article.status == "hidden":
            state = model.HIDDEN
        else:
            state = model.PUBLISHED
        return model.PostInput(
            # as lines name it, knowing a +++ post's TOML keys (the reader's mark)
            key=keysyntax.as_written(side.shown(self.settings, article.source_path), meta),
            title=article.title,
            state=state,
            date=date,
            series_name=_text(meta.get("series")) or None,
            raw_index=meta.get("series_index"),
            raw_announce=meta.get("series_announce"),
            lang=article.lang,
            translation=translation,
            url=article.url if state == model.PUBLISHED else None,
            # no .summary here: reading it renders the post now, before {static} links are
            # known, and Pelican keeps that render; templates read part.post.summary later
            post=article,
        )

    def generate_context(self) -> None:
        """Group every post (any state, any language) into series and attach the navigation."""
        files, problems = self._read_files()
        default_lang = self.settings["DEFAULT_LANG"]
        self.series, found = model.group(
            self._posts(),
            files,
            self._slugify,
            default_lang,
            self.settings["SERIES_NEAR_MISS_RATIO"],
            self.settings["SERIES_ANNOUNCE_DRAFTS"],
            self.settings["SERIES_ANNOUNCE_SCHEDULED"],
        )
        for page in self.context.get("pages", []):
            if page.metadata.get("series"):
                problems.append(
                    model.Diagnostic(
                        model.WARNING,
                        side.shown(self.settings, page.source_path),
                        model.PAGE_LINE,
                    )
                )
        strict = bool(self.settings.get("BLOGCORE_STRICT"))
        for problem in [*problems, *found]:
            error = problem.level == model.ERROR or (problem.level == model.GUESS and strict)
            log = logger.error if error else logger.warning
            log("%s: %s", problem.path, problem.message)
        for series in self.series:
            series.unlisted = series.unlisted or series.slug in self.unlisted
            own = series.lang == default_lang
            key = "SERIES_URL" if own else "SERIES_LANG_URL"
            series.url = self.settings[key].format(slug=series.slug, lang=series.lang)
            key = "SERIES_SAVE_AS" if own else "SERIES_LANG_SAVE_AS"
            series.save_as = self.settings[key].format(slug=series.slug, lang=series.lang)
            # one feed per series and language, as the site has all.atom.xml and all-fr…
            feed = self.settings["SERIES_FEED_ATOM" if own else "SERIES_LANG_FEED_ATOM"]
            if feed:
                series.feed_url = feed.format(slug=series.slug, lang=series.lang)
            for part in series.parts:
                if part.post is not None:
                    part.post.series = model.Nav(series, part)
            # only its own page (a draft's or scheduled part's preview, a hidden post's page)
            # sees it in the series
            for part in series.hidden:
                part.post.series = model.Nav(*series.preview(part))
        model.link_versions(self.series)
        self._render_covers()
        listed = [
            s
            for s in self.series
            if s.published_count and s.lang == default_lang and not s.unlisted
        ]
        listed.sort(key=lambda s: (-max(a.date.timestamp() for a in s.articles), s.slug))
        self.context["series_list"] = listed
        # every file generate_output writes, declared for blogcore's one-source-per-URL check
        # and the redirects plugin (docs/architecture.md): nothing else is put there
        self.context[PAGES_KEY] = model.pages_owned(
            self.series, self.settings["SERIES_INDEX_SAVE_AS"] if listed else "", default_lang
        )

    def _render_covers(self) -> None:
        """A written series page's raster cover as a post's: renditions named and sized as
        the covers plugin's by default (so one file serves both) through the image pipeline, which
        also reads what the browser cannot (HEIC, published as JPEG). An SVG stays as it is."""
        if "plugins.images" not in build.listed(self.settings):
            return  # no pipeline: the file is published as it is, under its own name
        wanted = [
            s
            for s in self.series
            if s.published_count
            and s.cover
            and picture_suffix(os.path.splitext(s.cover)[1].lower())
        ]
        requests: dict[str, images.PictureRequest] = {}
        for series in wanted:
            source = os.path.join(self.path, series.cover)
            shown = side.shown(self.settings, source)
            requests.setdefault(
                series.cover,
                images.PictureRequest(
                    source=Path(source),
                    label=f"{series.source}: Cover {series.cover!r} ({shown})",
                    # named as the covers plugin names a post's cover (images/x for
                    # images/x.jpg): one set of files for a photo both show
                    name=os.path.splitext(series.cover)[0],
                    widths=self.settings["SERIES_COVER_WIDTHS"],
                ),
            )
        rendered = dict(
            zip(
                requests,
                images.for_build(self.context).pictures(list(requests.values())),
                strict=True,
            )
        )
        for series in wanted:
            series.cover_picture = rendered[series.cover]
            if series.cover_picture is None:  # the pipeline named the file: no broken <img>
                series.cover = None

    def generate_output(self, writer) -> None:
        """Write a page and a feed for each series with a published part, and the index."""
        settings = self.settings
        relative = settings.get("RELATIVE_URLS", False)
        template = self.get_template("series")
        for series in self.series:
            page = self.intro_pages.get(series.summary_source or "")
            if page is not None and "summary" in page.metadata:
                # every post is known now: Pelican's own refresh resolves {filename}/{static}
                page.refresh_metadata_intersite_links()
                series.summary = page.metadata["summary"]
        for series in self.series:
            if not series.published_count:
                continue  # nothing to read yet: no page, so nothing can link to it
            page = self.intro_pages.get(series.intro_source or "")
            if page is not None:
                series.intro = page.content  # now every {static}/{filename} link resolves
            writer.write_file(
                series.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=series.url,
                series=series,
                page_name=series.url,
            )
            if series.feed_url:
                newest_first = sorted(series.articles, key=lambda a: a.date, reverse=True)
                writer.write_feed(
                    newest_first,
                    self.context,
                    series.feed_url,
                    series.feed_url,
                    feed_type="atom",
                    feed_title=series.name,
                )
        if settings["SERIES_INDEX_SAVE_AS"] and self.context["series_list"]:
            writer.write_file(
                settings["SERIES_INDEX_SAVE_AS"],
                self.get_template("series_index"),
                self.context,
                relative_urls=relative,
                url=settings["SERIES_INDEX_URL"],
                page_name=settings["SERIES_INDEX_URL"],
            )
