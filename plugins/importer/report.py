"""The import's report: what was brought across, what was left, what to run next."""

from collections import Counter
from urllib.parse import urlsplit

from .apply import Outcome
from .plan import Plan

_ORDER = (
    "posts", "drafts", "pages", "authors", "authors already in the team", "galleries",
    "pictures copied", "pictures missing", "pictures on other sites", "comments", "pingbacks",
    "trackbacks", "webmentions", "redirects", "archive redirects",
)  # fmt: skip


_ONE = {"galleries": "gallery", "pictures copied": "picture copied"}
_ONE |= {
    "pictures missing": "picture missing",
    "pictures on other sites": "picture on another site",
    "authors already in the team": "author already in the team",
}


def _plural(number: int, what: str) -> str:
    """'2 posts', '1 post'; kinds not in the table stay as they are."""
    if number == 1 and what.endswith("s on pages"):  # "1 pingback on a page"
        what = what.removesuffix("s on pages") + " on a page"
    elif number == 1 and what.endswith("s on drafts"):  # "1 comment on a draft"
        what = what.removesuffix("s on drafts") + " on a draft"
    elif number == 1:
        what = _ONE.get(what, what.removesuffix("s"))
    return f"{number} {what}"


def lines(
    source: str, plan: Plan, outcome: Outcome, database: str, archive: str, redirects: str = ""
) -> list[str]:
    """The report, one line per fact; problems and missing pictures listed in full.
    ``redirects``: the REDIRECTS_MAP file, as staff know it."""
    counts: Counter = plan.counts
    out = []
    found = [_plural(counts[key], key) for key in _ORDER if counts.get(key)]
    out.append(f"Read from the {source} export: " + ", ".join(found) + ".")
    skipped = sorted((k, v) for k, v in counts.items() if k.endswith(" skipped") and v)
    unpublished = [(k, v) for k, v in skipped if k.endswith(" on drafts skipped")]
    skipped = [kv for kv in skipped if kv not in unpublished]
    kinds = [_plural(v, k.removesuffix(" skipped")) for k, v in skipped]
    if unpublished:
        kinds.append(
            " and ".join(_plural(v, k.removesuffix(" skipped")) for k, v in unpublished)
            + " (the comment server would show them to anyone; they come across when the "
            "import runs again after the post is published)"
        )
    if kinds:
        out.append("Not imported: " + ", ".join(kinds) + ".")
    updated = (
        f"{len(outcome.updated)} updated (an earlier import's, not edited since), "
        if outcome.updated
        else ""
    )
    removed = f", {len(outcome.superseded)} removed" if outcome.superseded else ""
    out.append(
        f"Files: {len(outcome.written)} written, {updated}{len(outcome.unchanged)} already "
        f"there and the same, {len(outcome.conflicts)} already there and different (not "
        f"overwritten){removed}."
    )
    for relative, now in outcome.superseded.items():
        out.append(
            f"  removed: {relative} (an earlier import wrote it there, as its address was taken "
            f"then; not edited since: it is {now} now)"
            if not relative.endswith("/")
            else f"  removed: {relative} (the gallery of a file removed above, as an earlier "
            f"import wrote it; not edited since: it is {now} now)"
        )
    for relative in outcome.conflicts:
        if relative in outcome.others:
            out.append(
                f"  not overwritten: {relative} (another post, without this one's Comment_id: "
                "the export's post and its comments are not imported; move that file away, or "
                "give it another Slug, and import again)"
            )
            continue
        out.append(f"  not overwritten: {relative} (it differs from what the import would write)")
    if plan.threads:
        out.append(
            f"Comments: {outcome.comments_added} added to {database}, "
            f"{outcome.comments_present} already there."
        )
    if plan.mentions:
        out.append(
            (
                "Pingbacks, trackbacks and webmentions"
                if counts.get("webmentions")
                else "Pingbacks and trackbacks"
            )
            + f": {outcome.mentions_added} added to {archive} as received "
            f"webmentions, {outcome.mentions_present} already there."
        )
    if plan.archives:
        out.append(
            f"Category, tag and author pages of the old blog redirected to this site's, in "
            f"{redirects or 'the REDIRECTS_MAP file'} ({counts['archive redirects']} old "
            "addresses, read by the redirects plugin):"
        )
        out += [f"  {line}" for line in plan.archives]
    if plan.missing:
        places: dict[str, list[str]] = {}  # each picture once, with every place it was in
        for where, url in plan.missing:
            if where not in places.setdefault(url, []):
                places[url].append(where)
        galleries = any("(gallery" in where for where, _ in plan.missing)
        out.append(
            f"Pictures not found under --uploads ({len(places)}, never fetched; in the text "
            "they stay linked to the old site, which a publish build refuses"
            + (", and a gallery is made without them" if galleries else "")
            + ": copy them into the uploads folder and run the import again):"
        )
        for url, wheres in places.items():
            out.append(f"  {url} (in {', '.join(wheres)})")
    if plan.attachments:
        counted = plan.attachments
        parts = [f"{counted['copied']} copied"]
        if counted["not found"]:
            parts.append(f"{counted['not found']} not found under --uploads (listed above)")
        if counted["unused"]:
            parts.append(
                f"{counted['unused']} shown by no imported post or page, not copied (each file "
                "stays in the uploads folder: put it in a post to bring it across):"
            )
        out.append(
            f"Attachments (the files the export lists as uploaded): {counted.total()}: "
            + ", ".join(parts)
            + ("" if counted["unused"] else ".")
        )
        for url, where in plan.unused:
            out.append(f"  {url}" + (f" ({where})" if where else ""))
    if plan.elsewhere:
        out += _elsewhere(plan.elsewhere)
    if plan.no_alt or plan.says_nothing:
        files: dict[str, list[str]] = {}  # each file once, with its pictures once each
        for relative, name in plan.no_alt + plan.says_nothing:
            if name not in files.setdefault(relative, []):
                files[relative].append(name)
        # blogcore's rule: alt text that is the file's name or a placeholder describes nothing
        said = " or with alt text that describes nothing" if plan.says_nothing else ""
        instead = " (in place of what is there)" if plan.says_nothing else ""
        out.append(
            f"Pictures without alt text{said} ({sum(map(len, files.values()))}; a publish build "
            "refuses them in what it publishes: describe what each shows, between the brackets "
            f"of ![…](…) in the post{instead}, or as 'Photo: x.jpg | caption | alt text' in "
            "gallery.md):"
        )
        for relative, names in files.items():
            out.append(f"  {relative}: {', '.join(names)}")
    if plan.translations:
        out.append(
            f"Translations ({_plural(len(plan.translations), 'groups')} of versions in several "
            "languages, each version under its original's Slug with its own Lang, file "
            "<slug>.<lang>.md, comments and old address):"
        )
        out += [f"  {line}" for line in plan.translations]
    if plan.settings:
        out.append("The old blog's settings, for pelicanconf.py where this site's differ:")
        for name, value, why in plan.settings:
            out.append(f"  {name} = {value!r}" + (f"  ({why})" if why else ""))
    for problem in [*plan.problems, *outcome.notes]:
        out.append(f"Note: {problem}")
    return out


def _site_of(url: str) -> str:
    """The source CSP_EXTRA takes to allow a picture: its origin (``https://i.imgur.com``)."""
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _elsewhere(found: list[tuple[str, str]]) -> list[str]:
    """Pictures left linked to another site, by site: what the publish build's line says to do."""
    sites: dict[str, dict[str, list[str]]] = {}  # site -> picture -> the files showing it
    for relative, url in found:
        files = sites.setdefault(_site_of(url), {}).setdefault(url, [])
        if relative not in files:
            files.append(relative)
    pictures = sum(map(len, sites.values()))
    allow = ", ".join(repr(site) for site in sites)
    out = [
        f"Pictures on other sites ({pictures}, on {_plural(len(sites), 'sites')}; left linked "
        "there, and the Content-Security-Policy blocks them, so a publish build stops on each "
        "post that shows one): save each under content/images/ and link it with {static}, or "
        f"allow its site with CSP_EXTRA = {{'img-src': [{allow}]}} in pelicanconf.py:"
    ]
    for site, urls in sites.items():
        out.append(f"  {site} ({_plural(len(urls), 'pictures')}):")
        out += [f"    {url} (in {', '.join(files)})" for url, files in urls.items()]
    return out
