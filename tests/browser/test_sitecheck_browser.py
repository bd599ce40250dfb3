"""The browser gates of `invoke check` (axe-core, Lighthouse) on fixture sites seeded with a
problem. The sample site's full run is `make check` in .ci/run and the pull-request workflow."""

import shutil

from sitecheck.a11y import check_pages as axe_check
from sitecheck.common import NODE_BIN
from sitecheck.lighthouse import check_pages as lighthouse_check
from sitecheck.serve import serve
from tests.conftest import TEST_SITEURL, tool_missing

POST = "Title: {title}\nDate: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n\n{body}\n"


def test_axe_finds_an_image_without_alt_in_both_schemes_and_widths(browser, build_site, axe_script):
    # an image a development build keeps without alt text (the build names it; a link with no
    # text, seeded here before, is now taken out of the page by the sanitiser)
    body = 'Text.\n\n<img src="/images/no-alt.svg">\n'
    site = build_site({"posts/no-alt.md": POST.format(title="No alt", body=body)})
    with serve(site.output, TEST_SITEURL) as origin:
        findings, runs = axe_check(browser, origin, ["posts/no-alt/index.html"])
    found = [str(f) for f in findings]
    assert runs == 4
    assert len(found) == 4 and all("axe image-alt (critical)" in f for f in found), found
    assert {f.rsplit("[", 1)[1] for f in found} == {
        "light, 375 px]", "light, 1280 px]", "dark, 375 px]", "dark, 1280 px]"
    }  # fmt: skip


def test_axe_passes_the_fixture_home_page(browser, build_site, axe_script):
    site = build_site(publish=True)
    with serve(site.output, TEST_SITEURL) as origin:
        findings, _ = axe_check(browser, origin, ["index.html"])
    assert [str(f) for f in findings] == []


def test_lighthouse_scores_an_image_without_alt_below_100(build_site, browser_type_launch_args):
    if not shutil.which("node") or not (NODE_BIN / "lighthouse").is_file():
        tool_missing("Lighthouse is not installed: install Node.js and run `npm ci`")
    body = 'Text.\n\n<img src="/images/lamp.svg" width="40" height="40">\n'
    # the build names the image and a publish stops on it: built anyway, for Lighthouse
    site = build_site(
        {"posts/no-alt.md": POST.format(title="No alt", body=body)},
        publish=True,
        BLOGCORE_STRICT=False,
    )
    findings, figures = lighthouse_check(site.output, TEST_SITEURL, ["posts/no-alt/index.html"])
    found = [str(f) for f in findings]
    assert any(
        f.startswith("posts/no-alt/index.html: Lighthouse accessibility ") and "image-alt" in f
        for f in found
    ), (found, figures)
