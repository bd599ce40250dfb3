"""Loading a plugin's modules without the cyclic collector's passes (pure: no Pelican import).

Importing the plugins makes about 40,000 objects (functions, classes, compiled patterns), none
of them garbage, and the collector, counting allocations, walked them again and again as they
came: 59 young and 6 middle passes and one full pass (40-70 ms alone) while Pelican loaded and
initialised the plugins, about 50 ms of CPU (docs/performance.md, start-up). Loaded with it
paused and frozen after, they are walked by no routine pass (10 young ones are left). The
pause ends with the ``with`` block, whatever happens in it, so a process that imports a plugin
and builds nothing (the tests, `make serve`'s warm process) has its collector as before.
"""

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while the block runs; what it made frozen (``gc.freeze``) after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # frozen: module-level objects live as long as the process; a fork's gc.unfreeze
        # (engine.forks) hands them back to the oldest generation, nothing more
        gc.freeze()
        if enabled:
            gc.enable()
