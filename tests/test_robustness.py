"""Hostile front matter and Markdown: the build escapes everything or stops with a clear
message naming the file, never a traceback (built with the `pelican` CLI, as staff run it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import DEV_CONF, ROOT

SITEURL = "https://blog.example.test"
PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "{{ 7*7 }} {% raw %}",
    "javascript:alert(5)",
    "&lt;b&gt; &amp; &#0; \u202e\u0000\ufeff",
]
value = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.builds(lambda p, n: p * n, st.sampled_from(PAYLOADS), st.integers(200, 600)),  # huge
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1"]


def _post(title, summary, tags, author, body) -> str:
    # a value cannot hold a newline in front matter: that would end the key
    one = [" ".join(str(v).split()) for v in (title, summary, tags, author)]
    return (
        f"Title: {one[0]}\nDate: 2024-05-01 10:00\nSummary: {one[1]}\nTags: {one[2]}\n"
        f"Author: {one[3]}\nCategory: Company\n\n{body}\n"
    )


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _assert_escaped(output: Path) -> None:
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            events = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not events, f"{page}: <{tag.name}> has event attributes {events}"
            assert tag.name not in ("svg",) or "onload" not in str(tag), page
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # content stays inside the JSON, which stays JSON
                continue
            assert script.get("src", "").startswith(SITEURL + "/theme/js/"), f"{page}: {script}"
            assert not script.string, f"{page}: inline script {script.string[:80]!r}"


@settings(
    max_examples=20,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: one build is seconds
    deadline=None,
    derandomize=True,  # the same 20 hostile sites every run: a failure is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=value,
    summary=value,
    tags=value,
    author=value,
    body=st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=200)),
    encoding=st.sampled_from(ENCODINGS),
    empty=st.booleans(),
)
def test_hostile_content_is_escaped_or_refused(
    tmp_path_factory, title, summary, tags, author, body, encoding, empty
):
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "hostile.md").write_bytes(
        _encode(_post(title, summary, tags, author, body), encoding)
    )
    (content / "posts" / "plain.md").write_bytes(
        b"" if empty else _encode(_post("Plain", "A summary", "x", "Someone", "Text."), "utf-8")
    )
    pelican = Path(sys.executable).parent / "pelican"
    NO_CARD = ("-e", 'BLOGCORE_DEFAULT_IMAGE=""')
    result = subprocess.run(
        # no images/ here: no social card either (else one more error line, about the config)
        [str(pelican), "-s", str(DEV_CONF), "-o", str(base / "out"), str(content), *NO_CARD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        env={**os.environ, "SITEURL": SITEURL, "COLUMNS": "300"},
        timeout=300,
    )
    log = result.stdout + result.stderr
    assert "Traceback" not in log, log
    for line in log.splitlines():
        if "ERROR" in line or "CRITICAL" in line:
            assert "posts/hostile.md" in line or "posts/plain.md" in line, line
    assert result.returncode == 0, log
    _assert_escaped(base / "out")
