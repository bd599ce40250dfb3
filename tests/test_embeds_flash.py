"""Flash-era YouTube players (``/v/ID&hl=en&fs=1``, ``/v/ID?version=3``) are the video's page:
the options came after '&' with no '?', and were read as part of the video's id."""

import pytest

from plugins.blogcore.embeds import page_of

WATCH = "https://www.youtube.com/watch?v=Tess3llate1"


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("https://www.youtube.com/v/Tess3llate1&hl=en&fs=1", WATCH),
        ("http://www.youtube.com/v/Tess3llate1&hl=en_US&fs=1&rel=0", WATCH),
        ("//www.youtube.com/v/Tess3llate1&amp=", WATCH),
        ("https://www.youtube.com/v/Tess3llate1?version=3", WATCH),
        ("http://www.youtube.com/v/Tess3llate1?version=3&hl=en_US&rel=0", WATCH),
        ("https://www.youtube-nocookie.com/v/Tess3llate1&hl=en", WATCH),
        ("https://www.youtube.com/v/Tess3llate1&hl=en&start=90", f"{WATCH}&t=90s"),
        ("https://www.youtube.com/v/Tess3llate1?version=3&start=90", f"{WATCH}&t=90s"),
        # the same forms without Flash's options, as before
        ("https://www.youtube.com/v/Tess3llate1", WATCH),
        ("https://www.youtube.com/embed/Tess3llate1?start=90", f"{WATCH}&t=90s"),
    ],
)
def test_a_flash_era_youtube_player_is_its_video_s_page(address, page):
    found = page_of(address)
    assert found is not None and found.url == page
    assert found.service == "YouTube"
