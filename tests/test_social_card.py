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
