"""covers' pure logic: which file is a post's cover, and what a bad Cover: key says."""

import pytest

from plugins.covers import model, settings, signals

FILES = {
    "images/cover.jpg",
    "images/photo.png",
    "images/diagram.svg",
    "posts/beside.webp",
    "images/b c.jpg",
}


def exists(path: str) -> bool:
    return path in FILES


@pytest.mark.parametrize(
    ("key", "sources", "gallery", "origin", "path", "problem"),
    [
        # Cover: given, in each spelling
        ("images/cover.jpg", [], False, "key", "images/cover.jpg", ""),
        ("{static}/images/cover.jpg", [], False, "key", "images/cover.jpg", ""),
        ("{static}images/cover.jpg", [], False, "key", "images/cover.jpg", ""),
        ("/images/cover.jpg", [], True, "key", "images/cover.jpg", ""),
        # the key wins over the text's images and the gallery
        ("images/cover.jpg", ["{static}/images/photo.png"], True, "key", "images/cover.jpg", ""),
        # no key: the first raster image in the text
        (None, ["{static}/images/photo.png", "{static}/images/cover.jpg"], True, "content",
         "images/photo.png", ""),
        (None, ["beside.webp"], False, "content", "posts/beside.webp", ""),
        (None, ["{attach}beside.webp"], False, "content", "posts/beside.webp", ""),
        (None, ["../images/b%20c.jpg"], False, "content", "images/b c.jpg", ""),
        # the first SVG is passed over: the next raster image, else the gallery, else none
        (None, ["{static}/images/diagram.svg", "{static}/images/photo.png"], False, "content",
         "images/photo.png", ""),
        (None, ["{static}/images/diagram.svg"], True, "gallery", "", ""),
        (None, ["{static}/images/diagram.svg"], False, None, None, ""),
        # an image on another site, or a missing one, is no cover
        (None, ["https://example.org/a.jpg", "{static}/images/gone.jpg"], False, None, None, ""),
        # a gallery's cover photo
        (None, [], True, "gallery", "", ""),
        # nothing at all: no cover, never a placeholder
        (None, [], False, None, None, ""),
        # a bad key: an error, and the cover the post would have had without it
        ("images/missing.jpg", ["{static}/images/photo.png"], False, "content",
         "images/photo.png", "Cover 'images/missing.jpg' names no file (looked for "
         "content/images/missing.jpg)"),
        ("images/missing.jpg", [], True, "gallery", "", "names no file"),
        ("images/diagram.svg", [], False, None, None, "is an SVG"),
        ("https://example.org/cover.jpg", [], False, None, None,
         "Cover must be a path inside the content folder such as images/cover.jpg, "
         "got 'https://example.org/cover.jpg'"),
        ("../../etc/passwd.jpg", [], False, None, None, "must be a path inside the content"),
        ("", [], False, None, None, "must be a path inside the content"),
        ("images/notes.txt", [], False, None, None, "is not an image"),
        # a path from the project's folder, not the content folder's: what to write instead
        ("content/images/photo.png", [], False, None, None, "(looked for content/content/"
         "images/photo.png): a Cover path starts inside the content folder: write Cover: "
         "images/photo.png"),
    ],
)  # fmt: skip
def test_resolve(key, sources, gallery, origin, path, problem):
    found = model.resolve(key, sources, "posts", gallery, exists)
    if origin is None:
        assert found.choice is None
    else:
        assert found.choice == model.Choice(origin, path)
    if problem:
        assert problem in found.problem
        assert found.problem.startswith("Cover ")
    else:
        assert found.problem == ""


def test_a_file_in_other_capitals_is_found(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cover-three-prices.jpg").write_bytes(b"x")
    found = signals.in_other_capitals(tmp_path, "images/Cover-Three-Prices.jpg")
    assert found == "images/cover-three-prices.jpg"
    assert signals.in_other_capitals(tmp_path, "images/cover-three-prices.jpg") is None
    assert signals.in_other_capitals(tmp_path, "Images") is None  # a folder, not a file
    assert signals.in_other_capitals(tmp_path, "images/other.jpg") is None


def test_a_cover_in_other_capitals_is_suggested():
    def cased(path: str) -> str | None:
        return "images/photo.png" if path.lower() == "images/photo.png" else None

    found = model.resolve("images/Photo.PNG", [], "posts", False, exists, cased=cased)
    assert found.problem == (
        "Cover 'images/Photo.PNG' names no file (looked for content/images/Photo.PNG): did you "
        "mean Cover: images/photo.png? (capitals count: the file's name is written so)"
    )


@pytest.mark.parametrize(
    ("src", "source_dir", "expected"),
    [
        ("{static}/images/a.jpg", "posts/2024", "images/a.jpg"),
        ("{static}images/a.jpg", "posts", "images/a.jpg"),
        ("|static|/images/a.jpg", "posts", "images/a.jpg"),
        ("{attach}a.jpg", "posts/2024", "posts/2024/a.jpg"),
        ("{filename}../images/a.jpg", "posts", "images/a.jpg"),
        ("a.jpg", "posts", "posts/a.jpg"),
        ("/images/a.jpg?v=2#x", "posts", "images/a.jpg"),
        ("../../a.jpg", "posts", None),
        ("//cdn.example.org/a.jpg", "posts", None),
        ("data:image/png;base64,AAAA", "posts", None),
        ("", "posts", None),
    ],
)
def test_content_path(src, source_dir, expected):
    assert model.content_path(src, source_dir) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("", []),
        ("<p>No pictures.</p>", []),
        ('<p><img alt="a" src="{static}/a.svg"><IMG SRC="b.jpg"></p>', ["{static}/a.svg", "b.jpg"]),
        ('<img alt="no source"><img src="c.png">', ["c.png"]),
        ("<pre>&lt;img src=x.jpg&gt;</pre>", []),
    ],
)
def test_image_sources(html, expected):
    assert model.image_sources(html) == expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [((400, 800), True), ([800, 400, 800], True), ((), False), ("800", False), ((0,), False),
     ((True,), False)],
)  # fmt: skip
def test_widths_setting(value, ok):
    if ok:
        assert settings.configure({"COVERS_WIDTHS": value})["COVERS_WIDTHS"] == (400, 800)
    else:
        with pytest.raises(settings.SettingsError, match="COVERS_WIDTHS"):
            settings.configure({"COVERS_WIDTHS": value})


def test_unknown_setting_is_named():
    with pytest.raises(settings.SettingsError, match="did you mean COVERS_WIDTHS"):
        settings.configure({"COVERS_WIDTH": (400,)})


@pytest.mark.parametrize(
    ("html", "cover", "expected"),
    [
        ('<img src="/images/x.jpg"> Words.', "images/x.jpg", ("Words.", ["/images/x.jpg"])),
        (
            '<a href="/k"><img src="{static}images/x.jpg"></a> Words.',
            "images/x.jpg",
            ("Words.", ["{static}images/x.jpg"]),
        ),
        ('<img src="x.jpg"> Words.', "posts/x.jpg", ("Words.", ["x.jpg"])),  # beside the post
        ('<img src="/images/y.jpg"> Words.', "images/x.jpg", None),  # not the cover
        ('<img src="/images/x.jpg">', "images/x.jpg", None),  # nothing else in it
        ("Words only.", "images/x.jpg", None),
    ],
)
def test_without_cover(html, cover, expected):
    assert model.without_cover(html, "posts", cover) == (expected or (html, []))
