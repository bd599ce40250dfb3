"""A build imports a heavy library only where it uses it (docs/performance.md, start-up)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Pelican ready to read: settings read, every plugin of pelicanconf.py loaded and initialised
READY = """
import sys
from pelican import Pelican
from pelican.settings import read_settings
Pelican(read_settings("pelicanconf.py", override={"OUTPUT_PATH": sys.argv[1]}))
print(" ".join(sorted(sys.modules)))
"""


def test_start_up_imports_no_numpy_scipy_yaml_or_toml(tmp_path):
    # NumPy and SciPy (0.3 s) are for related posts' scoring, in the fork that scores them;
    # PyYAML (11 ms) for front matter between --- lines, when a post has some; tomllib (20 ms
    # compiling its patterns) for +++ lines
    result = subprocess.run(
        [sys.executable, "-c", READY, str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(result.stdout.split())
    assert "plugins.related.signals" in loaded
    assert {"plugins.blogcore.yamlvalues", "plugins.blogcore.tomlvalues"} <= loaded
    assert not {"numpy", "scipy", "plugins.related.scoring", "yaml", "tomllib"} & loaded
