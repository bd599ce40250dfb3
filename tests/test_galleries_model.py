"""Galleries' pure logic: the sidecar, the order of photos, problems, markers, post images."""

import datetime
import re
import time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from plugins.galleries import model
from plugins.galleries.settings import DEFAULTS, SettingsError, configure
from tests.conftest import ROOT

SIDECAR = """Title: Offsite
Date: 2024-08-29
Summary: Photos.
Cover: b.jpg
Photo: b.jpg | Caption B | Alt B
Photo: a.jpg | Caption A
Photo: c.jpg

The **description**.
"""


def test_sidecar_is_read():
    sidecar, problems = model.parse_sidecar(SIDECAR, "g/gallery.md")
    assert problems == []
    assert sidecar.title == "Offsite"
    assert sidecar.date == datetime.datetime(2024, 8, 29)
    assert sidecar.cover == "b.jpg"
    assert [(p.file, p.caption, p.alt) for p in sidecar.photos] == [
        ("b.jpg", "Caption B", "Alt B"),
        ("a.jpg", "Caption A", ""),
        ("c.jpg", "", ""),
    ]
    assert sidecar.body == "The **description**."


PLUS_ONE = datetime.timezone(datetime.timedelta(hours=1))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-08-29", datetime.datetime(2024, 8, 29)),
        ("2024-08-29 18:30", datetime.datetime(2024, 8, 29, 18, 30)),
        # what a post's Date takes, a gallery's takes (they were errors in gallery.md only)
        ("5 December 2026", datetime.datetime(2026, 12, 5)),
        ("December 5, 2026 9:30pm", datetime.datetime(2026, 12, 5, 21, 30)),
        ("2026-11-05T09:30:00+01:00", datetime.datetime(2026, 11, 5, 9, 30, tzinfo=PLUS_ONE)),
        ("2026-11-05 09:30 +0100", datetime.datetime(2026, 11, 5, 9, 30, tzinfo=PLUS_ONE)),
    ],
)
def test_a_gallery_date_is_read_as_a_post_date_is(written, expected):
    sidecar, problems = model.parse_sidecar(f"Date: {written}\n", "g/gallery.md")
    assert problems == []
    assert sidecar.date == expected
    assert sidecar.date.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text, message",
    [
        ("Date: next week\n", "Date must be a date like 2025-03-14 or 2025-03-14 09:30"),
        ("Date: 2024-02-30\n", "Date must be a date like 2025-03-14 or 2025-03-14 09:30"),
        ("Date: 05-12-2026\n", "day and month could be either way round"),  # as a post's
        ("Date: 2026-12-05 09:30 CEST\n", "write an offset such as"),
        ("Titel: x\n", "line 1: unknown key 'Titel' is ignored (did you mean Title?)"),
        ("Photo: | caption\n", "line 1: Photo needs a file name"),
        ("just some words\n", "line 1: expected 'Key: value'"),
        ("Summary The party\n", "got 'Summary The party' (write Summary: The party); a blank"),
        ("Title: a\nTitle: b\n", "line 2: Title is given twice"),
        ("Lang: english\n", "Lang must be a language code such as en, fr or pt-BR, got 'english'"),
    ],
)
def test_sidecar_problems_name_the_line(text, message):
    _, problems = model.parse_sidecar(text, "content/galleries/g/gallery.md")
    assert len(problems) == 1
    assert str(problems[0]).startswith("content/galleries/g/gallery.md: ")
    assert message in str(problems[0])


@pytest.mark.parametrize(("line", "lang"), [("", ""), ("Lang: cs\n", "cs"), ("Lang: xx\n", "")])
def test_a_gallery_says_its_language(line, lang):
    sidecar, _ = model.parse_sidecar(line + SIDECAR, "g/gallery.md")
    assert sidecar.lang == lang
    gallery, _ = model.assemble(
        "g", "content/galleries/g", sidecar, "g/gallery.md", ["a.jpg", "b.jpg", "c.jpg"]
    )
    assert gallery.lang == lang


def assemble(files, text=SIDECAR, **kw):
    sidecar, _ = model.parse_sidecar(text, "g/gallery.md")
    return model.assemble("g", "content/galleries/g", sidecar, "g/gallery.md", files, **kw)


def test_listed_photos_first_in_order_then_the_rest_by_name():
    gallery, problems = assemble(["photo10.jpg", "a.jpg", "photo9.png", "b.jpg", "c.jpg"])
    assert [p.file for p in gallery.photos] == [
        "b.jpg",
        "a.jpg",
        "c.jpg",
        "photo9.png",
        "photo10.jpg",
    ]
    assert gallery.cover.file == "b.jpg"
    # the caption is the alt text when there is no alt
    assert [p.alt for p in gallery.photos[:2]] == ["Alt B", "Caption A"]
    missing_alt = [p for p in problems if "has no alt text" in p.message]
    assert [p.path for p in missing_alt] == [
        "content/galleries/g/c.jpg",
        "content/galleries/g/photo9.png",
        "content/galleries/g/photo10.jpg",
    ]
    assert not any(p.error for p in missing_alt)


def test_missing_alt_is_an_error_when_required():
    _, problems = assemble(["a.jpg", "b.jpg", "c.jpg"], require_alt=True)
    [problem] = [p for p in problems if "alt" in p.message]
    assert problem.error and problem.path.endswith("/c.jpg")


@pytest.mark.parametrize(
    ("alt", "caption", "said"),
    [
        # the line's own example, copied as it stands (tryB: it published "alt text")
        ("alt text", "caption", " that describes it ('caption' and 'alt text' are placeholders)"),
        ("alt text", "", " that describes it ('alt text' is a placeholder)"),
        ("", "caption", " that describes it ('caption' is a placeholder)"),
        ("", "", ""),
        ("What it shows", "", " that describes it ('What it shows' is a placeholder)"),
    ],
)
def test_a_photo_line_copied_from_the_advice_is_named_again(alt, caption, said):
    _, problems = assemble(["c.jpg"], text="Photo: c.jpg\n", require_alt=True)
    [told] = problems
    advice = str(told).split(": describe ", 1)[1]
    assert "'Photo: c.jpg | caption | alt text' in gallery.md" in advice
    text = f"Photo: c.jpg | {caption} | {alt}\n"  # the writer copies the advice's line
    _, problems = assemble(["c.jpg"], text=text, require_alt=True)
    [again] = problems
    assert str(again) == (
        f"content/galleries/g/c.jpg: has no alt text or caption{said}: describe {advice}"
    )
    assert again.error


def test_a_photo_with_words_of_its_own_is_not_named():
    text = "Photo: c.jpg | caption | The river at dusk\nPhoto: a.jpg | The river |\n"
    gallery, problems = assemble(["a.jpg", "c.jpg"], text=text, require_alt=True)
    assert problems == []
    assert [p.alt for p in gallery.photos] == ["The river at dusk", "The river"]


def test_a_listed_file_that_is_missing_and_files_that_are_not_photos():
    gallery, problems = assemble(
        ["a.jpg", "bb.jpg", "c.jpg", "notes.txt", "clip.gif", "gallery.md"]
    )
    messages = [str(p) for p in problems]
    assert (
        "g/gallery.md: line 5: Photo 'b.jpg' is not in content/galleries/g/"
        " (did you mean 'bb.jpg'?)" in messages
    )
    assert any(m.startswith("content/galleries/g/notes.txt: is not a photo") for m in messages)
    assert any(m.startswith("content/galleries/g/clip.gif: is not a photo") for m in messages)
    assert any(
        "Cover 'b.jpg' is not a photo of this gallery (did you mean 'bb.jpg'?)" in m
        for m in messages
    )
    assert [p.file for p in gallery.photos] == ["a.jpg", "c.jpg", "bb.jpg"]
    assert gallery.cover.file == "a.jpg"
    # bb.jpg has no alt text because its line says b.jpg: that line names it, once
    assert not [m for m in messages if "bb.jpg: has no alt text" in m], messages


@pytest.mark.parametrize("separator", [" - ", ", ", "; ", " – ", "\t"])
def test_a_photo_line_separated_otherwise_says_to_use_pipes_once(separator):
    value = f"c.jpg{separator}Caption C{separator}Alt C"
    gallery, problems = assemble(["a.jpg", "b.jpg", "c.jpg"], SIDECAR.replace("c.jpg", value))
    messages = [str(p) for p in problems]
    assert messages == [
        f"g/gallery.md: line 7: Photo {value!r} is not in content/galleries/g/ (separate its "
        "parts with |: write Photo: c.jpg | caption | alt text)"
    ]  # and not a second line for c.jpg's missing alt text: the same mistake
    assert [p.file for p in gallery.photos] == ["b.jpg", "a.jpg", "c.jpg"]


BACKUP_SAID = (
    "g/gallery.md: line 5: Photo 'b.jpg_original' is a backup exiftool made (the photo as it "
    "was before exiftool changed it, GPS position included), never published"
)


@pytest.mark.parametrize(
    ("files", "said"),
    [
        # the photo exiftool left is there: write its name
        (
            ["a.jpg", "b.jpg", "b.jpg_original", "c.jpg"],
            BACKUP_SAID + ": write 'Photo: b.jpg | Caption B | Alt B'",
        ),
        # only the backup: it is the photo, published without its location once renamed
        (
            ["a.jpg", "b.jpg_original", "c.jpg"],
            BACKUP_SAID + ", and 'b.jpg' is not in content/galleries/g/: rename the backup "
            "b.jpg (a published photo carries no location) and write 'Photo: b.jpg | Caption B "
            "| Alt B'",
        ),
    ],
)
def test_a_photo_line_naming_an_exiftool_backup_says_what_to_write(files, said):
    # it was "is not in content/galleries/g/ (did you mean 'b.jpg'?)": the file is there
    text = SIDECAR.replace("Photo: b.jpg |", "Photo: b.jpg_original |")
    backups = [f for f in files if f.endswith("_original")]
    listed = [f for f in files if f not in backups]
    _, problems = assemble(listed, text, backups=backups)
    assert [(str(p), p.error) for p in problems if "line" in p.message] == [(said, True)]
    # one line: not a second for b.jpg's alt text, which that line's holds
    assert [str(p) for p in problems if "b.jpg" in p.path] == []


def test_a_listed_file_that_is_not_a_photo_is_named_once():
    # the GIF is in the folder: "is not in content/galleries/g/" would send the writer looking
    text = SIDECAR.replace("Photo: c.jpg", "Photo: c.jpg\nPhoto: party.gif | Dancing | People")
    _, problems = assemble(["a.jpg", "b.jpg", "c.jpg", "party.gif"], text)
    named = [str(p) for p in problems if "party.gif" in str(p)]
    assert named == [
        "content/galleries/g/party.gif: is not a photo this gallery can show (use JPEG, PNG, "
        "WebP, AVIF, TIFF or HEIC); skipped"
    ]


@pytest.mark.parametrize(
    ("linked", "named"),
    [
        ((), ["plan.pdf", "party.gif"]),
        # the description links the PDF: published as a download, not skipped
        (("plan.pdf",), ["party.gif"]),
        # a Photo: line names the GIF: it is named as not a photo, linked or not
        (("plan.pdf", "party.gif"), ["party.gif"]),
    ],
)
def test_a_linked_file_that_is_not_a_photo_is_not_named_skipped(linked, named):
    text = SIDECAR.replace("Photo: c.jpg", "Photo: c.jpg\nPhoto: party.gif | Dancing | People")
    gallery, problems = assemble(
        ["a.jpg", "b.jpg", "c.jpg", "party.gif", "plan.pdf"], text, linked=linked
    )
    said = [str(p).split(":")[0].rpartition("/")[2] for p in problems if "not a photo" in str(p)]
    assert sorted(said) == sorted(named)
    assert [p.file for p in gallery.photos] == ["b.jpg", "a.jpg", "c.jpg"]


@pytest.mark.parametrize(
    ("html", "stray"),
    [
        ("<p>{gallery}offsite</p>", []),  # a marker: replaced by the gallery
        ("<p>See {gallery}offsite.</p>", ["{gallery}offsite"]),
        ("<p>{Gallery}offsite</p>", ["{Gallery}offsite"]),
        ("<ul><li>{gallery}a</li></ul>", ["{gallery}a"]),
        ("<p>Write <code>{gallery}slug</code> alone</p>", []),  # showing the syntax
        ("<pre><code>{gallery}x\n</code></pre>", []),
        ("<p>nothing</p>", []),
    ],
)
def test_stray_markers(html, stray):
    assert model.stray_markers(html) == stray


def test_without_a_sidecar_the_title_comes_from_the_folder():
    gallery, problems = model.assemble(
        "easton-table-dinner", "f", model.Sidecar(), "f/gallery.md", ["1.jpg"]
    )
    assert gallery.title == "Easton table dinner"
    assert [p.file for p in gallery.photos] == ["1.jpg"]
    assert len(problems) == 1  # no alt text


def test_an_empty_gallery_is_reported():
    _, problems = model.assemble("e", "content/galleries/e", model.Sidecar(), "s", [])
    assert [str(p) for p in problems] == [
        "content/galleries/e/: has no photos (JPEG, PNG, WebP, AVIF, TIFF or HEIC); no page written"
    ]


def test_index_order_newest_first_undated_last():
    a = model.Gallery("a", "A", datetime.datetime(2024, 1, 1))
    b = model.Gallery("b", "B", datetime.datetime(2025, 1, 1))
    c = model.Gallery("c", "C")
    assert [g.slug for g in sorted([c, a, b], key=model.sort_key)] == ["b", "a", "c"]


@pytest.mark.parametrize(
    "html, slugs",
    [
        ("<p>{gallery}offsite-2024</p>", ["offsite-2024"]),
        (
            "<p>{gallery} offsite-2024 </p>\n<p>x</p><p>{gallery}galleries/b/</p>",
            ["offsite-2024", "b"],
        ),
        ("<p>See {gallery}x in the text</p>", []),  # only a line of its own
        ("<pre><code>{gallery}x</code></pre>", []),
    ],
)
def test_markers(html, slugs):
    assert model.markers(html) == slugs


def test_replace_markers():
    html = "<p>a</p>\n<p>{gallery}one</p>\n<p>b</p>"
    assert model.replace_markers(html, lambda s: f"<section>{s}</section>") == (
        "<p>a</p>\n<section>one</section>\n<p>b</p>"
    )


@pytest.mark.parametrize(
    ("html", "tags", "attrs"),
    [
        ('<p><img alt="A" src="{static}/a.jpg"></p>', ['<img alt="A" src="{static}/a.jpg">'], None),
        (  # a > in a value is not the end of the tag; values as the sanitiser writes them
            '<p><img alt="a > b" title="x>y &amp; &quot;z&quot;" src="{static}/b.jpg"></p>',
            ['<img alt="a > b" title="x>y &amp; &quot;z&quot;" src="{static}/b.jpg">'],
            {"alt": "a > b", "title": "x>y &amp; &quot;z&quot;", "src": "{static}/b.jpg"},
        ),
        (
            '<p>one</p>\n<p><img src="{static}/c.png" alt="C">\n<img src="{static}/d.webp"></p>',
            ['<img src="{static}/c.png" alt="C">', '<img src="{static}/d.webp">'],
            None,
        ),
        (
            '<p><img src="{static}/a%20b.jpg?x=1&amp;y=2"></p>',
            ['<img src="{static}/a%20b.jpg?x=1&amp;y=2">'],
            None,
        ),
        ('<!-- <img src="{static}/e.jpg"> --><p>x</p>', [], None),
        ('<pre><code>&lt;img src="{static}/f.jpg"&gt;</code></pre>', [], None),
        # the writer's own <picture>: left alone, and what follows it is not in it
        (
            '<picture><source srcset="a.webp"><img src="{static}/g.jpg"></picture>'
            '<img src="{static}/h.jpg">',
            ['<img src="{static}/h.jpg">'],
            None,
        ),
        # an end tag closes what is open inside its element, a <picture> too (as
        # beautifulsoup4 reads it); an <img>'s own end tag closes nothing
        ('<div><picture></div><img src="{static}/i.jpg">', ['<img src="{static}/i.jpg">'], None),
        (
            '<img src="{static}/j.jpg"/><picture></img><img src="{static}/k.jpg">',
            ['<img src="{static}/j.jpg"/>'],
            None,
        ),
        ('<picture/><img src="{static}/l.jpg">', ['<img src="{static}/l.jpg">'], None),
        ("<IMG SRC='{static}/m.jpg' ALT=M>", ["<IMG SRC='{static}/m.jpg' ALT=M>"], None),
    ],
)
def test_image_refs_as_written(html, tags, attrs):
    refs = model.image_refs(html, "posts")
    assert [r.tag for r in refs] == tags
    assert all(r.tag in html for r in refs)
    if attrs is not None:
        assert dict(refs[0].attrs) == attrs


@pytest.mark.parametrize(
    ("html", "replaced"),
    [
        ("<p>{gallery}one</p>", "[one]"),
        ("<p>\n  {gallery}  two\n</p>\n<p>{gallery}x y</p>", "[two]\n<p>{gallery}x y</p>"),
        ('<p class="c">{gallery}three</p>', '<p class="c">{gallery}three</p>'),
        ("<p>{gallery}<em>four</em></p>", "<p>{gallery}<em>four</em></p>"),
        ("<!-- <p>{gallery}five</p> -->", "<!-- <p>{gallery}five</p> -->"),
        ("<p>{gallery}</p>", "[]"),  # an empty slug: the generator reports it
    ],
)
def test_replace_markers_table(html, replaced):
    assert model.replace_markers(html, lambda slug: f"[{slug}]") == replaced


def test_image_refs_only_raster_images_of_the_content_folder():
    html = (
        '<p><img alt="A" src="{static}/images/a.jpg"></p>'
        '<p><img alt="B" src="{static}../images/b.PNG" title="t"></p>'
        '<img alt="C" src="{static}/images/c.svg">'
        '<img alt="D" src="https://example.org/d.jpg">'
        '<img alt="E" src="|static|/images/e.webp">'
        '<img alt="F" src="{attach}f.jpg">'
        '<img alt="G" src="|attach|2024/g.jpg">'
    )
    refs = model.image_refs(html, "posts")
    assert [r.path for r in refs] == [
        "images/a.jpg",
        "images/b.PNG",
        "images/e.webp",
        "posts/f.jpg",
        "posts/2024/g.jpg",
    ]
    assert dict(refs[1].attrs)["title"] == "t"
    # an {attach}ed original still moves next to its post once the image becomes a <picture>
    assert [r.kind for r in refs] == ["static", "static", "static", "attach", "attach"]


def test_settings_defaults_and_errors():
    merged = configure({})
    assert merged["GALLERY_PATH"] == "galleries"
    assert merged["GALLERY_WIDTHS"] == DEFAULTS["GALLERY_WIDTHS"]
    with pytest.raises(SettingsError, match="did you mean GALLERY_WIDTHS"):
        configure({"GALLERY_WIDHTS": (1,)})
    with pytest.raises(SettingsError, match="GALLERY_FORMATS must name each format once"):
        configure({"GALLERY_FORMATS": ("webp",)})
    with pytest.raises(SettingsError, match="cannot write AVIF"):
        configure({}, encoder_available=lambda f: f != "avif")
    with pytest.raises(SettingsError, match="unknown format 'heic'"):
        configure({"GALLERY_FORMATS": ("heic", "jpeg")}, known_formats=("jpeg", "webp"))
    with pytest.raises(SettingsError, match="GALLERY_REQUIRE_ALT must be True or False"):
        configure({"GALLERY_REQUIRE_ALT": "yes"})
    with pytest.raises(SettingsError, match="GALLERY_WIDTHS must be a list of widths"):
        configure({"GALLERY_WIDTHS": (0,)})
    with pytest.raises(SettingsError, match="GALLERY_URL must contain"):
        configure({"GALLERY_URL": "galleries/"})


@pytest.mark.parametrize(
    ("width", "height", "name"),
    [
        (3000, 2000, "r150"),  # 3:2, a camera
        (2000, 3000, "r67"),  # 2:3, the same camera turned
        (4032, 3024, "r133"),  # 4:3, a phone
        (3024, 4032, "r75"),  # 3:4
        (1920, 1080, "r178"),  # 16:9
        (1080, 1920, "r56"),  # 9:16, a phone's story
        (1080, 1350, "r79"),  # 4:5
        (1000, 1000, "r100"),
        (1010, 1000, "r100"),  # near enough square
        (3000, 1000, "r300"),  # a panorama
        (9000, 1000, "r400"),  # wider than 4:1 is shown as 4:1
        (1000, 9000, "r25"),
        (0, 0, "r100"),  # unknown size: square
    ],
)
def test_ratio_class_is_the_nearest_step(width, height, name):
    assert model.ratio_name(model.ratio_step(width, height)) == name
    photo = model.Photo("x.jpg", picture=SimpleNamespace(width=width, height=height))
    if width and height:
        assert photo.ratio_class == name
        step = model.step_ratio(model.ratio_step(width, height))
        if 0.25 <= width / height <= 4:
            assert abs(step / (width / height) - 1) < 0.03  # under 3 % off


def test_gallery_css_has_one_rule_per_step_of_the_scale():
    css = (ROOT / "theme" / "assets" / "css" / "gallery.css").read_text(encoding="utf-8")
    found = re.findall(
        r"\.gallery__item--(r\d+) \{ flex-grow: ([\d.]+); "
        r"flex-basis: calc\(([\d.]+) \* var\(--gallery-row\)\); \}",
        css,
    )
    assert all(grow == basis for _, grow, basis in found)
    rules = {name: grow for name, grow, _ in found}
    scale = model.ratio_scale()
    assert len({name for name, _ in scale}) == len(scale) == 49
    assert {name: float(value) for name, value in rules.items()} == dict(scale)


@pytest.mark.parametrize(
    ("line", "status", "error"),
    [
        ("", "published", False),
        ("Status: draft\n", "draft", False),
        ("Status: Hidden\n", "hidden", False),
        ("Status: drfat\n", "draft", True),  # a typo is kept out, as a draft, and named
    ],
)
def test_status(line, status, error):
    sidecar, problems = model.parse_sidecar(f"Title: T\n{line}Photo: a.jpg | A | An a\n", "g.md")
    assert sidecar.status == status
    assert [p.error for p in problems] == ([True] if error else [])
    if error:
        assert "did you mean 'draft'?" in problems[0].message


NOW = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("status", "date", "drafts_written", "expected"),
    [
        ("published", None, False, model.LISTED),
        ("hidden", None, False, model.UNLISTED),
        ("draft", None, True, model.UNLISTED),  # previewed in a development build
        ("draft", None, False, model.WITHHELD),  # a publish build: no page, no photo
        ("published", datetime.datetime(2027, 5, 1), False, model.WITHHELD),
        ("published", datetime.datetime(2027, 5, 1), True, model.UNLISTED),
        ("published", datetime.datetime(2026, 12, 1), False, model.LISTED),
    ],
)
def test_visibility(status, date, drafts_written, expected):
    gallery = model.Gallery("g", "G", date=date, status=status)
    assert model.visibility(gallery, NOW, drafts_written) == expected


@pytest.mark.parametrize(
    ("status", "drafts_written", "expected"),
    [
        ("published", False, model.LISTED),  # was withheld: a post dated ahead is published
        ("published", True, model.LISTED),  # was a preview with a "Scheduled" banner
        ("draft", False, model.WITHHELD),  # Status: draft still keeps it out
        ("hidden", False, model.UNLISTED),
    ],
)
def test_with_future_dates_a_gallery_dated_ahead_is_out_as_a_post_is(
    status, drafts_written, expected
):
    gallery = model.Gallery("g", "G", date=datetime.datetime(2027, 5, 1), status=status)
    assert model.visibility(gallery, NOW, drafts_written, future_dates=True) == expected
    assert bool(model.not_out_yet(gallery, NOW, future_dates=True)) == (status == "draft")


LONDON_NOW = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    ("written", "status", "strict", "expected"),
    [
        # a post's lines for a gallery's Date (probe 25, finding 5): an error only in a
        # strict (publish) build of a gallery it publishes
        ("Monday 29 March 2026 01:30", "published", True, [True, True]),
        ("Monday 29 March 2026 01:30", "published", False, [False, False]),
        ("Monday 29 March 2026 01:30", "draft", True, [False, False]),
        ("2026-10-25 01:30", "published", True, [True]),  # shown twice in London
        ("Monday 5 January 2029", "published", True, [False]),  # a Friday, not out yet
        ("Sunday 29 March 2026 03:00", "published", True, []),
        ("2026-03-29 01:30+00:00", "published", True, []),  # an offset says which
    ],
)
def test_a_gallery_date_is_checked_by_the_post_rules(written, status, strict, expected):
    sidecar, problems = model.parse_sidecar(
        f"Date: {written}\nStatus: {status}\nPhoto: a.jpg | A | An a\n", "g/gallery.md"
    )
    assert problems == []
    gallery = model.Gallery("g", "G", date=sidecar.date, status=sidecar.status)
    found = model.date_problems(sidecar, gallery, "g/gallery.md", LONDON_NOW, strict)
    assert [p.error for p in found] == expected
    assert all(str(p).startswith("g/gallery.md: Date ") for p in found), found


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("ofsite-2024", ["offsite-2024"], " (did you mean 'offsite-2024'?)"),
        ("IMG_1243.jpg", ["IMG_1234.jpg", "IMG_2001.jpg"], " (did you mean 'IMG_1234.jpg'?)"),
        ("new-office-2026", ["offsite-2024"], ""),  # another gallery, not a typo of this one
    ],
)
def test_suggest(name, known, expected):
    assert model.suggest(name, known) == expected


@pytest.mark.parametrize(
    ("src", "site_folder", "found"),
    [
        # an address from the site's root, as Jekyll and Hugo sites write pictures
        ("/images/lamp.jpg", "", ("images/lamp.jpg", "root")),
        ("/images/trip/../lamp.PNG?v=2", "", ("images/lamp.PNG", "root")),
        ("/blog/images/lamp.jpg", "/blog", ("images/lamp.jpg", "root")),
        ("/blog/images/lamp.jpg", "/blog/", ("images/lamp.jpg", "root")),
        ("/images/lamp.jpg", "/blog", None),  # outside the site's folder: another site's
        ("//cdn.example.org/lamp.jpg", "", None),  # another host
        ("/images/lamp.svg", "", None),
        ("images/lamp.jpg", "", None),  # relative: blogcore's link check says what to write
        ("{static}/images/lamp.jpg", "/blog", ("images/lamp.jpg", "static")),
    ],
)
def test_image_refs_from_the_sites_root(src, site_folder, found):
    refs = model.image_refs(f'<p><img alt="A lamp" src="{src}"></p>', "posts", site_folder)
    assert [(r.path, r.kind) for r in refs] == ([found] if found else [])


PACIFIC = datetime.timezone(-datetime.timedelta(hours=8))


@pytest.mark.parametrize("machine", ["America/Los_Angeles", "Asia/Tokyo", "UTC"])
def test_the_index_reads_a_date_without_an_offset_in_the_sites_zone(machine, monkeypatch):
    # a Date without an offset was read in the machine's zone (datetime.timestamp): mixed
    # with offset-dated galleries, the index order changed with the machine building it
    monkeypatch.setenv("TZ", machine)
    time.tzset()
    try:
        london = ZoneInfo("Europe/London")
        galleries = [
            model.Gallery("naive", "Naive", date=datetime.datetime(2026, 11, 5, 23, 30)),
            # 23:15 in London: a quarter of an hour before the naive one
            model.Gallery(
                "before", "Before", date=datetime.datetime(2026, 11, 5, 15, 15, tzinfo=PACIFIC)
            ),
            # 00:15 on the 6th in London: after it
            model.Gallery(
                "after", "After", date=datetime.datetime(2026, 11, 6, 0, 15, tzinfo=datetime.UTC)
            ),
            model.Gallery("undated", "Undated"),
        ]
        ordered = sorted(galleries, key=lambda gallery: model.sort_key(gallery, london))
        assert [g.slug for g in ordered] == ["after", "naive", "before", "undated"]
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    ("zone", "expected", "problem"),
    [
        ("America/New_York", "2024-06-01T23:30:00-04:00", None),
        ("", "2024-06-01T23:30:00", None),  # the site's TIMEZONE, applied where it is read
        (
            "America/New_Yrok",
            "2024-06-01T23:30:00",
            "x/gallery.md: Timezone must be a time zone name such as 'America/New_York' or "
            "'UTC', got 'America/New_Yrok' (did you mean 'America/New_York'?); the site's "
            "TIMEZONE is used",
        ),
    ],
)
def test_a_gallery_timezone_places_a_date_without_an_offset(zone, expected, problem):
    text = f"Title: Trip\nDate: 2024-06-01 23:30\nTimezone: {zone}\nPhoto: a.jpg | A | An a\n"
    sidecar, problems = model.parse_sidecar(text, "x/gallery.md")
    assert [str(p) for p in problems] == ([problem] if problem else [])
    assert all(p.error for p in problems)
    assert model.local_date(sidecar).isoformat() == expected
