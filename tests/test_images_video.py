"""No video is published with the place it was recorded: phone videos made by FFmpeg's own
muxer (PyAV), with the location boxes phones write, built into real sites and read back."""

import io

import av
import numpy as np
import pytest

from plugins.images import video

PLACE = "+37.7858-122.4064+010.000/"
FRAMES = 5


def phone_video(fmt: str, metadata: dict[str, str], options: dict | None = None) -> bytes:
    """A short video (H.264; VP8 in WebM) in an MP4, MOV, 3GP, Matroska or WebM file with
    the given metadata."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=fmt, options=options or {}) as container:
        container.metadata.update(metadata)
        stream = container.add_stream("libvpx" if fmt == "webm" else "h264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(FRAMES):
            pixels = np.full((48, 64, 3), i * 40, np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return buffer.getvalue()


# What phones write, as FFmpeg writes it: QuickTime's ©xyz (Android, iPhone), the 3GPP loci
# box (MP4, 3GP), and an iPhone's keyed metadata (com.apple.quicktime.location.ISO6709).
APPLE = {"movflags": "use_metadata_tags"}
VIDEOS = {
    "android.mov": ("mov", {"location": PLACE, "make": "Fixture Phone"}, None),
    "clip.mp4": ("mp4", {"location": PLACE, "title": "Launch day"}, None),
    "voice.3gp": ("3gp", {"location": PLACE}, None),
    "IMG_0101.MOV": (
        "mov",
        {
            "com.apple.quicktime.location.ISO6709": PLACE,
            "com.apple.quicktime.location.name": "Fixture Street 1",
            "com.apple.quicktime.make": "Apple",
        },
        APPLE,
    ),
    "movie": ("mov", {"location": PLACE}, None),  # no suffix: known by its first bytes
    # FFmpeg copies a phone video's place into the tags of the WebM or Matroska file it
    # converts it to (LOCATION, COM.APPLE.QUICKTIME.LOCATION.ISO6709)
    "talk.webm": (
        "webm",
        {"location": PLACE, "com.apple.quicktime.location.ISO6709": PLACE, "title": "Talk"},
        None,
    ),
    "party.mkv": ("matroska", {"location": PLACE, "title": "Party"}, None),
    # a live recording's file: its segment and clusters have no size
    "stream.webm": ("webm", {"location": PLACE, "title": "Stream"}, {"live": "1"}),
    "film.mp4": ("webm", {"location": PLACE}, None),  # WebM data under an MP4 name
}


def read_back(path) -> tuple[dict[str, str], int]:
    """The metadata FFmpeg reads from a file, and how many frames it decodes."""
    with av.open(path if isinstance(path, io.BytesIO) else str(path)) as container:
        return dict(container.metadata), sum(1 for _ in container.decode(video=0))


def has_place(metadata: dict[str, str]) -> bool:
    return any("location" in key or "37.78" in value for key, value in metadata.items())


@pytest.mark.parametrize("name", VIDEOS)
def test_a_phone_video_is_published_without_its_place(build_site, name):
    fmt, metadata, options = VIDEOS[name]
    data = phone_video(fmt, metadata, options)
    assert has_place(read_back(io.BytesIO(data))[0])  # the fixture does carry one
    built = build_site({f"images/{name}": data}, name=f"video-{name.replace('.', '-')}")
    published = built.output / "images" / name
    kept, frames = read_back(published)
    assert not has_place(kept) and b"37.78" not in published.read_bytes()
    assert frames == FRAMES  # it still plays
    assert published.stat().st_size == len(data)  # every box in place: offsets still valid
    assert {k for k in metadata if "location" not in k} <= set(kept)  # the rest stays
    assert (built.content / "images" / name).read_bytes() == data  # the source keeps it


def _box(kind: bytes, content: bytes, *, wide: bool = False) -> bytes:
    if wide:  # a 64-bit size after the type
        return (1).to_bytes(4, "big") + kind + (16 + len(content)).to_bytes(8, "big") + content
    return (8 + len(content)).to_bytes(4, "big") + kind + content


XMP = b'<x:xmpmeta><rdf:Description exif:GPSLatitude="37,47.1N"/></x:xmpmeta>'
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


@pytest.mark.parametrize(
    ("tail", "emptied", "error"),
    [
        (b"", 0, None),
        (_box(b"uuid", XMP_UUID + XMP), 1, None),  # XMP beside the media (cameras, editors)
        (_box(b"uuid", XMP_UUID + XMP, wide=True), 1, None),
        (_box(b"uuid", bytes(16) + b"see you at " + PLACE.encode()), 0, "keeps the place"),
        (_box(b"Xtra", b"GPSLongitude=122.4"), 0, "keeps the place"),
        (b"\0\0\0\x40mdat", 0, "runs past its end"),  # cut short
        (b"\0\0\0\x01mdat\0\0", 0, "is cut short"),
    ],
)
def test_what_is_taken_out_and_what_is_refused(tmp_path, tail, emptied, error):
    path = tmp_path / "clip.mp4"
    path.write_bytes(phone_video("mp4", {}) + tail)
    result = video.clean(path)
    assert result.emptied == emptied
    assert (result.error is None) if error is None else (error in result.error)
    if emptied:
        assert b"GPS" not in path.read_bytes() and read_back(path)[1] == FRAMES
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_a_video_with_a_place_it_cannot_take_out_stops_a_publish(build_site, caplog):
    data = phone_video("mp4", {}) + _box(b"Xtra", PLACE.encode())
    built = build_site({"images/walk.mp4": data}, name="video-dev")
    assert not (built.output / "images" / "walk.mp4").exists()
    assert any(
        m.startswith("video-dev/images/walk.mp4: keeps the place it was recorded")
        and m.endswith("not published: export it again without location, or remove it")
        for m in caplog.messages
    )
    with pytest.raises(SystemExit):
        build_site({"images/walk.mp4": data}, publish=True, name="video-pub")


def test_a_linked_output_never_changes_its_source(tmp_path):
    source = tmp_path / "source.mov"
    source.write_bytes(phone_video("mov", {"location": PLACE}))
    original = source.read_bytes()
    published = tmp_path / "published.mov"
    published.hardlink_to(source)
    assert video.clean(published).emptied == 1
    assert source.read_bytes() == original and PLACE.encode() not in published.read_bytes()


@pytest.mark.parametrize(
    ("metadata", "cut", "emptied", "error"),
    [
        ({"title": "Nowhere"}, 0, 0, None),
        ({"location-eng": PLACE, "RECORDING_LOCATION": "Fixture Street"}, 0, 2, None),
        ({"where": PLACE}, 0, 0, "keeps the place"),  # a tag of a name no one uses
        ({"location": PLACE}, 40, 0, "cannot be read as a video"),  # cut short
    ],
)
def test_what_is_taken_out_of_a_webm_and_what_is_refused(tmp_path, metadata, cut, emptied, error):
    data = phone_video("webm", metadata)
    path = tmp_path / "clip.webm"
    path.write_bytes(data[: len(data) - cut] if cut else data)
    result = video.clean(path)
    assert (result.emptied, result.error is None) == (emptied, error is None), result
    if error:
        assert error in result.error and path.read_bytes() == data[: len(data) - cut]
    else:
        assert b"Fixture Street" not in path.read_bytes() and read_back(path)[1] == FRAMES


def test_other_files_are_left_alone(tmp_path):
    webm = tmp_path / "talk.mp4"  # the first bytes of a WebM file, and nothing after them
    webm.write_bytes(b"\x1a\x45\xdf\xa3" + bytes(60))
    assert video.video_by_content(webm.read_bytes()[:16])  # a video, yet not readable:
    assert "cannot be read as a video" in video.clean(webm).error  # refused, left as it was
    assert webm.read_bytes() == b"\x1a\x45\xdf\xa3" + bytes(60)
    assert video.video_by_content(phone_video("mov", {})[:16])
    assert not video.video_by_content(b"\0\0\0\x18ftypheic" + bytes(4))  # a HEIC photo
    text = b"Use free software, and say so.\n"  # a note with no suffix: "free" at bytes 4-8
    assert not video.video_by_content(text[:16], len(text))
    wide = b"\0\0\0\x08wide\0\0\x10\0mdat"  # an old QuickTime file, no ftyp
    assert video.video_by_content(wide, 4096)
    assert video.clean(webm) == video.Cleaning(error=video.clean(webm).error)
