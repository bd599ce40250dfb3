"""The docs keep up with the code.

- docs/settings.md names every setting of every plugin (``DEFAULTS`` in plugins/*/settings.py,
  and the providers' ``OPTIONS``) and of the theme (blogcore's ``THEME_SETTINGS``) and states
  each default as the code has it;
- docs/front-matter.md names every key a post may have (Pelican's and the plugins'), and
  team.md, series.md and images.md every key of a team file, series file and gallery sidecar;
- every relative link in README.md and docs/*.md points at a file that exists, and every
  ``#anchor`` at a heading of that page;
- the README lists every Makefile target and invoke task, and its test command is the one
  .ci/run runs;
- the README's map is whole: every plugin folder in its plugin table, every docs page linked;
- docs/architecture.md's phases table names every receiver a plugin or the engine connects, in
  its signal's row, and its table of imports every import of another plugin's module;
- every upper-case name the templates use, and every setting a plugin reads by name, is
  declared: Pelican's, a plugin's, the theme's (THEME_SETTINGS) or put there by a plugin.
"""

import ast
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DOC = ROOT / "docs" / "settings.md"
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
REQUIRED = "required"


def _value_assigned(tree: ast.Module, name: str) -> ast.expr | None:
    """What a module assigns to ``name`` (``NAME = ...`` or ``NAME: T = ...``), if it does."""
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return getattr(node, "value", None)
    return None


def _dict_assigned(tree: ast.Module, name: str) -> ast.Dict:
    """The dict literal a module assigns to ``name`` (``NAME = {...}`` or ``NAME: T = {...}``)."""
    value = _value_assigned(tree, name)
    assert value is not None, f"no {name} = {{...}} found"
    assert isinstance(value, ast.Dict), f"{name} is not a dict literal"
    return value


def _plugin_defaults(table: str = "DEFAULTS") -> dict[str, object]:
    """Every DEFAULTS entry of every plugins/*/settings.py: name -> default value (``table``:
    THEME_SETTINGS, the theme's, where a settings.py declares them)."""
    found: dict[str, object] = {}
    for path in sorted((ROOT / "plugins").glob("*/settings.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if table != "DEFAULTS" and _value_assigned(tree, table) is None:
            continue
        node = _dict_assigned(tree, table)
        module = None
        for key, value in zip(node.keys, node.values, strict=True):
            name = ast.literal_eval(key)
            try:
                found[name] = ast.literal_eval(value)
            except ValueError:  # built from a constant elsewhere, e.g. dict(DEFAULT_QUALITY)
                module = module or importlib.import_module(f"plugins.{path.parent.name}.settings")
                found[name] = getattr(module, table)[name]
    return found


def _option(spec: ast.expr) -> object:
    """An OPTIONS entry (kind, required, default): 'required', or the default."""
    _kind, required, default = ast.literal_eval(spec)
    return REQUIRED if required else default


def _provider_options() -> dict[str, object]:
    """COMMENTS_<PROVIDER>_<OPTION> and ANALYTICS_<PROVIDER>_<OPTION>: name -> default."""
    found: dict[str, object] = {}
    for path in sorted((ROOT / "plugins" / "comments" / "providers").glob("*.py")):
        if path.name == "__init__.py":
            continue
        node = _dict_assigned(ast.parse(path.read_text(encoding="utf-8")), "OPTIONS")
        for key, spec in zip(node.keys, node.values, strict=True):
            found[f"COMMENTS_{path.stem}_{ast.literal_eval(key)}".upper()] = _option(spec)
    source = (ROOT / "plugins" / "analytics" / "providers.py").read_text(encoding="utf-8")
    providers = _dict_assigned(ast.parse(source), "OPTIONS")
    for provider, options in zip(providers.keys, providers.values, strict=True):
        for key, spec in zip(options.keys, options.values, strict=True):
            name = f"ANALYTICS_{ast.literal_eval(provider)}_{ast.literal_eval(key)}".upper()
            found[name] = _option(spec)
    return found


def _settings() -> dict[str, object]:
    # a provider option that is also in DEFAULTS (COMMENTS_ISSO_URL) has DEFAULTS' default
    return {**_provider_options(), **_plugin_defaults(), **_plugin_defaults("THEME_SETTINGS")}


SETTINGS = _settings()
PREFIXES = tuple(sorted({name.split("_", 1)[0] + "_" for name in SETTINGS}))
_ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)` \| ([^|]*) \|")


def _documented() -> dict[str, str]:
    """Rows of the tables of docs/settings.md headed setting | default: setting -> default."""
    rows: dict[str, str] = {}
    in_table = False
    for line in SETTINGS_DOC.read_text().splitlines():
        if not line.startswith("|"):
            in_table = False
        elif line.startswith("| setting | default |"):
            in_table = True
        elif in_table and (row := _ROW.match(line)):
            rows.setdefault(row.group(1), row.group(2).strip())
    return rows


def test_the_settings_are_read_from_every_plugin():
    assert len(SETTINGS) > 100
    assert {"BLOGCORE_STRICT", "GALLERY_WIDTHS", "COMMENTS_GISCUS_REPO_ID"} <= set(SETTINGS)
    assert SETTINGS["ANALYTICS_GOATCOUNTER_ENDPOINT"] == REQUIRED
    assert SETTINGS["IMAGES_QUALITY"] == {"jpeg": 82, "webp": 80, "avif": 60}
    assert SETTINGS["SITE_ORGANISATION"] is None  # the theme's (blogcore's THEME_SETTINGS)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_in_the_reference_with_its_default(name):
    rows = _documented()
    assert name in rows, f"{name} is not in docs/settings.md"
    cell = rows[name]
    code = re.match(r"`([^`]*)`", cell)
    if SETTINGS[name] == REQUIRED:
        assert cell.startswith(REQUIRED), f"{name}: the default cell should say {REQUIRED!r}"
        return
    assert code, f"{name}: the default cell should start with the default in backticks: {cell!r}"
    assert ast.literal_eval(code.group(1)) == SETTINGS[name], (
        f"{name}: docs/settings.md says {code.group(1)}, the code says {SETTINGS[name]!r}"
    )


def test_the_reference_names_no_setting_that_does_not_exist():
    stale = [name for name in _documented() if name.startswith(PREFIXES) and name not in SETTINGS]
    assert not stale, f"docs/settings.md documents settings the plugins do not have: {stale}"


# Front-matter keys


def _tuple_assigned(path: Path, name: str) -> tuple[str, ...]:
    """The strings of a tuple a module assigns to ``name``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{path}: no {name} = (...) found")


KEYS = [
    ("plugins/blogcore/frontmatter.py", "PELICAN_KEYS", "docs/front-matter.md"),
    ("plugins/blogcore/frontmatter.py", "PLUGIN_KEYS", "docs/front-matter.md"),
    ("plugins/team/people.py", "KEYS", "docs/team.md"),
    ("plugins/series/model.py", "FILE_KEYS", "docs/series.md"),
    ("plugins/galleries/model.py", "KEYS", "docs/images.md"),
]


@pytest.mark.parametrize(("module", "name", "doc"), KEYS, ids=[f"{k[0]}:{k[1]}" for k in KEYS])
def test_every_key_is_documented(module, name, doc):
    keys = _tuple_assigned(ROOT / module, name)
    assert len(keys) >= 5
    # keys are written capitalised (Series_index), in the first column of a table
    first_cells = [
        line.split(" | ")[0] for line in (ROOT / doc).read_text().splitlines() if line[:3] == "| `"
    ]
    missing = [k for k in keys if not any(f"`{k.capitalize()}`" in cell for cell in first_cells)]
    assert not missing, f"{doc} has no table row for {missing} ({module}: {name})"


# Links


def _fenced_out(text: str) -> str:
    """The text without its fenced code blocks."""
    return re.sub(r"^(```|~~~).*?^\1[^\n]*$", "", text, flags=re.MULTILINE | re.DOTALL)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, - for each space."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    """Every heading's anchor; a repeated one gets -1, -2 ... as on GitHub."""
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *#*$", _fenced_out(page.read_text()), re.M):
        slug = _slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(page: Path) -> list[str]:
    """Link targets of a page, leaving out code (its brackets are not links)."""
    prose = re.sub(r"`[^`\n]*`", "", _fenced_out(page.read_text()))
    return re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", prose)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Performance", "performance"),
        ("`make new-post`", "make-new-post"),
        ("Search and languages", "search-and-languages"),
        ("Isso in production: 1. The configuration", "isso-in-production-1-the-configuration"),
        ("What reaches the comment service, and when", "what-reaches-the-comment-service-and-when"),
        ("Photos (headshots)", "photos-headshots"),
        ("Théo's [page](x.md)", "théos-page"),
    ],
)
def test_anchors_are_made_as_github_makes_them(heading, anchor):
    assert _slug(heading) == anchor


def test_the_docs_have_pages_and_links():
    assert len(PAGES) > 10
    assert len(_links(README)) > 10
    assert "x" not in _links(ROOT / "docs" / "settings.md")  # `code` is not a link


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(page):
    broken = []
    for link in _links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", link):  # https:, mailto: ...
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link}: no such file")
        elif anchor and target.suffix == ".md" and anchor not in _anchors(target):
            broken.append(f"{link}: no heading with that anchor")
    assert not broken, f"{page.relative_to(ROOT)}: " + "; ".join(broken)


# Commands


def _make_targets() -> list[str]:
    makefile = (ROOT / "Makefile").read_text()
    return re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE).group(1).split()


def _invoke_tasks() -> list[str]:
    names = []
    for node in ast.parse((ROOT / "tasks.py").read_text()).body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            func = call.func if call else decorator
            if isinstance(func, ast.Name) and func.id == "task":
                named = [k.value for k in (call.keywords if call else []) if k.arg == "name"]
                names.append(ast.literal_eval(named[0]) if named else node.name.replace("_", "-"))
    return names


def test_the_readme_lists_every_command():
    readme = README.read_text()
    assert {"serve", "test", "publish", "new-post"} <= set(_make_targets())
    assert {"serve", "related", "comments-config", "send-webmentions"} <= set(_invoke_tasks())
    missing = [f"make {t}" for t in _make_targets() if f"`make {t}" not in readme]
    missing += [f"invoke {t}" for t in _invoke_tasks() if f"`invoke {t}" not in readme]
    assert not missing, f"README.md does not list: {', '.join(missing)}"


def test_the_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.MULTILINE)
    assert "make test" in README.read_text()


# The map: README.md and docs/architecture.md against the code

PLUGINS_DIR = ROOT / "plugins"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def _section(page: Path, heading: str) -> str:
    """The text of one ``## heading`` section of a page, up to the next ``## ``."""
    text = page.read_text()
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _table(text: str, header: str) -> list[list[str]]:
    """The rows (cells stripped) of the table whose header row starts with ``header``."""
    rows, inside = [], False
    for line in text.splitlines():
        if line.startswith(header):
            inside = True
        elif inside and line.startswith("|"):
            if not line.startswith("|---") and not line.startswith("| ---"):
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif inside:
            break
    assert rows, f"no table headed {header!r}"
    return rows


def _plugin_folders() -> set[str]:
    return {path.parent.name for path in PLUGINS_DIR.glob("*/__init__.py")}


def _names_in(cell: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", cell))


def test_the_readme_lists_every_plugin_folder():
    rows = _table(_section(README, "Plugins"), "| plugin |")
    listed = {name for row in rows for name in _names_in(row[0])}
    assert {"blogcore", "engine", "covers"} <= _plugin_folders()
    assert not _plugin_folders() - listed, (
        f"README.md's plugin table lacks {_plugin_folders() - listed}"
    )
    assert not listed - _plugin_folders(), (
        f"README.md lists plugins that are not there: {listed - _plugin_folders()}"
    )


def test_the_readme_links_every_docs_page():
    linked = {link.partition("#")[0] for link in _links(README)}
    missing = [
        f"docs/{page.name}"
        for page in sorted((ROOT / "docs").glob("*.md"))
        if f"docs/{page.name}" not in linked
    ]
    assert not missing, f"README.md's Documentation list does not link {missing}"


def _signal_name(node: ast.expr) -> str | None:
    """``signals.initialized`` or ``phases.content_final``: the signal's name."""
    named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    return node.attr if named and node.value.id in ("signals", "phases") else None


def _receivers() -> set[tuple[str, str]]:
    """(owner, signal) for every receiver a plugin connects with ``build.register`` and every
    one the engine connects itself (``signals.X.connect``, ``build.run_first``/``run_last``)."""
    found = set()
    paths = [*PLUGINS_DIR.glob("*/signals.py"), *PLUGINS_DIR.glob("*/__init__.py")]
    paths += PLUGINS_DIR.glob("engine/*.py")
    for path in paths:
        owner = path.parent.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            call, args = node.func.attr, node.args
            if call == "register" and len(args) == 2 and isinstance(args[1], ast.List):
                pairs = [elt.elts[0] for elt in args[1].elts if isinstance(elt, ast.Tuple)]
            elif call in ("run_first", "run_last") and args:
                pairs = [args[0]]
            elif call == "connect":
                pairs = [node.func.value]
            else:
                continue
            found.update((owner, name) for name in map(_signal_name, pairs) if name)
    return found


def test_every_receiver_is_in_the_phases_table():
    rows = _table(
        _section(ARCHITECTURE, "The phases: who does what, on which signal"), "| signal |"
    )
    receivers = _receivers()
    assert {
        ("engine", "finalized"),
        ("covers", "posts_described"),
        ("csp", "initialized"),
    } <= receivers
    missing = []
    for owner, signal in sorted(receivers):
        row = next((row for row in rows if signal in _names_in(row[0])), None)
        if row is None:
            missing.append(f"{signal} (no row)")
        elif not re.search(rf"\b{owner}\b", row[1]) and not (
            signal == "initialized" and "every plugin" in row[1]
        ):
            missing.append(f"{owner} at {signal}")
    assert not missing, f"docs/architecture.md's phases table lacks: {', '.join(missing)}"


def _cross_imports() -> set[tuple[str, str]]:
    """(user, module) for every import of another plugin's module (``plugins.engine`` aside)."""
    found = set()
    for path in PLUGINS_DIR.rglob("*.py"):
        user = path.relative_to(PLUGINS_DIR).parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("plugins."):
                parts = node.module.split(".")
                if parts[1] in (user, "engine"):
                    continue
                if len(parts) > 2:
                    found.add((user, node.module))
                else:  # from plugins.images import service
                    found.update((user, f"{node.module}.{alias.name}") for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(
                    (user, alias.name)
                    for alias in node.names
                    if alias.name.startswith("plugins.") and alias.name.split(".")[1] != user
                )
    return found


def _imports_pelican(path: Path) -> bool:
    """Whether a module imports Pelican anywhere (at its top or inside a function)."""
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        if any(name == "pelican" or name.startswith("pelican.") for name in names):
            return True
    return False


def test_the_engine_tables_pelican_column_is_what_each_module_imports():
    """items.py imported pelican.contents while the table said "none"."""
    rows = _table(ARCHITECTURE.read_text(), "| module | what it gives | Pelican |")
    wrong = []
    for cell, _, pelican in rows:
        modules = re.findall(r"`(\w+)\.py`", cell)
        if len(modules) != 1:  # a row of several says which of them in words
            continue
        says_none = pelican.startswith("none")
        if says_none == _imports_pelican(PLUGINS_DIR / "engine" / f"{modules[0]}.py"):
            wrong.append(modules[0])
    assert not wrong, f"docs/architecture.md's engine table is wrong about: {', '.join(wrong)}"


def test_every_import_of_another_plugin_is_in_the_architecture_table():
    rows = _table(ARCHITECTURE.read_text(), "| module | what the others use |")
    uses = _cross_imports()
    assert ("related", "plugins.blogcore.urls") in uses
    missing = []
    for user, module in sorted(uses):
        row = next((row for row in rows if module in _names_in(row[0])), None)
        if row is None or not re.search(rf"\b{user}\b", row[2]):
            missing.append(f"{user} uses {module}")
    assert not missing, f"docs/architecture.md's table of imports lacks: {', '.join(missing)}"
    for row in rows:
        for module in _names_in(row[0]):
            assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), f"no module {module}"


# Settings read but declared nowhere: a misspelt one would be silent


def _assigned_by_plugins() -> set[str]:
    """Names the plugins put into the settings or the context themselves (``NOTFOUND_PAGE``,
    ``ANALYTICS_SNIPPET``): computed, never given."""
    found = set()
    for path in PLUGINS_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"\[\s*\"([A-Z][A-Z0-9_]+)\"\s*\]\s*=[^=]", text))
    return found


def _read_by_the_theme() -> dict[str, str]:
    """Upper-case names the templates use in Jinja code, and those the plugins read from the
    settings by name: name -> a file that reads it."""
    found: dict[str, str] = {}
    local: set[str] = set()
    name = r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b"
    for path in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        local.update(re.findall(r"\{%-?\s*set\s+([A-Z][A-Z0-9_]*)", text))
        for code in re.findall(r"\{[{%](.*?)[}%]\}", text, flags=re.S):
            code = re.sub(r"\"[^\"]*\"|'[^']*'", "", code)  # strings are not names
            for found_name in re.findall(name, code):
                found.setdefault(found_name, path.relative_to(ROOT).as_posix())
    for path in sorted(PLUGINS_DIR.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for found_name in re.findall(r"settings(?:\.get\(|\[)\s*\"([A-Z][A-Z0-9_]+)\"", text):
            found.setdefault(found_name, path.relative_to(ROOT).as_posix())
    return {k: v for k, v in found.items() if k not in local}


def test_every_setting_the_theme_or_a_plugin_reads_is_declared():
    """Pelican's, a plugin's (DEFAULTS, providers' OPTIONS) or the theme's (THEME_SETTINGS):
    only a declared name gets "did you mean ...?" when misspelt (SITE_ORGANIZATION)."""
    from pelican.settings import DEFAULT_CONFIG

    from plugins.engine.clashes import THEIR_SETTINGS
    from plugins.engine.settings_errors import PELICAN_ALSO

    direct = {
        f"{template.upper()}_{suffix}"
        for template in DEFAULT_CONFIG["DIRECT_TEMPLATES"]
        for suffix in ("URL", "SAVE_AS")
    }
    known = {*DEFAULT_CONFIG, *PELICAN_ALSO, *THEIR_SETTINGS, *direct, *SETTINGS}
    known |= _assigned_by_plugins()
    read = _read_by_the_theme()
    assert {"SITE_ORGANISATION", "SITE_TAGLINE", "SITEURL"} <= set(read)
    undeclared = sorted(f"{name} ({where})" for name, where in read.items() if name not in known)
    assert not undeclared, f"read but declared nowhere (add to THEME_SETTINGS): {undeclared}"
