"""Other engines' Markdown: braces attr_list took for attributes, Jekyll's Liquid, GitHub's
strikethrough and task lists, admonitions (liquid.py, foreign.py, pelicanconf's MARKDOWN)."""

import logging

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

import pelicanconf
from plugins.blogcore import foreign, liquid


def convert(source: str) -> str:
    """The site's Markdown with liquid.py's steps, as the reader converts a body."""
    configs = pelicanconf.MARKDOWN["extension_configs"]
    # Pelican's way: every configured extension is loaded
    md = Markdown(
        extensions=[*configs, liquid.LiquidExtension()],
        extension_configs=configs,
        output_format="html5",
    )
    return md.convert(source)


@pytest.mark.parametrize(
    ("inside", "expected"),
    [
        ("low, medium, high", True),  # a set: attr_list made low_ and medium_ of it
        ("% endraw %", True),  # Jekyll's closing tag
        ("% endhighlight %", True),
        ("42", True),  # no attribute's name starts with a digit
        (": .note", False),
        (".note", False),
        ("#intro", False),
        ("bash", False),  # a bare word: attr_list's own (<p bash>), reported by the sanitiser
        ('title="a, b"', False),  # the comma is in a quoted value
        ("data-x=1 .wide", False),
    ],
)
def test_what_is_no_attribute_list(inside, expected):
    assert liquid.not_attributes(inside) is expected


@pytest.mark.parametrize(
    ("source", "kept", "attrs"),
    [
        ("The set\n{low, medium, high}\n", "{low, medium, high}", {}),
        ("A template ends with\n{% endraw %}\n", "{% endraw %}", {}),
        ("## Sets {a, b}\n", "Sets {a, b}", {"id": "sets-a-b"}),
        ("*x*{a, b} and\n", "x{a, b} and", {}),
        ("A note\n{: .note}\n", "A note", {"class": "note"}),  # attr_list still works
        ("## Intro {#start}\n", "Intro", {"id": "start"}),
    ],
)
def test_a_line_in_braces_that_is_no_attribute_list_is_kept(source, kept, attrs):
    html = convert(source)
    assert kept in html.replace("<em>", "").replace("</em>", ""), html
    for name, value in attrs.items():
        assert f'{name}="{value}"' in html, html
    assert "_" not in html.split(">", 1)[0], html  # no made-up attribute (low_)


def test_a_jekyll_highlight_block_is_a_fenced_code_block():
    lines = ["Text", "{% highlight ruby linenos %}", 'puts "a ``` b"', "{%- endhighlight -%}"]
    out, converted = liquid.highlights_to_fences(lines)
    assert out == ["Text", "````ruby", 'puts "a ``` b"', "````"]
    assert converted == ["{% highlight ruby linenos %}"]
    # in a fenced block (a post about Jekyll), or with no end: left as written
    fenced = ["```", "{% highlight ruby %}", "x", "{% endhighlight %}", "```"]
    assert liquid.highlights_to_fences(fenced) == (fenced, [])
    assert liquid.highlights_to_fences(["{% highlight x %}", "y"]) == (
        ["{% highlight x %}", "y"],
        [],
    )
    html = convert('Before.\n\n{% highlight ruby %}\nputs "hi"\n{% endhighlight %}\n')
    assert '<div class="highlight"><pre>' in html and "&ldquo;" not in html
    assert "highlight %" not in html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>c'est ~~le printemps~~la rentrée</p>", ["~~le printemps~~ is GitHub's"]),
        ("<p>~~a~~ and ~~b c~~</p>", ["~~a~~ is GitHub's strikethrough"]),
        ("<p>a ~ b ~~ c</p><p><code>~~x~~</code></p>", []),
        ("<ul><li>[x] Done</li><li>[ ] Not yet</li></ul>", ["- [x] Done is an item of a GitHub"]),
        ("<ul><li><p>[ ] Loose</p></li></ul>", ["- [ ] Loose is an item"]),
        ("<ul><li>[link] text</li></ul><p>[x] not a list</p>", []),
    ],
)
def test_github_syntax(html, expected):
    found = foreign.found(html)
    assert len(found) == len(expected)
    assert [p.message[: len(s)] for p, s in zip(found, expected, strict=True)] == expected
    assert not any(piece.serious for piece in found)  # readable as written: a warning


def test_github_syntax_messages():
    strike, task = foreign.found("<p>~~a~~ and ~~b~~</p><ul><li>[x] Done</li><li>[ ] B</li></ul>")
    assert strike.message == (
        "~~a~~ is GitHub's strikethrough, which this site shows as written, tildes and all "
        "(and 1 more place in this file); write <del>a</del>"
    )
    assert task.message == (
        "- [x] Done is an item of a GitHub task list, which this site shows as written, [x] "
        "and [ ] as text (and 1 more place in this file); write a plain list (say which are "
        "done in words)"
    )
    source = "Title: X\n\n```\n~~code~~\n```\n\n~~a~~ and ~~b~~\n\n  - [x] Done\n  - [ ] B\n"
    assert foreign.lines_of([strike, task], source) == [7, 9]


JEKYLL = """Title: X

{{ page.title }}
================

Text with `{{ page.title }}` in code.

{% highlight ruby %}
puts "{{ site.url }}"
{% endhighlight %}

See {{ site.url }}/about.
"""


@pytest.mark.parametrize(
    ("html", "converted", "source", "expected"),
    [
        ("<p>Plain {curly} text</p>", [], "Plain {curly} text", None),
        ("<p><code>{{ page.title }}</code></p>", [], "`{{ page.title }}`", None),
        ("<p>{% if x %}</p>", [], "{% if x %}", None),  # a post about templates
        (
            "<h1>{{ page.title }}</h1><p>See {{ site.url }}/about.</p>",
            ["{% highlight ruby %}"],
            JEKYLL,
            (
                3,
                "{{ page.title }} is Jekyll's Liquid, which this site does not run: it is shown "
                "as written (and 2 more places in this file); remove it: the theme shows the "
                "post's title",
            ),
        ),
        (
            "<p>Text</p>",
            ["{% highlight ruby %}"],
            "Text\n\n{% highlight ruby %}\nx\n{% endhighlight %}\n",
            (
                3,
                "{% highlight ruby %} … {% endhighlight %} is Jekyll's Liquid: this site shows it "
                "as a code block, but write a fenced code block: ```ruby on the line before the "
                "code, ``` on the line after it",
            ),
        ),
        (
            "<p>{% raw %}{{ x }}{% endraw %}</p>",
            [],
            "A\n\n{% raw %}{{ x }}{% endraw %}\n",
            (
                3,
                "{% raw %} is Jekyll's Liquid, which this site does not run: it is shown as "
                "written; remove {% raw %} and {% endraw %}: this site shows {{ }} and {% %} as "
                "written",
            ),
        ),
    ],
)
def test_jekyll_liquid_once_per_file(html, converted, source, expected):
    assert foreign.jekyll(html, converted, source) == expected


POST = """Title: Migrated
Date: 2024-01-02
Category: Company
Author: Ada Byrne

{{ page.title }}
================

The allowed values form the set
{low, medium, high}

{% highlight python %}
print("hi")
{% endhighlight %}

It was ~~spring~~autumn.

- [x] Done
- [ ] Not yet

!!! warning "Back up first"
    The migration erases the old database.
"""


def test_a_migrated_post_keeps_its_text_and_says_what_to_write(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/migrated.md": POST}, name="foreign-syntax")
    body = site.soup("posts/migrated/").select_one(".post-content")
    # the line in braces is text, not attributes: nothing lost, nothing removed
    assert "{low, medium, high}" in body.get_text()
    # Jekyll's highlight block is a code block, its quotes straight
    code = body.select_one("div.highlight pre code")
    assert code is not None and code.get_text() == 'print("hi")\n'
    assert "endhighlight" not in str(body)
    # Python-Markdown's admonition: a box the sanitiser keeps, with its classes
    box = body.select_one("div.admonition.warning")
    assert box is not None
    assert box.select_one("p.admonition-title").get_text() == "Back up first"
    assert "!!!" not in body.get_text()
    lines = [
        (r.levelname, r.getMessage().split("posts/migrated.md: ", 1)[1])
        for r in caplog.records
        if "foreign-syntax/posts/migrated.md" in r.getMessage()
    ]
    assert lines == [
        (
            "WARNING",
            "line 6: {{ page.title }} is Jekyll's Liquid, which this site does not run: it is "
            "shown as written (and 1 more place in this file); remove it: the theme shows the "
            "post's title",
        ),
        (
            "WARNING",
            "line 16: ~~spring~~ is GitHub's strikethrough, which this site shows as written, "
            "tildes and all; write <del>spring</del>",
        ),
        (
            "WARNING",
            "line 18: - [x] Done is an item of a GitHub task list, which this site shows as "
            "written, [x] and [ ] as text (and 1 more place in this file); write a plain list "
            "(say which are done in words)",
        ),
    ], lines


# PyMdown Extensions' idioms (pymdownx.details, mark, tilde, caret, emoji), as the site's own
# Markdown converts them: shown as written, one warning per kind per file
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            '??? tip "Click to expand"\n    Hidden details here.\n',
            ['??? tip "Click to expand" is PyMdown\'s collapsible block'],
        ),
        ("???+ note\n    Open by default.\n", ["???+ note is PyMdown's collapsible block"]),
        ("This is ==highlighted== and ==again==.\n", ["==highlighted== is PyMdown's highlighted"]),
        ("Water is H~2~O.\n", ["~2~ is PyMdown's subscript"]),
        ("Text ^^inserted^^ here.\n", ["^^inserted^^ is PyMdown's inserted text"]),
        ("Done :smile: and :tada:!\n", [":smile: is an emoji shortcode"]),
        # not PyMdown's: code, paths, comparisons spoken of, times, addresses, unknown names
        ("`==x==` and `H~2~O` and `:smile:`\n", []),
        ('```\n??? tip "x"\n==a== ~b~ ^^c^^ :smile:\n```\n', []),
        ("    ==a== :smile:\n", []),
        ("Copy it to ~/notes and ~/backup~old/.\n", []),
        ("Ask ~alice~ or see https://example.com/~bob/page~2 too.\n", ["~alice~ is"]),
        ("If a==b== c, or x == y == z, or a === b.\n", []),
        ("The ~~old~~ plan.\n", ["~~old~~ is GitHub's"]),
        ("We met at 10:30:15 on port :8080: and :notanemoji: here.\n", []),
        ("See https://example.com/a:smile:b and std::smile::x.\n", []),
        ("Why??? Because.\n\nWhat ??? now\n", []),
        ("A face ~_~ and ^^ ^^ and == ==, about ~5-~10 min, a ==> b ==> c.\n", []),
        # a ~ between two digits is a range (mawenbao's "1~15占一个字节，16~2047占两个字节" was
        # "~15占一个字节，16~ is PyMdown's subscript … write <sub>15占一个字节，16</sub>"), and a
        # subscript is no clause: none holds a CJK comma or full stop
        ("编码后，1~127占一个字节，128~2047占两个字节。\n", []),
        ("一般3~5天到货，偏远地区7~10天，加急10~20%的运费。\n", []),
        ("Sizes 1~3,4~6 and 7~9.\n", []),
        ("周一~周五，周六~周日休息。\n", []),
        ("每天喝1~2升H~2~O。\n", ["~2~ is PyMdown's subscript"]),
        ("Rooms 1~4 hold CO~2~ sensors.\n", ["~2~ is PyMdown's subscript"]),
        # a ~ right after CJK text or around any is a range's wave dash ("3月~5月和7月~9月"
        # was "~5月和7月~ is PyMdown's subscript … write <sub>5月和7月</sub>")
        ("旺季是3月~5月和7月~9月。\n", []),
        ("周一~周五和周六~周日都开门。\n", []),
        ("第1~第5章和第7~第9章是基础。\n", []),
        ("東京~大阪と京都~奈良。\n", []),
        ("密码可用A~Z和a~z，以及0~9。\n", []),
        ("CO~2~浓度在3月~5月最高。\n", ["~2~ is PyMdown's subscript"]),
    ],
)
def test_pymdown_idioms(source, expected):
    _warned_of(source, expected)


def _warned_of(source: str, expected: list[str]) -> None:
    """Each piece found in ``source`` starts with its text in ``expected``; all warnings."""
    found = foreign.found(convert(source))
    assert [p.message[: len(s)] for p, s in zip(found, expected, strict=False)] == expected
    assert len(found) == len(expected), [p.message for p in found]
    assert not any(piece.serious for piece in found)  # readable as written: a warning


def test_pymdown_idioms_messages_and_lines():
    source = (
        "Title: X\n\nIn code, `==one==` and `H~2~O`.\n\nThen ==one== and ==two==.\n\n"
        '??? tip "Click to expand"\n    Hidden.\n\nH~2~O :+1:\n'
    )
    mark, details, sub, emoji = foreign.found(convert(source.split("\n\n", 1)[1]))
    assert details.message == (
        '??? tip "Click to expand" is PyMdown\'s collapsible block (pymdownx.details), which '
        "this site shows as text, its title and text in one paragraph; write "
        "<details><summary>Click to expand</summary>…</details>"
    )
    assert mark.message == (
        "==one== is PyMdown's highlighted text (pymdownx.mark), which this site shows as "
        "written (and 1 more place in this file); write <mark>one</mark>"
    )
    assert sub.message.endswith("write <sub>2</sub>")
    assert emoji.message.endswith("write the emoji itself: \U0001f44d")
    # the line of each: not the inline code's before it
    assert foreign.lines_of([mark, details, sub, emoji], source) == [5, 7, 10, 10]


def test_pymdown_idioms_in_a_built_post(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Idioms\nDate: 2024-05-01\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
        '??? tip "Click to expand"\n    Hidden details here.\n\n'
        "This is ==highlighted== and H~2~O and ^^inserted^^ and :smile: done.\n\n"
        "Copy ~/notes at 10:30: `==x==`.\n"
    )
    site = build_site({"posts/idioms.md": post}, name="pymdown-idioms")
    body = site.soup("posts/idioms/").select_one(".post-content")
    assert "==highlighted==" in body.get_text()  # shown as written, as said
    lines = [
        (r.levelname, r.getMessage().split("posts/idioms.md: ", 1)[1].split(" is ")[0])
        for r in caplog.records
        if "pymdown-idioms/posts/idioms.md" in r.getMessage()
    ]
    assert lines == [
        ("WARNING", 'line 6: ??? tip "Click to expand"'),
        ("WARNING", "line 9: ==highlighted=="),
        ("WARNING", "line 9: ~2~"),
        ("WARNING", "line 9: ^^inserted^^"),
        ("WARNING", "line 9: :smile:"),
    ], lines


@pytest.mark.parametrize(
    ("plugins", "markdown", "listed"),
    [
        (["plugins.blogcore", "pelican.plugins.simple_footnotes"], None, {"simple_footnotes"}),
        (["simple_footnotes", "render_math"], {}, {"simple_footnotes", "render_math"}),
        (["plugins.series"], None, set()),  # ours are not other people's
        (None, {"extension_configs": {"pymdownx.tasklist": {}}}, {"pymdownx.tasklist"}),
        ([], {"extensions": ["pymdownx.tilde", object()]}, {"pymdownx.tilde"}),
    ],
)
def test_the_plugins_and_extensions_a_site_lists(plugins, markdown, listed):
    assert foreign.others(plugins, markdown) == listed


FOOTNOTE = "<p>We wrote it in 2019[ref]In a notebook.[/ref] and kept it.</p>"
TASKS = "<ul>\n<li>[x] Book the van</li>\n<li>[ ] Label the boxes</li>\n</ul>"
MATH = '<p>Each share is <span class="math">\\(s_i = h_i / H\\)</span>.</p>'


@pytest.mark.parametrize(
    ("html", "listed", "said"),
    [
        (FOOTNOTE, frozenset(), ["[ref]…[/ref] is the simple_footnotes plugin's, which this"]),
        (FOOTNOTE, frozenset({"simple_footnotes"}), []),  # listed: it makes the footnote
        # not listed: the old site may have had its theme's MathJax, never render_math
        (MATH, frozenset(), ["LaTeX math, which this site does not typeset (MathJax, the"]),
        (
            MATH,
            frozenset({"render_math"}),
            ["the render_math plugin (in PLUGINS) leaves to MathJax"],
        ),
        (TASKS, frozenset(), ["- [x] Book the van is an item of a GitHub task list"]),
        # MARKDOWN names pymdownx.tasklist: it makes the boxes, or (not installed) the
        # settings' line says to install it; the list is not to be rewritten
        (TASKS, frozenset({"pymdownx.tasklist"}), []),
    ],
)
def test_a_listed_plugin_s_syntax_is_not_said_missing(html, listed, said):
    messages = [piece.message for piece in foreign.found(html, "markdown", listed)]
    assert len(messages) == len(said)
    for message, start in zip(messages, said, strict=True):
        assert start in message


SCRIPT = '<script type="text/javascript">if (!window.MathJax) { window.MathJax = {}; }</script>'


@pytest.mark.parametrize(
    ("html", "listed", "kept", "went"),
    [
        (MATH + SCRIPT, frozenset({"render_math"}), MATH, 1),
        (MATH + SCRIPT, frozenset(), MATH + SCRIPT, 0),  # not render_math's: the sanitiser says
        (MATH + '<script type="text/javascript">alert(1)</script>', frozenset({"render_math"}),
         MATH + '<script type="text/javascript">alert(1)</script>', 0),
    ],
)  # fmt: skip
def test_render_math_s_script_goes_when_it_is_listed(html, listed, kept, went):
    assert foreign.without_mathjax(html, listed) == (kept, went)


def test_the_scripts_taken_out_leave_the_sanitiser_s_report():
    markup = (("p", {}), ("script", {"type": "text/javascript"}), ("script", {}))
    assert foreign.markup_without_scripts(markup, 1) == (("p", {}), ("script", {}))


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # an exporter's wrapper around a linked picture, its alt text over two lines
        (
            "<div>\n\n[![A chart of rainfall\nby month](https://example.org/r.png)]"
            '(https://example.org/r/ "Rainfall")\n\n</div>\n',
            ["![A chart of rainfall by month](https://example.org/r.png) is Markdown"],
        ),
        ("<section>\nSee [the notes](/notes/) first.\n</section>\n", ["[the notes](/notes/)"]),
        # Markdown reads it: a link, a picture, markdown="1" on the block
        ("See [the notes](/notes/) and ![a lamp](/l.png).\n", []),
        ('<div markdown="1">\n\n[the notes](/notes/)\n\n</div>\n', []),
        # code is shown as written on purpose
        ("<div>\n<pre><code>[a](b)</code></pre>\n</div>\n", []),
        ("`[a](b)` in prose\n", []),
    ],
)
def test_markdown_inside_an_html_block(body, said):
    _warned_of(body, said)


def test_markdown_inside_an_html_block_in_a_built_post(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Wrapped\nDate: 2024-05-01\nCategory: Engineering\nAuthor: Ada Byrne\n\n"
        "Opening words.\n\n<div>\n\n[![A map of the hall\nand its rooms](https://example.org/m.png)]"
        "(https://example.org/m/)\n[the plan](https://example.org/plan/)\n\n</div>\n"
    )
    build_site({"posts/wrapped.md": post}, name="md-in-html")
    lines = [
        r.getMessage() for r in caplog.records if "md-in-html/posts/wrapped.md" in r.getMessage()
    ]
    assert lines == [
        "md-in-html/posts/wrapped.md: line 10: ![A map of the hall and its rooms]"
        "(https://example.org/m.png) is Markdown inside an HTML block (<div> … </div>), which "
        "Markdown passes on as written: the page shows it, brackets and all, and the picture "
        'is not shown (and 1 more place in this file); write <div markdown="1"> so that '
        "Markdown reads what the block holds, or remove the <div> and </div> lines"
    ], lines


def test_a_wordpress_code_shortcode_is_a_fenced_code_block():
    lines = ["Run:", '[code lang="html"]  ', '<a href="#n1">note</a>', "[/code]", "[code]", "x"]
    shortcodes: list[str] = []
    out, converted = liquid.highlights_to_fences(lines, shortcodes)
    # the second is never closed: left as written
    assert out == ["Run:", "```html", '<a href="#n1">note</a>', "```", "[code]", "x"]
    assert (converted, shortcodes) == ([], ['[code lang="html"]'])


WP_POST = """Title: Shortcodes
Date: 2024-05-01
Category: Engineering
Author: Ada Byrne

Intro words.

[sourcecode language="python"]
# a comment, not a heading
print("<b>not bold</b>")
[/sourcecode]

[code]
plain
[/code]
"""


def test_a_wordpress_code_shortcode_in_a_built_post(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/wp.md": WP_POST}, name="wp-code")
    body = site.soup("posts/shortcodes/").select_one(".post-content")
    listings = [pre.get_text() for pre in body.select("pre")]
    assert listings == ['# a comment, not a heading\nprint("<b>not bold</b>")\n', "plain\n"]
    assert not body.select("h1, b")
    lines = [r.getMessage() for r in caplog.records if "wp-code/posts/wp.md" in r.getMessage()]
    assert lines == [
        'wp-code/posts/wp.md: line 8: [sourcecode language="python"] … [/sourcecode] is '
        "WordPress's code shortcode: this site shows it as a code block (and 1 more place in "
        "this file), but write it as Markdown does, a fenced block: ```python on the line "
        "before the code and ``` on the line after it"
    ], lines


@pytest.mark.parametrize(
    ("html", "names"),
    [
        ("<p>[contact-form][contact-field label=‘Name’/][/contact-form]</p>", ["contact-form"]),
        ('<p>[gallery ids="12,14"]</p><p>[gallery]</p>', ["gallery"]),
        (
            '<p>[caption id="a1" width="300"]<img alt="A lamp" src="l.png"> A lamp[/caption]</p>',
            ["caption"],
        ),
        ("<p>[embed]https://www.youtube.com/watch?v=x[/embed]</p>", ["embed"]),
        ("<p>[youtube https://www.youtube.com/watch?v=x]</p>", ["youtube"]),
        ("<p>Our [video] of the launch, and the [caption] list.</p>", []),  # words in brackets
        ("<p>A [gallery](https://example.org/) link</p>", []),  # Markdown made it a link: no text
        ("<pre><code>[contact-form]</code></pre>", []),  # code is code
    ],
)
def test_wordpress_shortcodes(html, names):
    found = foreign.found(html)
    said = [
        piece.message.split(" is WordPress")[0] for piece in found if "WordPress" in piece.message
    ]
    assert [s.split()[0].strip("[]") for s in said] == names


def test_a_wordpress_shortcode_is_named_as_typed():
    # SmartyPants curled the quotes of its attributes in the page: the line showed
    # [caption id=\u201d\u201d …], which the post does not say
    shortcode = "[caption id=\u201d\u201d align=\u201dalignright\u201d]"
    html = f'<p>{shortcode}<img alt="A" src="a.png"> A[/caption]</p>'
    (piece,) = foreign.found(html)
    assert piece.message.startswith('[caption id="" align="alignright"] is WordPress\'s caption')


WP_ABOUT = """Title: About
Date: 2015-02-14
Author: Ada Byrne
Slug: about

We write about the hall.

Feedback
--------

[contact-form][contact-field label='Name' type='name'/][contact-field
label='Email' type='email'/][/contact-form]
"""


@pytest.mark.parametrize("publish", [False, True])
def test_a_wordpress_contact_form_is_named_once(build_site, caplog, publish):
    # a page moved from WordPress showed its form's shortcodes as text, with nothing said
    caplog.set_level(logging.WARNING)
    name = f"wp-form-{publish}"
    try:
        site = build_site({"pages/about.md": WP_ABOUT}, publish=publish, name=name)
    except SystemExit:  # a publish stops: the form is lost
        site = None
    lines = [
        (r.levelname, r.getMessage()) for r in caplog.records if f"{name}/pages/" in r.getMessage()
    ]
    assert lines == [
        (
            "ERROR" if publish else "WARNING",
            f"{name}/pages/about.md: line 11: [contact-form] is WordPress's contact form "
            "(Jetpack), which this site does not have: it is shown as written, its fields' tags "
            "and all, and no form is shown; remove it, from [contact-form to [/contact-form], "
            "and say in words how to reach you",
        )
    ], lines
    assert (site is None) == publish


@pytest.mark.parametrize(
    ("tag", "fmt", "advice"),
    [
        # jake's blog: the tag's own path and title (smarty curls its quotes in the page)
        (
            "{% img left /images/OSX10.8.png \u2018OSX 10.8 Logo\u2019 %}",
            "markdown",
            "write ![OSX 10.8 Logo]({static}/images/OSX10.8.png)",
        ),
        (
            "{% img /figures/author_count.png 600 [Cumulative number of contributors] %}",
            "markdown",
            "write ![Cumulative number of contributors]({static}/figures/author_count.png)",
        ),
        (  # "title" "alt": the alt text
            '{% img left http://site.com/n.png 150 150 "Ninja Attack!" "A ninja" %}',
            "markdown",
            "write ![A ninja](http://site.com/n.png)",
        ),
        (
            "{% img center /images/mario.gif %}",
            "markdown",
            "![what it shows]({static}/images/mario.gif)",
        ),
        ("{% img x 1 %}", "markdown", "write ![what it shows]({static}/images/x.png)"),  # no path
        (
            "{% img /images/galaxy.jpg 300 200 A Galaxy %}",
            "rst",
            "write .. image:: {static}/images/galaxy.jpg, with :alt: A Galaxy indented under it",
        ),
        # the video where the tag says the old site published it, with its poster
        (
            "{% video /downloads/videos/x.mp4 360 270 /downloads/videos/x_frame.png %}",
            "markdown",
            'write <video src="{static}/downloads/videos/x.mp4" '
            'poster="{static}/downloads/videos/x_frame.png" controls></video>',
        ),
        (
            "{% video /v/a.mp4 /v/a.webm %}",
            "markdown",
            'write <video controls><source src="{static}/v/a.mp4"><source src="{static}/v/a.webm">'
            "</video>",
        ),
        (  # a raw <video>, as Markdown's: an .. image:: of a video plays nothing
            "{% video /downloads/videos/x.mp4 %}",
            "rst",
            "write .. raw:: html with, indented under it, "
            '<video src="{static}/downloads/videos/x.mp4" controls></video>',
        ),
        ("{% video x 1 %}", "rst", '<video src="{static}/extra/x.mp4" controls></video>'),
        # the file the tag names, where liquid_tags read it (NOTEBOOK_DIR, CODE_DIR)
        (
            "{% notebook x.ipynb cells[2:] %}",
            "markdown",
            "jupyter nbconvert --to markdown content/notebooks/x.ipynb)",
        ),
        ("{% notebook x.ipynb %}", "rst", "jupyter nbconvert --to rst content/notebooks/x.ipynb)"),
        (
            "{% include_code x.py lang:python Title %}",
            "markdown",
            "paste the code of content/code/x.py in a fenced code block",
        ),
        ("{% include_code %}", "rst", "paste the code in a .. code-block:: directive"),
        ("{% audio /downloads/a.mp3 %}", "markdown", 'write <audio src="{static}/downloads/a.mp3"'),
        ("{% literal img /x.png 40 %}", "markdown", "between backticks, `{% img /x.png 40 %}`,"),
        ("{% literal img /x.png %}", "rst", "an inline literal, ``{% img /x.png %}``,"),
    ],
)
def test_liquid_advice_names_what_the_tag_gives(tag, fmt, advice):
    # the advice said ![what it shows]({static}/images/x.png) and {static}/extra/x.mp4 for
    # every tag, though the tag gives its path and title: placeholders only for what it does not
    (piece,) = foreign.found(f"<p>{tag}</p>", fmt)
    assert advice in piece.message.split("; ", 1)[1], piece.message


LITERALS = """Write `{% literal video /v.mp4 %}` or {% literal img /p.png %}.

    {% literal img [position] /url/to/img.png [width] %}
    {%literal  tag   a  b%} and {% raw %}

```
{% literal img /fenced.png %}
```
"""


def test_a_literal_tag_in_code_shows_the_tag_as_liquid_tags_did():
    # jake's Octopress post showed "{% literal img … %}" in five listings: liquid_tags read
    # the text before Markdown's blocks, code too, and its literal tag wrote "{% img … %}";
    # a fenced block (set aside before its step) kept it as written, as it does here
    page = BeautifulSoup(convert(LITERALS), "html.parser")
    assert page.select_one("p code").get_text() == "{% video /v.mp4 %}"
    first, fenced = (pre.get_text() for pre in page.select("pre"))
    assert first == "{% img [position] /url/to/img.png [width] %}\n{% tag   a  b %} and {% raw %}\n"
    assert fenced == "{% literal img /fenced.png %}\n"
    # in the text it stays, and is named: the tag to write between backticks
    (piece,) = foreign.found(str(page))
    assert "write it between backticks, `{% img /p.png %}`" in piece.message
    assert liquid.literal_shown("{% Literal x %} {% literally y %}") == (
        "{% Literal x %} {% literally y %}"
    )


class _SiteLiquidTags(Extension):
    """liquid_tags' own step as a site that lists the plugin has it: its literal tag over the
    whole text before Markdown's blocks (fenced blocks set aside), under its name (the
    plugin is not among this project's packages)."""

    class _Step(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            return liquid.literal_shown("\n".join(lines)).split("\n")

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(self._Step(md), "mdincludes", 15)


def test_a_site_listing_liquid_tags_shows_a_literal_tag_once():
    # fixF's report: liquid_tags' step made "{% literal x %}" of "{% literal literal x %}",
    # and this engine's made "{% x %}" of that: converted twice
    source = "Use `{% literal literal img /x.png %}`.\n\n    {% literal literal y %}\n"
    configs = pelicanconf.MARKDOWN["extension_configs"]
    md = Markdown(
        extensions=[*configs, _SiteLiquidTags(), liquid.LiquidExtension()],
        extension_configs=configs,
        output_format="html5",
    )
    page = BeautifulSoup(md.convert(source), "html.parser")
    assert page.select_one("p code").get_text() == "{% literal img /x.png %}"
    assert page.select_one("pre").get_text() == "{% literal y %}\n"


TAGGED_FILES = """Title: Notebooks
Date: 2024-03-01
Author: Ada Lovelace

{% notebook downloads/notebooks/wave.ipynb cells[2:] %}

{% include_code hello.py lang:python Hello %}

{% include_code mario/walk.py %}
"""


def test_notebook_and_code_advice_names_the_file_where_it_is(build_site, caplog):
    # the advice said "convert the notebook (jupyter nbconvert --to markdown)" and "paste the
    # code", naming no file: jake's 46 notebook tags name theirs from the content folder
    # (downloads/notebooks/x.ipynb), and a site's CODE_DIR says where include_code read it
    caplog.set_level(logging.WARNING)
    build_site(
        {
            "posts/tagged.md": TAGGED_FILES,
            "extra/downloads/notebooks/wave.ipynb": "{}",
            "extra/src/hello.py": "print('hello')\n",
            # where the old site's CODE_DIR was, the site's settings no longer saying it
            "extra/downloads/code/mario/walk.py": "print('walk')\n",
        },
        name="tagged-files",
        CODE_DIR="extra/src",
        NOTEBOOK_DIR="extra",
    )
    lines = [r.getMessage() for r in caplog.records if "liquid_tags" in r.getMessage()]
    assert len(lines) == 3, lines
    assert lines[0].endswith(
        "jupyter nbconvert --to markdown tagged-files/extra/downloads/notebooks/wave.ipynb) and "
        "put its text here"
    ), lines
    assert "paste the code of tagged-files/extra/src/hello.py in a fenced" in lines[1], lines
    assert "paste the code of tagged-files/extra/downloads/code/mario/walk.py in" in lines[2]
