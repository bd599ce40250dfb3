"""A post whose text is nearly all in another script than its language's (an adopted blog's
Persian or Chinese posts without ``Lang:``, marked with DEFAULT_LANG) is named in a warning
with the code to write; nothing is said of a quotation among the post's own words."""

import logging

import pytest

from plugins.i18n import scripts

PERSIAN = (
    "شروع، کمی سخت است! شاید حتی بعضی وقت‌ها سخت‌تر از وسط و پایان. سلامِ میراد به دنیا، "
    "همین چند روز پیش بود که کارِ اپلیکیشن iOS میراد تمام شد."
)
ARABIC = "بدأ العمل في المركز المجتمعي منذ سنوات طويلة، ونحن نرحب بالجميع في كل يوم."
CHINESE = "独立思考是终极目标，如果做不到，至少保持客观理智。我们的社区中心每周六举办书法课程。"
JAPANESE = "私たちのコミュニティセンターでは、毎週土曜日に書道教室を開いています。ぜひどうぞ。"
KOREAN = "우리 커뮤니티 센터에서는 매주 토요일에 서예 수업을 엽니다. 누구나 환영합니다."
HEBREW = "מרכז הקהילה שלנו פתוח לכולם בכל ימות השבוע, ואנחנו שמחים לראות אתכם כאן."
RUSSIAN = "Наш общественный центр открыт для всех каждый день недели, приходите к нам."
ENGLISH = "Our community centre runs a calligraphy class every Saturday; everyone is welcome."


@pytest.mark.parametrize(
    ("text", "lang", "script", "suggested"),
    [
        (PERSIAN, "en", "Arab", "fa"),
        (ARABIC, "en", "Arab", "ar"),
        (CHINESE, "en", "Hani", "zh"),
        (JAPANESE, "en", "Kana", "ja"),
        (JAPANESE, "zh", None, None),  # kanji are Chinese characters too: not told apart
        (KOREAN, "en", "Hang", "ko"),
        (HEBREW, "en_GB", "Hebr", "he"),
        (RUSSIAN, "de", "Cyrl", "ru"),
        (ENGLISH, "fa", "Latn", ""),  # an English post on a Persian site
        (PERSIAN, "fa", None, None),
        (PERSIAN, "ar", None, None),  # the same script: the language is not guessed
        (CHINESE, "zh_CN", None, None),
        (CHINESE, "zh-TW", None, None),
        (JAPANESE, "ja", None, None),
        (KOREAN, "ko", None, None),
        (ENGLISH, "en", None, None),
        (ENGLISH, "sr", None, None),  # Serbian is written in Latin letters too
        ("سلام", "en", None, None),  # too few letters to say
        (f"{ENGLISH} {ENGLISH} «{ARABIC}»", "en", None, None),  # a quotation
    ],
)
def test_a_text_in_another_script_than_its_language(text, lang, script, suggested):
    found = scripts.mismatch(text, lang)
    if script is None:
        assert found is None
    else:
        assert found == scripts.Mismatch(script, lang, suggested)


def test_the_sample_leaves_code_and_tags_out():
    html = f'<p class="lead">{PERSIAN}</p><pre><code>{ENGLISH * 20}</code></pre>'
    assert ENGLISH not in scripts.sample("عنوان", html)
    assert scripts.mismatch(scripts.sample("عنوان", html), "en") is not None


def test_many_alike_posts_of_a_folder_are_one_line():
    wrong = scripts.Mismatch("Hani", "en", "zh")
    found = [(f"content/posts/p{n}.md", wrong, False) for n in range(6)]
    found.append(("content/pages/about.md", wrong, False))
    found.append(("content/posts/fa.md", scripts.Mismatch("Arab", "en", "fa"), True))
    assert scripts.lines(found) == [
        "content/posts/: 6 posts (p0.md, p1.md, p2.md and 3 more) are in Chinese characters, "
        "but marked en (DEFAULT_LANG): their pages are read and searched as en; set "
        "DEFAULT_LANG = 'zh' in pelicanconf.py if most posts are in it, else add Lang: zh to "
        "each",
        "content/pages/about.md: the text is in Chinese characters, but the post is marked en "
        "(DEFAULT_LANG): its page is read and searched as en; add Lang: zh, or set "
        "DEFAULT_LANG in pelicanconf.py if most posts are in it",
        "content/posts/fa.md: the text is in Arabic script, but its Lang: is en, which is not "
        "written in it: correct it (Lang: fa)",
    ]


def _post(title: str, body: str, extra: str = "") -> str:
    return (
        f"Title: {title}\nDate: 2024-05-01\nCategory: Company\nAuthor: Ada Byrne\n{extra}\n{body}\n"
    )


def test_posts_without_lang_in_another_script_are_named(build_site, caplog):
    # published <html lang="en" dir="ltr">, indexed as English, and nothing said
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            "posts/fa.md": _post("بسم الله الرحمن الرحیم", PERSIAN),
            "posts/zh.md": _post("观后感", CHINESE, "Slug: twelve\n"),
            "posts/fa-marked.md": _post("سلام دنیا", PERSIAN, "Lang: fa\nSlug: salam\n"),
            "posts/quote.md": _post("A quotation", f"{ENGLISH}\n\n> {ARABIC}\n\n{ENGLISH}"),
        },
        publish=True,  # a warning: the publish goes on
        name="scripts",
    )
    assert site.soup("posts/twelve/").html["lang"] == "en"  # as marked: the line says why
    said = [r for r in caplog.records if "scripts/" in r.getMessage()]
    mine = sorted(r.getMessage() for r in said if "the text is in" in r.getMessage())
    assert mine == [
        "scripts/posts/fa.md: the text is in Arabic script, but the post is marked en "
        "(DEFAULT_LANG): its page is read and searched as en; add Lang: fa, or set "
        "DEFAULT_LANG in pelicanconf.py if most posts are in it",
        "scripts/posts/zh.md: the text is in Chinese characters, but the post is marked en "
        "(DEFAULT_LANG): its page is read and searched as en; add Lang: zh, or set "
        "DEFAULT_LANG in pelicanconf.py if most posts are in it",
    ]
    assert all(r.levelno == logging.WARNING for r in said)
