"""One build of a corpus with the time spent in each plugin measured (used by build_bench).

    .venv/bin/python -m bench.plugin_times CONTENT OUTPUT

Every signal receiver and generator method defined in ``plugins/<name>/`` is wrapped in a
timer before the build runs; the last line printed is JSON: {plugin: seconds, "total": s}.
The rest of the build ("pelican") is the total minus the plugins' share: the theme's
templates and writing. fastbuild's share is the reading it runs in its workers (Markdown);
the pages it renders in its workers are counted apart, as "rendering (fastbuild workers)".
"""

import functools
import json
import sys
import time
import weakref
from collections import defaultdict

from pelican import Pelican
from pelican.plugins import signals
from pelican.settings import read_settings


def _plugin_of(function) -> str | None:
    module = getattr(function, "__module__", "") or ""
    parts = module.split(".")  # plugins.<name>.signals
    if len(parts) == 3 and parts[0] == "plugins" and parts[2] in {"signals", "generator"}:
        return parts[1]
    return None


def _timed(function, name: str, spent: dict):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    return wrapper


def instrument(spent: dict) -> None:
    """Wrap every plugin receiver (kept in order) and every plugin generator's methods."""
    for value in vars(signals).values():
        receivers = getattr(value, "receivers", None)
        if not isinstance(receivers, dict) or not receivers:
            continue
        connected = [
            ref() if isinstance(ref, weakref.ref) else ref for ref in list(receivers.values())
        ]
        connected = [r for r in connected if r is not None]
        for receiver in connected:
            value.disconnect(receiver)
        for receiver in connected:
            plugin = _plugin_of(receiver)
            if plugin and value.name == "get_generators":
                value.connect(_generators(receiver, plugin, spent), weak=False)
            elif plugin:
                value.connect(_timed(receiver, plugin, spent), weak=False)
            else:
                value.connect(receiver, weak=False)


def _generators(receiver, plugin: str, spent: dict):
    """A get_generators receiver whose generator classes are timed too."""

    @functools.wraps(receiver)
    def wrapper(sender):
        classes = receiver(sender)
        if classes is None:
            return None
        single = not isinstance(classes, list | tuple)
        timed = []
        for cls in [classes] if single else classes:
            methods = {
                name: _timed(getattr(cls, name), plugin, spent)
                for name in ("generate_context", "generate_output")
                if hasattr(cls, name)
            }
            timed.append(type(cls.__name__, (cls,), methods))
        return timed[0] if single else timed

    return wrapper


def split_rendering(spent: dict) -> None:
    """Count fastbuild's parallel rendering of the theme apart from fastbuild's own work.

    fastbuild's last generator renders every page Pelican and the plugins asked for, in worker
    processes: that is the theme's and Pelican's time, not the plugin's.
    """
    module = sys.modules.get("plugins.fastbuild.writer")
    cls = getattr(module, "ParallelWriter", None)
    if cls is None:
        return
    flush = cls.flush

    @functools.wraps(flush)
    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return flush(self, *args, **kwargs)
        finally:
            seconds = time.perf_counter() - start
            spent["rendering (fastbuild workers)"] += seconds
            spent["fastbuild"] -= seconds  # inside fastbuild's timed generate_output

    cls.flush = timed


def main() -> None:
    """Build once, print the seconds per plugin as JSON."""
    content, output = sys.argv[1], sys.argv[2]
    settings = read_settings("pelicanconf.py", override={"PATH": content, "OUTPUT_PATH": output})
    pelican = Pelican(settings)  # loads the plugins: their receivers are connected now
    spent: dict = defaultdict(float)
    instrument(spent)
    split_rendering(spent)
    start = time.perf_counter()
    pelican.run()
    total = time.perf_counter() - start
    result = {name: round(seconds, 3) for name, seconds in spent.items()}
    result["pelican"] = round(total - sum(spent.values()), 3)
    result["total"] = round(total, 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
