"""The gates of `invoke check`, each on a fixture site seeded with one problem of its kind."""

import json
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from sitecheck import lint
from sitecheck.__main__ import main, run_gate
from sitecheck.common import Context
from tests.conftest import FIXTURES, PUBLISH_CONF, ROOT, TEST_SITEURL, tool_missing

GPS_IFD = 0x8825


def _findings(site, gate: str, log: Path | None = None) -> list[str]:
    ctx = Context(site.output, TEST_SITEURL, content=site.content, build_log=log)
    return [str(f) for f in run_gate(gate, ctx).findings]


def _log(caplog, path: Path) -> Path:
    """The build's WARNING+ records as sitecheck.build writes them."""
    lines = [
        json.dumps({"level": r.levelname, "message": r.getMessage()})
        for r in caplog.records
        if r.levelno >= logging.WARNING
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


POST = "Title: {title}\nDate: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n\n{body}\n"


def test_lint_unknown_key_with_did_you_mean(build_site, caplog, tmp_path):
    post = "Title: Typo\nDate: 2024-05-01\nCategory: Company\nSeries_indx: 2\n"
    post += "Author: Ada Byrne\n\nText.\n"
    site = build_site({"posts/typo-key.md": post})
    found = _findings(site, "lint", _log(caplog, tmp_path / "log.jsonl"))
    assert [f for f in found if "typo-key.md" in f] == [
        "content-0/posts/typo-key.md: unknown key 'Series_indx' is ignored "
        "(did you mean Series_index?) (build warning)"
    ]


def test_unknown_keys_of_team_files_are_not_ours_to_report(build_site, caplog):
    build_site()
    assert not [r for r in caplog.records if "unknown key 'Role'" in r.getMessage()]


def test_lint_bad_date_names_file_and_key(build_site, caplog, tmp_path):
    post = "Title: Someday\nDate: next tuesday-ish\nAuthor: Ada Byrne\n\nText.\n"
    site = build_site({"posts/someday.md": post})
    found = _findings(site, "lint", _log(caplog, tmp_path / "log.jsonl"))
    assert any(
        f.startswith("content-0/posts/someday.md: Date must be a date like")
        and "(build error)" in f
        for f in found
    ), found


def test_lint_unknown_author(build_site, caplog, tmp_path):
    site = build_site({"posts/guest.md": POST.format(title="Guest", body="Hi.").replace(
        "Ada Byrne", "Ada Byrnne"
    )})  # fmt: skip
    found = _findings(site, "lint", _log(caplog, tmp_path / "log.jsonl"))
    assert any(f.startswith("content-0/posts/guest.md: ") and "Ada Byrnne" in f for f in found)


def test_lint_missing_title_and_empty_post(build_site, tmp_path):
    site = build_site(
        {
            "posts/no-title.md": "Date: 2024-05-01\nAuthor: Ada Byrne\n\nText without a title.\n",
            "posts/blank.md": "",
            "posts/no-body.md": "Title: Nothing yet\nDate: 2024-05-01\nAuthor: Ada Byrne\n\n",
        }
    )
    found = _findings(site, "lint")
    assert (
        "content-0/posts/no-title.md: has no Title (write 'Title: ...' on the first line)" in found
    )
    assert any(f.startswith("content-0/posts/blank.md: is empty") for f in found)
    assert "content-0/posts/no-body.md: has no text after its front matter (an empty post)" in found


def test_lint_image_without_alt_text(build_site):
    body = 'Intro.\n\n![]({static}/images/lamp.svg)\n\n<img src="/x.png">\n'
    site = build_site({"posts/no-alt.md": POST.format(title="No alt", body=body)})
    found = [f for f in _findings(site, "lint") if "no-alt.md" in f]
    assert [f.split(" has no alt")[0] for f in found] == [
        "content-0/posts/no-alt.md: line 8: image {static}/images/lamp.svg",
        "content-0/posts/no-alt.md: line 10: image /x.png",
    ]


def test_lint_reads_posts_at_the_top_of_content_too(build_site):
    body = "Intro.\n\n![](/y.png)\n"
    site = build_site({"top-level.md": POST.format(title="Top", body=body)})  # Pelican's layout
    found = [f for f in _findings(site, "lint") if "top-level.md" in f]
    assert [f.split(" has no alt")[0] for f in found] == [
        "content-0/top-level.md: line 8: image /y.png"
    ]


def test_lint_reads_front_matter_and_files_as_the_build_does(build_site):
    # an adopted blog's posts with YAML front matter were each "has no Title" (the lint stopped
    # at ---), and its .markdown posts were never read (probe X, wagdav/thewagner.net)
    yaml_post = (
        "---\ntitle: Knowing Algorithms\ndate: 2024-05-01 10:00\ncategory: Company\n"
        "author: Ada Byrne\n---\n\nText.\n\n![](/y.png)\n"
    )
    toml_post = (
        '+++\ntitle = "Hugo: a post"\ndate = 2024-05-02T10:00:00\ncategory = "Company"\n'
        'author = "Ada Byrne"\n+++\n\nText.\n'
    )
    untitled = "Date: 2024-05-03\nAuthor: Ada Byrne\n\nText.\n"
    site = build_site(
        {
            "yaml-front.md": yaml_post,
            "posts/toml-front.md": toml_post,
            "posts/old.markdown": POST.format(title="Old", body="Intro.\n\n![](/z.png)\n"),
            "posts/untitled.mkd": untitled,
            "posts/yaml-untitled.md": "---\ndate: 2024-05-04\n---\n\nText.\n",
            "posts/toml-untitled.md": "+++\ndate = 2024-05-05T10:00:00\n+++\n\nText.\n",
        }
    )
    # the build reads these titles
    assert site.soup("posts/knowing-algorithms/").h1.get_text(strip=True) == "Knowing Algorithms"
    assert site.soup("posts/hugo-a-post/").h1.get_text(strip=True) == "Hugo: a post"
    found = [f.split(" has no alt")[0] for f in _findings(site, "lint") if "content-0/" in f]
    # the advice is in the file's own format: a Title: line above a fenced block is no key
    assert sorted(found) == [
        "content-0/posts/old.markdown: line 8: image /z.png",
        "content-0/posts/toml-untitled.md: has no Title (write 'title = \"...\"' inside the "
        "+++ block)",
        "content-0/posts/untitled.mkd: has no Title (write 'Title: ...' on the first line)",
        "content-0/posts/yaml-untitled.md: has no Title (write 'title: ...' inside the --- block)",
        "content-0/yaml-front.md: line 10: image /y.png",
    ]


def test_lint_keeps_the_folder_a_build_line_names():
    # "(build): content/: 59 posts ..." was the line: the path wanted a file's extension
    message = (
        "content/: 59 posts (2013-03-06-hello-world.rst, 2013-05-15-Backup.rst and 57 more) "
        "have no Category: line, so they are filed under 'misc'"
    )
    found = lint.from_log([json.dumps({"level": "WARNING", "message": message})])
    assert [(f.page, f.message.split(" (")[0]) for f in found] == [("content/", "59 posts")]


def test_lint_reads_front_matter_without_importing_pelican():
    # the gates read files: the build's reader of fenced front matter is imported as every
    # other module imports it (it was loaded a second time, as sitecheck._blogcore.fenced,
    # to keep blogcore's package, which imported Pelican, from running), and no Pelican comes
    code = (
        "import sys; from sitecheck import lint; "
        "keys, body, first = lint.split_front_matter('---\\ntitle: \"A: B\"\\n---\\n\\nText\\n'); "
        "from plugins.blogcore import fenced; "
        "twins = [n for n in sys.modules if n.endswith('.fenced') and sys.modules[n] is not"
        " fenced]; "
        "print(keys, first, 'pelican' in sys.modules, twins)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["{'title':", "'A:", "B'}", "4", "False", "[]"], done.stderr


def _publish_with_log(content: Path, output: Path, log: Path) -> subprocess.CompletedProcess:
    """A publish build as `make check` runs it (sitecheck.build), its log recorded."""
    extra = {
        "SITEURL": TEST_SITEURL,
        "CACHE_PATH": str(output.parent / ".cache"),
        "REDIRECTS_PUBLISHED": "",
        "ANALYTICS_ENABLED": False,
        "WEBMENTIONS_SEND": False,
    }
    command = [sys.executable, "-m", "sitecheck.build", str(log), "-s", str(PUBLISH_CONF)]
    command += ["-o", str(output), str(content), "--log-handler", "plain", "-e"]
    command += [f"{key}={json.dumps(value)}" for key, value in extra.items()]
    env = {**os.environ, "SITECHECK_LINT_LISTS": "1"}  # as make check runs it, with the lint
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_missing_title_and_an_image_without_alt_text_are_one_line_each(tmp_path, capsys):
    # make check said each three times: the publish build's console, the build's line in the
    # lint gate, then the lint's own reading of the source ("has no Title (write 'Title: ...'
    # on the first line)")
    content = tmp_path / "content-once"
    shutil.copytree(FIXTURES / "site", content)
    (content / "posts" / "untitled-once.md").write_text(
        "Date: 2024-05-01\nAuthor: Ada Byrne\n\nText without a title.\n", encoding="utf-8"
    )
    body = "Intro.\n\n![]({static}/images/lamp.svg)\n"
    (content / "posts" / "no-alt-once.md").write_text(
        POST.format(title="No alt once", body=body), encoding="utf-8"
    )
    log = tmp_path / "build-log.jsonl"
    built = _publish_with_log(content, tmp_path / "site", log)
    assert built.returncode == 1, built.stderr  # a publish stops on both
    # the lint gate lists them: the build's console does not say them first
    said = built.stdout + built.stderr
    assert "untitled-once" not in said and "no-alt-once" not in said, said
    assert "Build failed" in said  # what stopped it is still said
    args = [str(tmp_path / "site"), TEST_SITEURL, "--content", str(content), "--only", "lint"]

    def lines(*more: str) -> dict[str, list[str]]:
        main([*args, *more])
        said = capsys.readouterr().out.splitlines()
        return {name: [line for line in said if name in line] for name in ("untitled", "no-alt")}

    found = lines("--build-log", str(log))
    assert [len(found["untitled"]), len(found["no-alt"])] == [1, 1], found
    assert found["untitled"][0].endswith("(build error) [lint]")
    assert "line 8: the image" in found["no-alt"][0] and "(build error)" in found["no-alt"][0]
    # without the build's log (python -m sitecheck --only lint on a built site) the lint reads
    # the sources for them itself: still one line each
    found = lines()
    assert found == {
        "untitled": [
            "content-once/posts/untitled-once.md: has no Title (write 'Title: ...' on the first "
            "line) [lint]"
        ],
        "no-alt": [
            "content-once/posts/no-alt-once.md: line 8: image {static}/images/lamp.svg has no alt "
            "text that describes it (describe it between the brackets: "
            "![what it shows]({static}/images/lamp.svg)) [lint]"
        ],
    }


def _linted(body: str) -> list[str]:
    """The lint's own lines for a Markdown post whose text is ``body``."""
    return lint.lint_text("posts/lamp.md", POST.format(title="Lamp", body=body).encode())


@pytest.mark.parametrize(
    ("image", "copied"),
    [
        # "say what it shows: ![A stone farmhouse](...)": copied as it stood, a false
        # description published, and "..." in place of the picture's address
        (
            "![]({static}/images/lamp.svg)",
            lambda image, advice: advice,  # the image, as the writer finds it, replaced
        ),
        # an <img> told a Markdown image lost its width when replaced: its attribute is added
        (
            '<img src="/images/lamp.svg" width="40">',
            lambda image, advice: image.replace("<img ", f"<img {advice} "),
        ),
    ],
    ids=["markdown", "img"],
)
def test_the_lints_alt_text_example_is_a_placeholder_named_again_if_copied(image, copied):
    [said] = _linted(f"Intro.\n\n{image}\n")
    advice = re.search(r"(?:brackets|tag): (.*)\)$", said)
    assert advice, said
    assert "what it shows" in advice[1]
    kept = copied(image, advice[1])
    assert "lamp.svg" in kept and ("width" in kept) == ("width" in image)  # nothing lost
    # kept as it stands, the placeholder is named again, never published as a description
    assert _linted(f"Intro.\n\n{kept}\n") == [said]
    # the writer's own words in its place: no line
    assert _linted(f"Intro.\n\n{kept.replace('what it shows', 'A brass desk lamp')}\n") == []


def _jpeg_with_gps(path: Path) -> None:
    image = Image.new("RGB", (40, 30), "teal")
    exif = image.getexif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 27.0, 3.6), 3: "W", 4: (2.0, 35.0, 13.2)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif)


def test_lint_source_photo_with_gps(build_site, tmp_path):
    site = build_site()
    _jpeg_with_gps(site.content / "team" / "photos" / "located.jpg")
    Image.new("RGB", (10, 10)).save(site.content / "team" / "photos" / "clean.jpg")
    found = [f for f in _findings(site, "lint") if "GPS" in f]
    assert len(found) == 1 and found[0].startswith("content-0/team/photos/located.jpg: carries")


@pytest.mark.parametrize("name", ["walk.jpg_original", "walk.jpg~", "walk"])
def test_lint_a_photo_under_another_name_with_gps(build_site, name):
    # exiftool's backup of the cleaned photo (the GPS line's own command kept one): in the
    # repository with the position, and the gate looked at photo suffixes only
    site = build_site()
    _jpeg_with_gps(site.content / "images" / name)
    (site.content / "images" / "notes.txt").write_text("II* is not a photo\n")
    found = [f for f in _findings(site, "lint") if "GPS" in f]
    assert len(found) == 1 and found[0].startswith(f"content-0/images/{name}: carries")
    assert "exiftool -overwrite_original -gps:all= FILE" in found[0]


def test_links_broken_link_and_anchor(build_site):
    body = "See [gone](/posts/nowhere/) and [the top](#no-such-anchor)."
    site = build_site({"posts/linky.md": POST.format(title="Linky", body=body)})
    found = _findings(site, "links")
    assert any(f.startswith("posts/linky/index.html: broken link /posts/nowhere/") for f in found)
    assert any(f.startswith("posts/linky/index.html: broken anchor #no-such-anchor") for f in found)


def test_html_validator_error(build_site):
    if shutil.which("java") is None:
        tool_missing("no Java: install a Java 17 runtime for the Nu validator")
    body = '<p id="twice">one</p>\n\n<p id="twice">two</p>'
    site = build_site({"posts/dup-id.md": POST.format(title="Dup", body=body)})
    found = _findings(site, "html")
    assert any(
        re.fullmatch(r"posts/dup/index.html: line \d+: Duplicate ID 'twice'\.", f) for f in found
    ), found
    assert all(f.endswith("Duplicate ID 'twice'.") for f in found), found


_CSP_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Security-Policy" content="{policy}">'
    "<title>t</title></head><body><p>x</p></body></html>"
)


def test_html_knows_csp3_and_todays_css_and_still_finds_mistakes(tmp_path):
    """The current validator: CSP3's 'wasm-unsafe-eval' and aspect-ratio pass; typos do not."""
    if shutil.which("java") is None:
        tool_missing("no Java: install a Java 17 runtime for the Nu validator")
    pages = {
        "search/index.html": "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
        "typo/index.html": "default-src 'none'; script-src 'self' 'wasm-unsafe-evil'",
        "plain/index.html": "default-src 'none'; script-src 'self'",
    }
    for rel, policy in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(_CSP_PAGE.format(policy=policy), encoding="utf-8")
    (tmp_path / "site.css").write_text(
        ".a { aspect-ratio: 2 / 1; }\n.b { aspect-ratoi: 2 / 1; }\n", encoding="utf-8"
    )
    report = run_gate("html", Context(tmp_path, TEST_SITEURL))
    found = sorted(str(f) for f in report.findings)
    assert len(found) == 2, found
    assert found[0].startswith("site.css: line 2: ") and "aspect-ratoi" in found[0], found
    assert found[1].startswith("typo/index.html: ") and "'wasm-unsafe-evil'" in found[1], found


def test_feeds_invalid_atom_and_inexact_sitemap(build_site):
    site = build_site()
    feed = site.output / "feeds" / "all.atom.xml"
    feed.write_text(
        re.sub("<updated>[^<]*</updated>", "", feed.read_text(encoding="utf-8"), count=1)
    )
    (site.output / "feeds" / "broken.atom.xml").write_text("<feed><title>x</feed>")
    (site.output / "orphan").mkdir()
    (site.output / "orphan" / "index.html").write_text("<!DOCTYPE html><title>o</title>")
    found = _findings(site, "feeds")
    assert any(f.startswith("feeds/broken.atom.xml: is not well-formed XML") for f in found)
    assert any(f.startswith("feeds/all.atom.xml: the feed has no <updated>") for f in found)
    assert f"sitemap.xml: misses {TEST_SITEURL}/orphan/ (published as orphan/index.html)" in found


def test_feeds_with_one_id_are_named(build_site):
    site = build_site()
    tag = site.output / "feeds" / "tag" / "offsite.atom.xml"
    own = f"<id>{TEST_SITEURL}/feeds/tag/offsite.atom.xml</id>"
    text = tag.read_text(encoding="utf-8")
    assert own in text
    tag.write_text(text.replace(own, f"<id>{TEST_SITEURL}/feeds/all.atom.xml</id>", 1))
    assert _findings(site, "feeds") == [
        f"feeds/tag/offsite.atom.xml: its <id> {TEST_SITEURL}/feeds/all.atom.xml is "
        "feeds/all.atom.xml's too: feed readers may merge them; give each feed its own (its "
        "address)"
    ]


def test_feeds_pass_on_the_fixture_site(published_site):
    assert _findings(published_site, "feeds") == []


def test_weight_budget(build_site):
    # text that gzip cannot shrink much: 9,000 words drawn from crc32 of their index
    words = " ".join(f"{zlib.crc32(struct.pack('>I', n)):08x}" for n in range(9000))
    site = build_site({"posts/heavy.md": POST.format(title="Heavy", body=words)})
    found = _findings(site, "weight")
    assert len(found) == 1 and found[0].startswith("posts/heavy/index.html: weighs ")
    assert "over the article budget of 30 KB" in found[0]


def test_fast_gates_pass_on_the_fixture_site_and_the_cli_says_so(published_site, capsys):
    args = [str(published_site.output), TEST_SITEURL, "--only", "links,feeds,weight"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "0 findings" in out and "links" in out and "weight" in out


def test_cli_exits_1_on_a_finding_and_prints_one_line_each(build_site, capsys):
    site = build_site({"posts/bad.md": POST.format(title="Bad", body="[x](/nope/)")})
    assert main([str(site.output), TEST_SITEURL, "--only", "links"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        "posts/bad/index.html: broken link /nope/ (nothing is published at /nope/) [links]" in lines
    )


def test_cli_rejects_an_unknown_gate(capsys, tmp_path):
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--only", "lnks"])
    assert "unknown gate 'lnks'" in capsys.readouterr().err
