"""Content folders named in another case than the settings name them: ``content/Pages/``
where PAGE_PATHS says ``pages``. Folder names are case-sensitive on Linux (where CI builds),
so such a folder's files are read as something else (posts, under ARTICLE_PATHS = [""]) or not
at all, with no line saying why. Pure: no Pelican import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from plugins.engine.ignores import any_ignored

# the settings that name content folders, and what the files of each are
FOLDER_SETTINGS = (
    ("PAGE_PATHS", "pages"),
    ("ARTICLE_PATHS", "posts"),
    ("TEAM_PATH", "team files"),
    ("SERIES_PATH", "series files"),
    ("GALLERY_PATH", "galleries"),
    ("STATIC_PATHS", "static files"),
)


def named_folders(settings: Mapping) -> dict[str, tuple[str, str]]:
    """Each folder a setting names ("pages") -> (the setting, what its files are)."""
    known: dict[str, tuple[str, str]] = {}
    for key, what in FOLDER_SETTINGS:
        value = settings.get(key)
        for folder in [value] if isinstance(value, str) else value or []:
            folder = str(folder).replace("\\", "/").strip("/")
            if folder and folder not in known:
                known[folder] = (key, what)
    return known


def case_mismatches(
    files: Iterable[str], known: Mapping[str, object], ignores: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(folder, the folder named) for each folder holding ``files`` (relpaths under the
    content folder) whose name differs from a named folder's only in case (Pages, pages)."""
    by_case = {folder.lower(): folder for folder in known}
    ignores = tuple(ignores)
    found: dict[str, str] = {}
    for relpath in files:
        parts = relpath.replace("\\", "/").split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            named = by_case.get(folder.lower())
            if named is not None and named != folder and folder not in known:
                if not any_ignored(parts[:depth], ignores):
                    found.setdefault(folder, named)
                break
    return sorted(found.items())


def case_message(folder: str, named: str, key: str, what: str, read_as: str | None) -> str:
    """The line for one such folder, after its name: what its files are read as, what to do."""
    if read_as == what:
        read = f'its files are read as {what} only because ARTICLE_PATHS has ""'
    elif read_as:
        read = f"its files are read as {read_as}, not as {what}"
    else:
        read = f"its files are not read as {what}"
    return (
        f"folder names are case-sensitive and {key} names {named}/, not {folder}/: {read}; "
        f"rename the folder to {named}/"
    )
