"""A post whose text is nearly all in another script than its language's (an adopted blog's
Persian or Chinese posts without ``Lang:``, marked with DEFAULT_LANG) is named in a warning
with the code to write; nothing is said of a quotation among the post's own words."""

import io
import logging

import pytest
from PIL import Image

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

# a technical post in Chinese, naming its tools in English: under half its letters are Chinese
# characters, each a syllable where an English word takes several letters
CHINESE_TECH = (
    "这次我们用 Python 和 PostgreSQL 重新写了预约系统的后台，先在 Docker 里跑通，再把 "
    "Stack Overflow 上找到的办法整理成文档。新的 scheduler 每天早上读取 config 文件，"
    "然后把结果发到 Slack 频道里，大家都觉得方便多了。"
)
JAPANESE_TECH = (
    "今回は Python と PostgreSQL で予約システムのバックエンドを書き直しました。Docker で"
    "動かしてから、設定ファイルを読む scheduler を追加しました。"
)


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
        # Chinese characters count one a word against Latin letters
        (CHINESE_TECH, "en", "Hani", "zh"),
        (JAPANESE_TECH, "en", "Kana", "ja"),
        (CHINESE_TECH, "zh", None, None),
        (f"{ENGLISH} {ENGLISH} {ENGLISH} “{CHINESE}”", "en", None, None),  # a quotation
        (f"{ENGLISH * 6} “{CHINESE_TECH}”", "en", None, None),
    ],
)
def test_a_text_in_another_script_than_its_language(text, lang, script, suggested):
    found = scripts.mismatch(text, lang)
    if script is None:
        assert found is None
    else:
        assert found == scripts.Mismatch(script, lang, suggested)


@pytest.mark.parametrize(
    "html",
    [
        # a quoted value is the tag's, '>' and all, as docutils' raw HTML leaves it
        f'<p><abbr title="Internet > {ENGLISH}">x</abbr>{PERSIAN}</p>',
        f"<p><abbr title='a > {ENGLISH}'>x</abbr>{PERSIAN}</p>",
    ],
)
def test_the_sample_leaves_a_tag_with_a_close_angle_out(html):
    assert ENGLISH not in scripts.sample("عنوان", html)


def test_the_sample_leaves_code_and_tags_out():
    html = f'<p class="lead">{PERSIAN}</p><pre><code>{ENGLISH * 20}</code></pre>'
    assert ENGLISH not in scripts.sample("عنوان", html)
    assert scripts.mismatch(scripts.sample("عنوان", html), "en") is not None


# a picture as a publish writes it: its renditions' URLs in srcset, Latin letters all
_PICTURE = (
    '<p><img alt="涂鸦" src="/images/a.jpg" srcset="/images/a-480w.webp 480w, '
    '/images/a-960w.webp 960w, /images/a-1600w.webp 1600w" sizes="(min-width: 40em) 40em, '
    '100vw" width="1600" height="1000" loading="lazy" decoding="async"></p>'
)


@pytest.mark.parametrize(
    ("html", "words"),
    [
        # pictures past SAMPLE characters of HTML: the cut fell inside a tag, whose
        # attributes were read as the text's words
        (f"<p>{CHINESE}</p>" + _PICTURE * 20, CHINESE),
        (f"<p>{CHINESE}</p>" + "<p>" + "x" * (scripts.SAMPLE - 150) + _PICTURE, None),
        # a link whose text is its address; an address pasted in the text
        (f'<p>{CHINESE}<a href="https://example.org/a">https://example.org/a</a></p>', CHINESE),
        (f"<p>{CHINESE} www.example.org/docs/setup ftp://files.example.org/x</p>", CHINESE),
        (f"<p>{CHINESE}&nbsp;&amp;&#8212;&hellip;</p>", CHINESE),
        # code left out, in its tags, however long
        (f"<p>{CHINESE}</p><pre><code>{ENGLISH * 100}</code></pre>", CHINESE),
        ("<p>a &lt; b</p>", "a b"),
    ],
)
def test_the_sample_is_the_text_never_the_markup(html, words):
    read = scripts.sample("", html)
    if words is None:  # cut within the text: the picture after it says nothing
        assert "images" not in read and "lazy" not in read
    else:
        assert read.split() == words.split()


def test_the_sample_reads_the_same_text_whatever_the_markup():
    # a publish's pictures are longer HTML than a development build's (a <picture> of
    # renditions for an <img>): the same text is read, and so the same verdict
    text = "独立思考是终极目标。" * 300
    img = '<p><img alt="涂鸦" src="/images/a.jpg"></p>'
    dev = "".join(f"<p>{text[i : i + 50]}</p>{img}" for i in range(0, len(text), 50))
    publish = "".join(f"<p>{text[i : i + 50]}</p>{_PICTURE * 3}" for i in range(0, len(text), 50))
    assert len(scripts.sample("", f"<p>{text}</p>").split()[0]) == scripts.SAMPLE
    assert scripts.sample("", publish) == scripts.sample("", dev)
    assert len("".join(scripts.sample("", dev).split())) > 0.9 * scripts.SAMPLE


def _jpeg(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_chinese_post_with_pictures_is_not_said_to_be_latin(build_site, caplog):
    # an adopted Chinese blog's post of drawings: its pictures' HTML, cut off, was read as
    # Latin words ("the text is in Latin script, but the post is marked zh-CN")
    caplog.set_level(logging.WARNING)
    pictures = "\n\n".join(f"![涂鸦{n}]({{static}}/images/doodle{n}.jpg)" for n in range(8))
    files: dict[str, str | bytes] = {f"images/doodle{n}.jpg": _jpeg((1200, 800)) for n in range(8)}
    files["posts/doodles.md"] = _post(
        "课堂涂鸦", f"物理课上画的涂鸦。\n\n{pictures}", "Slug: doodles\n"
    )
    site = build_site(files, name="cjkpics", DEFAULT_LANG="zh-CN")
    assert site.soup("posts/doodles/").find("img", srcset=True) is not None
    assert [r.getMessage() for r in caplog.records if "doodles.md" in r.getMessage()] == []


def test_many_alike_posts_of_a_folder_are_one_line():
    wrong = scripts.Mismatch("Hani", "en", "zh")
    found = [(f"content/posts/p{n}.md", wrong, False) for n in range(6)]
    found.append(("content/pages/about.md", wrong, False))
    found.append(("content/posts/fa.md", scripts.Mismatch("Arab", "en", "fa"), True))
    assert scripts.lines(found, pages={"content/pages/about.md"}) == [
        "content/posts/: 6 posts (p0.md, p1.md, p2.md and 3 more) are in Chinese characters, "
        "but marked en (DEFAULT_LANG): their pages are read and searched as en; set "
        "DEFAULT_LANG = 'zh' in pelicanconf.py if most posts are in it, else add Lang: zh to "
        "each",
        "content/pages/about.md: the text is in Chinese characters, but the page is marked en "
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


# languages of the same letters, told apart by their commonest words (text written here)
FRENCH = (
    "Le centre communautaire de Tessellate ouvre ses portes le samedi. Nous avons installé "
    "une nouvelle salle pour les ateliers, et les bénévoles sont là pour vous accueillir "
    "dans la bonne humeur. Cette année, le programme est plus riche que jamais: des cours "
    "de cuisine, un club de lecture et des soirées jeux pour les familles qui veulent "
    "découvrir le quartier avec nous."
)
PORTUGUESE = (
    "O nosso centro comunitário abre as portas todos os sábados. Este ano temos uma sala "
    "nova para as oficinas, e os voluntários estão lá para receber quem chega. Não é "
    "preciso fazer inscrição: basta aparecer com vontade de aprender. Também há aulas de "
    "cozinha, um clube de leitura e noites de jogos para as famílias do bairro, que são "
    "sempre mais divertidas com novos vizinhos."
)
GERMAN = (
    "Unser Gemeinschaftszentrum ist jeden Samstag für alle geöffnet. In diesem Jahr haben "
    "wir einen neuen Raum für die Werkstätten, und die Freiwilligen sind auch dabei, um "
    "neue Gäste zu begrüßen. Man muss sich nicht anmelden: Wer Lust hat, kommt einfach "
    "vorbei. Es gibt Kochkurse, einen Leseclub und Spieleabende für Familien, die das "
    "Viertel mit uns entdecken wollen, und das ist nicht nur für Kinder schön."
)
LONG_ENGLISH = (
    "The community centre at Tessellate opens its doors every Saturday. This year we have "
    "a new room for the workshops, and the volunteers are there to welcome you with a "
    "smile. You do not have to sign up: come along if you want to learn something. There "
    "are cooking classes, a reading club and games nights for the families of the area, "
    "and they are more fun with new neighbours."
)


@pytest.mark.parametrize(
    ("text", "lang", "suggested"),
    [
        (FRENCH, "en", "fr"),  # a French post on an English site, no Lang: line
        (PORTUGUESE, "en", "pt"),
        (GERMAN, "en_GB", "de"),
        (LONG_ENGLISH, "fr", "en"),
        (LONG_ENGLISH, "pt-BR", "en"),
        (FRENCH, "fr", None),
        (FRENCH, "fr_CA", None),
        (PORTUGUESE, "pt", None),
        (LONG_ENGLISH, "en", None),
        (f"{LONG_ENGLISH} « {FRENCH[:120]} »", "en", None),  # a quotation among its words
        (FRENCH[:100], "en", None),  # too few words to say
        (FRENCH, "vi", None),  # no list of Vietnamese words: nothing weighed
        ("lorem ipsum dolor sit amet " * 20, "en", None),  # no language's words
    ],
)
def test_a_text_in_another_language_of_the_same_letters(text, lang, suggested):
    found = scripts.mismatch(text, lang)
    if suggested is None:
        assert found is None
    else:
        assert found == scripts.Mismatch("Latn", lang, suggested, by_words=True)


# Danish and Norwegian Bokmål blog paragraphs (the same topics, each written in its own
# language, not translated word for word): before, neither was ever named, on an English site
# either, as the two share nearly all their commonest words
DANISH = [
    # engineering
    "Vi har brugt det sidste halve år på at flytte vores bookingsystem over på PostgreSQL. "
    "Det var ikke nogen let opgave, men resultatet er blevet meget bedre end vi havde "
    "forventet. I dette indlæg fortæller vi hvad vi lærte undervejs, og hvorfor vi valgte "
    "at gemme hver booking som et interval i stedet for to tidspunkter.",
    # company event
    "Sidste fredag holdt vi vores årlige sommerfest i haven bag kontoret. Omkring fyrre "
    "kolleger og deres familier kom forbi, og vejret var heldigvis på vores side. Der blev "
    "grillet, spillet petanque og snakket om alt fra nye kunder til børnenes skoleferie. "
    "Tak til alle der hjalp med at gøre dagen til noget helt særligt.",
    # how-to
    "Hvis du vil skrive et nyt indlæg, skal du først oprette en fil i mappen med indlæg. "
    "Kør derefter kommandoen som laver filen for dig, og åbn den i din editor. Når du er "
    "færdig, fjerner du linjen med kladde, så bliver indlægget udgivet næste gang siden "
    "bygges. Det tager kun et par minutter, og du kan altid se resultatet lokalt først.",
    # opinion
    "Jeg tror ikke at vi skal bygge mere før vi har talt med dem der bruger systemet hver "
    "dag. Nogle af vores kunder har fortalt os at de mangler en enkel måde at se ledige "
    "lokaler på. Det er måske ikke det mest spændende at arbejde med, men det er det der "
    "gør en forskel for dem.",
    # hiring
    "Vi søger en udvikler som har lyst til at arbejde tæt sammen med vores kunder. Du får "
    "ansvar for en del af platformen fra første dag, og du kommer til at sidde med både "
    "kode og samtaler med brugerne. Vi holder meget af ordentlige tests og korte møder, og "
    "vi tror på at man lærer mest af at hjælpe hinanden.",
    # retrospective
    "Efter to uger med nedbrud i kalenderen gik vi tilbage og kiggede på hvad der egentlig "
    "skete. Fejlen lå i en lille del af koden som ingen havde rørt i flere år. Vi har nu "
    "skrevet en test for det, og vi har lært at det er en god idé at læse de gamle dele af "
    "systemet igen med jævne mellemrum.",
]

NORWEGIAN = [
    "Vi har brukt det siste halvåret på å flytte bookingsystemet vårt over til PostgreSQL. "
    "Det var ingen enkel oppgave, men resultatet ble mye bedre enn vi hadde ventet. I dette "
    "innlegget forteller vi hva vi lærte underveis, og hvorfor vi valgte å lagre hver "
    "booking som et intervall i stedet for to tidspunkter.",
    "Forrige fredag holdt vi den årlige sommerfesten vår i hagen bak kontoret. Rundt førti "
    "kolleger og familiene deres kom innom, og været var heldigvis på vår side. Det ble "
    "grillet, spilt petanque og snakket om alt fra nye kunder til barnas skoleferie. Takk "
    "til alle som hjalp til med å gjøre dagen til noe helt spesielt.",
    "Hvis du vil skrive et nytt innlegg, må du først opprette en fil i mappen for innlegg. "
    "Kjør deretter kommandoen som lager filen for deg, og åpne den i editoren din. Når du er "
    "ferdig, fjerner du linjen med utkast, så blir innlegget publisert neste gang siden "
    "bygges. Det tar bare et par minutter, og du kan alltid se resultatet lokalt først.",
    "Jeg tror ikke vi skal bygge mer før vi har snakket med dem som bruker systemet hver "
    "dag. Noen av kundene våre har fortalt oss at de mangler en enkel måte å se ledige "
    "lokaler på. Det er kanskje ikke det mest spennende å jobbe med, men det er det som "
    "gjør en forskjell for dem.",
    "Vi søker en utvikler som har lyst til å jobbe tett sammen med kundene våre. Du får "
    "ansvar for en del av plattformen fra første dag, og du kommer til å sitte med både "
    "kode og samtaler med brukerne. Vi setter stor pris på ordentlige tester og korte møter, "
    "og vi tror at man lærer mest av å hjelpe hverandre.",
    "Etter to uker med nedetid i kalenderen gikk vi tilbake og så på hva som egentlig "
    "skjedde. Feilen lå i en liten del av koden som ingen hadde rørt på flere år. Vi har nå "
    "skrevet en test for det, og vi har lært at det er lurt å lese de gamle delene av "
    "systemet igjen med jevne mellomrom.",
]

# shared words only: either language, and neither is said
EITHER = (
    "Det er en god dag i dag, og vi har det godt. Vi skal til byen med alle de andre, for "
    "det er fest, og den er for alle som vil. Det er ikke så langt, og vi kan gå dit sammen "
    "med dem som kommer fra kontoret."
)
SWEDISH = (
    "Vi har ägnat det senaste halvåret åt att flytta vårt bokningssystem till PostgreSQL. "
    "Det var ingen enkel uppgift, men resultatet blev mycket bättre än vi hade väntat oss. "
    "I det här inlägget berättar vi vad vi lärde oss på vägen och varför vi valde att spara "
    "varje bokning som ett intervall i stället för två tidpunkter."
)


@pytest.mark.parametrize("text", DANISH)
@pytest.mark.parametrize(
    ("lang", "suggested"), [("en", "da"), ("nb", "da"), ("no", "da"), ("da", None)]
)
def test_a_danish_post_is_told_from_norwegian(text, lang, suggested):
    found = scripts.mismatch(text, lang)
    assert (found.suggested if found else None) == suggested


@pytest.mark.parametrize("text", NORWEGIAN)
@pytest.mark.parametrize(
    ("lang", "suggested"), [("en", "nb"), ("da", "nb"), ("nb", None), ("no", None), ("nb-NO", None)]
)
def test_a_norwegian_post_is_told_from_danish(text, lang, suggested):
    found = scripts.mismatch(text, lang)
    assert (found.suggested if found else None) == suggested


@pytest.mark.parametrize("lang", ["en", "da", "nb"])
def test_danish_or_norwegian_without_their_own_spellings_is_not_named(lang):
    assert scripts.mismatch(EITHER, lang) is None


def test_swedish_is_not_taken_for_danish_or_norwegian():
    assert scripts.mismatch(SWEDISH, "en").suggested == "sv"
    for lang in ("da", "nb"):
        found = scripts.mismatch(SWEDISH, lang)
        assert found is None or found.suggested == "sv"


def test_the_line_names_norwegian_bokmal():
    wrong = scripts.Mismatch("Latn", "da", "nb", by_words=True)
    assert scripts.lines([("content/posts/x.md", wrong, True)]) == [
        "content/posts/x.md: the text is in Norwegian Bokmål, but its Lang: is da: correct it "
        "(Lang: nb)"
    ]


def test_an_english_text_on_a_site_in_another_script_is_told_english():
    assert scripts.mismatch(LONG_ENGLISH, "fa") == scripts.Mismatch("Latn", "fa", "en")


def test_a_language_told_by_its_words_is_named_in_the_line():
    found = [
        ("content/posts/fr.md", scripts.Mismatch("Latn", "en", "fr", by_words=True), False),
        ("content/posts/pt.md", scripts.Mismatch("Latn", "fr", "pt", by_words=True), True),
    ]
    assert scripts.lines(found) == [
        "content/posts/fr.md: the text is in French, but the post is marked en (DEFAULT_LANG): "
        "its page is read and searched as en; add Lang: fr, or set DEFAULT_LANG in "
        "pelicanconf.py if most posts are in it",
        "content/posts/pt.md: the text is in Portuguese, but its Lang: is fr: correct it "
        "(Lang: pt)",
    ]


def test_a_french_post_without_lang_on_an_english_site_is_named(build_site, caplog):
    # published as English (<html lang="en">, English dates and words), and nothing said
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/ateliers.md": _post("Les ateliers du samedi", FRENCH),
            "posts/workshops.md": _post("Saturday workshops", LONG_ENGLISH),
            "posts/ateliers-fr.md": _post("Nos ateliers", FRENCH, "Lang: fr\nSlug: nos\n"),
        },
        name="words",
    )
    mine = [r.getMessage() for r in caplog.records if "the text is in" in r.getMessage()]
    assert mine == [
        "words/posts/ateliers.md: the text is in French, but the post is marked en "
        "(DEFAULT_LANG): its page is read and searched as en; add Lang: fr, or set "
        "DEFAULT_LANG in pelicanconf.py if most posts are in it"
    ]


HANI = scripts.Mismatch("Hani", "en", "zh")


@pytest.mark.parametrize(
    ("chinese", "unmarked", "site_line"),
    [
        (48, 58, True),  # an old Chinese blog on an English site: its DEFAULT_LANG is wrong
        (29, 58, False),  # half: named by folder and file, as a minority is
        (48, 0, False),  # not known: as before
    ],
)
def test_most_of_the_site_in_one_other_language_is_one_line(chinese, unmarked, site_line):
    found = [(f"content/{2013 + n % 8}/p{n:02}.md", HANI, False) for n in range(chinese)]
    found.append(("content/posts/fa.md", scripts.Mismatch("Arab", "en", "fa"), True))
    said = scripts.lines(found, unmarked)
    assert said[-1].startswith("content/posts/fa.md: ")  # its own Lang: line: always named
    if site_line:
        assert said == [
            "pelicanconf.py: most of the site's posts and pages without a Lang: line "
            f"({chinese} of {unmarked}: "
            "content/2013/p00.md, content/2013/p08.md, content/2013/p16.md and 45 more) are "
            "in Chinese characters, but the site is marked en (DEFAULT_LANG): their pages are "
            "read and searched as en; set DEFAULT_LANG = 'zh' in pelicanconf.py (the next "
            "build names the posts in other languages, to mark each with its Lang:)",
            said[-1],
        ]
    else:
        assert said == scripts.lines(found)  # by folder and file, as before
        assert not [line for line in said if line.startswith("pelicanconf.py")]


def test_a_site_mostly_in_chinese_is_told_to_set_default_lang_once(build_site, caplog):
    # an old Chinese blog on an English site: 48 of its 57 posts said in 16 lines of its
    # year folders, each "add Lang: zh" where DEFAULT_LANG was what was wrong
    caplog.set_level(logging.WARNING)
    posts = {
        f"{year}/p{n}.md": _post(f"观后感 {year} {n}", CHINESE, f"Slug: p-{year}-{n}\n")
        for year in range(2013, 2019)
        for n in range(2)
    }
    build_site(posts, name="mostly-zh")
    said = [r.getMessage() for r in caplog.records if "Chinese" in r.getMessage()]
    assert len(said) == 1
    assert said[0].startswith(
        "pelicanconf.py: most of the site's posts and pages without a Lang: line (12 of "
    )
    assert "set DEFAULT_LANG = 'zh' in pelicanconf.py" in said[0]


def test_a_page_in_another_language_is_called_a_page(build_site, caplog):
    # content/pages/contact.md was "the post is marked en"
    caplog.set_level(logging.WARNING)
    build_site({"pages/contact.md": f"Title: 联系我们\n\n{CHINESE}\n"}, name="zh-page")
    assert [m for m in caplog.messages if m.startswith("zh-page/pages/contact.md")] == [
        "zh-page/pages/contact.md: the text is in Chinese characters, but the page is marked "
        "en (DEFAULT_LANG): its page is read and searched as en; add Lang: zh, or set "
        "DEFAULT_LANG in pelicanconf.py if most posts are in it"
    ]


def test_a_folder_of_pages_in_another_language_is_called_pages():
    wrong = scripts.Mismatch("Hani", "en", "zh")
    found = [(f"content/pages/p{n}.md", wrong, False) for n in range(6)]
    assert scripts.lines(found, pages={source for source, _, _ in found})[0].startswith(
        "content/pages/: 6 pages (p0.md, p1.md, p2.md and 3 more) are in Chinese characters"
    )
