"""Signal receivers connecting the csp logic to Pelican."""

import importlib
import importlib.util
import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import StaticGenerator

from plugins.blogcore.links import preview_host
from plugins.engine import build as engine_build
from plugins.engine import files, items, phases, settings_errors

from . import inline, media
from .policy import MARKER, Policy, PolicyError, build, headers_file, origin
from .settings import configure

logger = logging.getLogger(__name__)

CONTEXT_KEY = "csp_policy"  # what the theme reads: a policy.Policy, or absent
CHECK_KEY = "csp_policy_to_check"  # a development build's: checked against, never shipped


def _enabled(settings: dict[str, Any]) -> bool:
    """Does this build ship a policy (CSP_ENABLED)?"""
    return settings.get("CSP_ENABLED") is True


Sources = dict[str, list[str]]


def plugin_sources(settings: dict[str, Any]) -> list[tuple[str, Sources, dict[str, Sources]]]:
    """(plugin, sources, page sources) from every enabled plugin that ships a ``csp.py``.

    Each such module has ``csp_sources(settings) -> {directive: [source, ...]}`` for every
    page, and may have ``csp_page_sources(settings) -> {output path: {directive: [...]}}`` for
    the pages that alone need more: pure functions of the settings, so plugins never import
    one another.
    """
    found = []
    for name in engine_build.plugins(settings):
        if name.rsplit(".", 1)[-1] == "csp":
            continue
        try:
            spec = importlib.util.find_spec(f"{name}.csp")
        except ModuleNotFoundError:  # a single-module plugin: no csp.py possible
            spec = None
        if spec is None:
            continue
        module = importlib.import_module(f"{name}.csp")
        function = getattr(module, "csp_sources", None)
        if not callable(function):
            raise PolicyError(f"the {name} plugin's csp.py has no csp_sources(settings) function")
        per_page = getattr(module, "csp_page_sources", None)
        found.append((name, function(settings), per_page(settings) if per_page else {}))
    return found


def build_policy(settings: dict[str, Any], upgrade: bool | None = None) -> Policy:
    """This build's policy: the theme's base, what each plugin declares, CSP_EXTRA
    (``upgrade``: with upgrade-insecure-requests or not, else as the settings say)."""
    config = configure(settings)
    if upgrade is not None:
        config["CSP_UPGRADE_INSECURE_REQUESTS"] = upgrade
    parts: list[Sources] = []
    pages: dict[str, Sources] = {}
    for name, sources, page_sources in plugin_sources(settings):
        try:
            build([sources, *page_sources.values()])
        except PolicyError as exc:
            raise PolicyError(f"the {name} plugin's csp_sources(): {exc}") from None
        parts.append(sources)
        for path, extra in page_sources.items():
            bucket = pages.setdefault(path, {})
            for directive, values in extra.items():
                bucket.setdefault(directive, []).extend(values)
    return build(
        [*parts, config["CSP_EXTRA"]],
        upgrade_insecure_requests=config["CSP_UPGRADE_INSECURE_REQUESTS"],
        report_uri=config["CSP_REPORT_URI"],
        pages=pages,
    )


BLOCKED = "csp_blocked"  # a record's field: the media.Blocked it tells of


class _Grouped(logging.Filter):
    """Holds back, in the build's own process, the line for each picture another site serves
    that the policy blocks (a Blogger-era blog has hundreds, one a picture), to be said once
    the pages are written, one line per site (``say``). A page rendered in a forked
    worker logs its lines there, and the build logs them again through this logger's filters
    (fastbuild), so each reaches this filter once; in a worker it lets them pass."""

    def __init__(self) -> None:
        super().__init__()
        self.pid = os.getpid()
        self.held: list[tuple[int, media.Blocked]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        blocked = getattr(record, BLOCKED, None)
        if blocked is None or os.getpid() != self.pid:
            return True
        self.held.append((record.levelno, media.Blocked(*blocked)))
        return False

    def say(self, shipped: bool) -> None:
        """One line per site (a picture alone: its own line), an error where any was."""
        held, self.held = self.held, []
        levels: dict[media.Blocked, int] = {}
        for level, blocked in held:
            levels[blocked] = max(level, levels.get(blocked, level))
        for group in media.grouped(blocked for _, blocked in held):
            level = max(levels[one] for one in group)
            logger.log(level, "%s", media.group_message(group, shipped))


def on_initialized(pelican) -> None:
    """Validate the CSP_* settings; a wrong one stops the build with a clear message. Then
    the theme's templates: what they write inline the policy blocks."""
    try:
        pelican.settings.update(configure(pelican.settings))
    except PolicyError as exc:
        settings_errors.refuse(pelican.settings, exc)
        return
    _check_templates(pelican.settings)
    grouped = _Grouped()
    this_build = engine_build.current(pelican.settings)
    this_build.state(__package__).grouped = grouped
    # ahead of Pelican's filter of repeated lines, which would take the line said for a
    # picture alone for a repeat of the one held back
    logger.filters.insert(0, grouped)
    shipped = _enabled(pelican.settings)

    def close() -> None:  # a build stopped before its pages were all written says them too
        logger.removeFilter(grouped)
        grouped.say(shipped)

    this_build.on_close(close)


def _template_files(settings: dict[str, Any]) -> list[Path]:
    """The theme's templates and those of THEME_TEMPLATES_OVERRIDES, as Pelican finds them."""
    folders = [*settings.get("THEME_TEMPLATES_OVERRIDES", []), Path(settings["THEME"], "templates")]
    return sorted({p for f in folders for p in Path(f).rglob("*.html") if p.is_file()})


def _check_templates(settings: dict[str, Any]) -> None:
    """A template line the policy blocks works in development builds, which send none, and
    fails in readers' browsers: one line each, an error where the build ships the policy."""
    shipped = _enabled(settings)
    kept = Path(settings["CACHE_PATH"], "csp", "templates.json")
    # a template Python cannot read or decode is left out: Jinja says what is wrong with it
    for path, found in inline.in_templates(_template_files(settings), kept):
        for code in found:
            (logger.error if shipped else logger.warning)(
                "%s: line %d: %s, which the %sContent-Security-Policy blocks (%s 'self': "
                "nothing inline)%s; move it into the theme's %s",
                _project_path(settings, path),
                code.line,
                code.what,
                "" if shipped else "published site's ",
                code.directive,
                ""
                if shipped
                else ": it works here, where no policy is sent, and make publish stops on it",
                "CSS (theme/assets/css/)"
                if code.directive == "style-src"
                else "JavaScript (theme/assets/js/)",
            )


def _project_path(settings: dict[str, Any], path: Path) -> str:
    """A template's path from the project's folder (theme/templates/base.html)."""
    shown = _source(settings, str(path))
    return str(path) if shown.startswith("..") else shown


def on_generator_init(generator) -> None:
    """Put the policy in the shared context, once per build (every generator sees it); a
    build that ships none (development) keeps it to check pages against (CHECK_KEY): what
    the published site would block is said there too, as a warning."""
    key = CONTEXT_KEY if _enabled(generator.settings) else CHECK_KEY
    if key in generator.context:
        return
    # checked as the published site's (https: publishconf.py), which upgrades http: pictures
    # unless the settings say otherwise; a development build's own SITEURL is http
    settings = generator.settings
    upgrade = None
    if (
        key == CHECK_KEY
        and "CSP_UPGRADE_INSECURE_REQUESTS" not in engine_build.current(settings).given
    ):
        upgrade = True
    try:
        generator.context[key] = build_policy(settings, upgrade)
    except PolicyError as exc:
        raise settings_errors.stop(generator.settings, f"CSP: {exc}") from None


def _source(settings: dict[str, Any], path: str) -> str:
    base = os.path.dirname(os.path.abspath(settings["PATH"]))
    return os.path.relpath(os.path.abspath(path), base)


def on_content_final(generators) -> None:
    """A content _headers file with a policy of its own: an error before anything is written."""
    if generators and _enabled(generators[0].settings):
        _check_shipped_headers(generators, generators[0].settings)


def on_content_written(path: str, context: dict[str, Any]) -> None:
    """A post or page that hot-links media the policy would block: one error naming the file
    (held back and said with the others of its site, ``_Grouped``).

    Checked as its own page is written (in whichever process writes it): its HTML is then
    final, links resolved, after every plugin has had its say.
    """
    shipped: Policy | None = context.get(CONTEXT_KEY)
    policy = shipped or context.get(CHECK_KEY)
    item = context.get("article") or context.get("page")
    if policy is None or item is None or getattr(item, "status", "") == "draft":
        return
    if not os.path.normpath(path).endswith(os.path.normpath(item.save_as or "//")):
        return  # a listing that happens to carry an article
    siteurl = str(context.get("SITEURL", ""))
    own = origin(siteurl) if siteurl.startswith(("http://", "https://")) else "http://localhost"
    upgrade = "upgrade-insecure-requests" in policy.directives
    blocked: dict[str, str] = {}
    for directive, url in media.external_media(item.content):
        sources = policy.directives.get(directive, policy.directives["default-src"])
        if not media.allows(sources, url, own, upgrade):
            blocked.setdefault(url, directive)
    # blogcore's link check names an address of the writer's own computer, with its line
    named = "plugins.blogcore" in engine_build.listed(context)
    log = logger.error if shipped else logger.warning
    source = _source(context, item.source_path)
    for url, directive in blocked.items():
        if preview_host(url) and named:
            continue
        # one line each, which the build gathers into one line per site (_Grouped); an
        # address of the writer's own computer is said as it is
        held = None if preview_host(url) else {BLOCKED: (source, url, directive)}
        log("%s: %s", source, _blocked(url, directive, shipped), extra=held)


def _blocked(url: str, directive: str, shipped: bool) -> str:
    """What to do about media the policy blocks: save it with the site, or allow its site;
    never allow the writer's own computer (an address copied from make serve)."""
    if preview_host(url):
        return (
            f"{url} is an address on your own computer (the preview server of make serve), "
            "which readers cannot load: save the file under content/images/ and link it with "
            "{static}"
        )
    return media.alone(url, directive, shipped)


def _shipped_headers(generators, save_as: str):
    """The content's own static file published at CSP_HEADERS_SAVE_AS, if there is one."""
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            for static in generator.staticfiles:
                if items.static_output(static)[0] == save_as:  # not marked linked
                    return static
    return None


def _check_shipped_headers(generators, settings: dict[str, Any]) -> None:
    save_as = settings["CSP_HEADERS_SAVE_AS"]
    static = _shipped_headers(generators, save_as) if save_as else None
    if static is None:
        return
    text = Path(static.source_path).read_text(encoding="utf-8")
    if "content-security-policy" in text.lower():
        logger.error(
            "%s: this file sets its own Content-Security-Policy, and browsers would enforce "
            "both; remove that line (the csp plugin writes the policy into %s) or set "
            "CSP_HEADERS_SAVE_AS = ''",
            _source(settings, static.source_path),
            save_as,
        )


def on_finalized(pelican) -> None:
    """Say the pictures of other sites the policy blocks, one line per site; write the
    _headers file, after the rules of the content's own one if it ships one."""
    settings = pelican.settings
    grouped = getattr(engine_build.current(settings).state(__package__), "grouped", None)
    if grouped is not None:
        grouped.say(_enabled(settings))
    if not _enabled(settings) or not settings["CSP_HEADERS_SAVE_AS"]:
        return
    target = Path(pelican.output_path) / settings["CSP_HEADERS_SAVE_AS"]
    theirs = ""
    if target.is_file():  # the content's own (Pelican copied it), or ours from a rebuild
        theirs = target.read_text(encoding="utf-8").split(MARKER, 1)[0].rstrip("\n")
    ours = headers_file(build_policy(settings))
    target.parent.mkdir(parents=True, exist_ok=True)
    with files.writing(target):  # a full disk: this file, not this line
        target.write_text(f"{theirs}\n\n{ours}" if theirs else ours, encoding="utf-8")
    # an incremental build removes it once the policy is off (the content's own is copied anew)
    named = [os.path.normpath(settings["CSP_HEADERS_SAVE_AS"])]
    phases.files_written.send(pelican, settings=settings, paths=named)


def register() -> None:
    """Connect the csp receivers."""
    engine_build.register(
        __package__,
        [
            (signals.initialized, on_initialized),
            (signals.generator_init, on_generator_init),
            (phases.content_final, on_content_final),
            (signals.content_written, on_content_written),
            (phases.output_written, on_finalized),
        ],
    )
