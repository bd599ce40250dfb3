"""The site's social card (BLOGCORE_DEFAULT_IMAGE): a file the build publishes, or one line."""

import logging


def test_a_missing_social_card_is_one_line_and_no_broken_image(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(name="no-card", BLOGCORE_DEFAULT_IMAGE="images/nope.png")
    lines = [r.getMessage() for r in caplog.records if "BLOGCORE_DEFAULT_IMAGE" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].startswith("pelicanconf.py: BLOGCORE_DEFAULT_IMAGE 'images/nope.png'")
    assert "content/images/" in lines[0]  # where to put it
    for page in ("", "team/", "posts/first-light/"):
        for tag in site.soup(page).select('meta[property="og:image"]'):
            assert "nope.png" not in tag["content"]


def test_the_fixture_social_card_is_on_every_page_without_an_image_of_its_own(build_site):
    site = build_site(name="card")
    home = site.soup("").select_one('meta[property="og:image"]')["content"]
    assert home == f"{site.siteurl}/images/social-card.png"
    assert site.exists("images/social-card.png")


def test_a_missing_social_card_s_line_offers_static_folders_not_files(build_site, caplog):
    # an adopted site's STATIC_PATHS lists CNAME and favicon.ico, copied to the root: the line
    # offered "content/CNAME/" and "content/favicon.ico/" as folders to put the card in
    caplog.set_level(logging.WARNING)
    build_site(
        {"CNAME": "blog.example.org\n", "favicon.ico": b"\0\0\1\0", "downloads/a.txt": "A\n"},
        name="card-folders",
        BLOGCORE_DEFAULT_IMAGE="images/nope.png",
        STATIC_PATHS=["images", "extra", "CNAME", "downloads", "favicon.ico"],
        EXTRA_PATH_METADATA={"CNAME": {"path": "CNAME"}, "favicon.ico": {"path": "favicon.ico"}},
    )
    [line] = [m for m in caplog.messages if "BLOGCORE_DEFAULT_IMAGE" in m]
    assert "(content/images/, content/extra/, content/downloads/)" in line, line
