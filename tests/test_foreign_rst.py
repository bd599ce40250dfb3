"""Other plugins' syntax in a reStructuredText post (foreign.py): its code is never looked at
(docutils writes an inline literal as <span class="docutils literal">, not <code>), what to
write instead is said the reST way, and each is named at its line."""

import logging

import pytest

from plugins.blogcore import foreign

HEAD = "Templating tips\n###############\n\n:date: 2024-02-03\n:author: Ada Byrne\n"
HEAD += ":category: Engineering\n\n"

IN_CODE = (
    HEAD + "In Jekyll you would write ``{% include footer.html %}`` and in Octopress\n"
    "``{% img /images/x.png 300 A lamp %}``; in Jinja, ``{{ page.title }}``. In shell:\n"
    "``echo $HOME $x^2$`` and ``sed 's/\\(a\\)/\\1/'``, a literal on two lines: ``{% gist\n"
    "4455468 %}``, and :code:`{% youtube Tess3llate1 %} [ref]x[/ref]`.\n\n"
    "A literal block::\n\n    {% img /images/y.png %} $$ x_1 $$ {{ site.url }}\n\n"
    ".. code-block:: html+jinja\n\n   {% notebook x.ipynb %} ~~gone~~ \\( r \\)\n\n"
    ".. a comment: {% img /images/c.png %}\n   $y_1$ {{ page.title }}\n"
)


@pytest.mark.parametrize("publish", [False, True])
def test_code_in_a_rest_post_is_never_judged(build_site, caplog, publish):
    # a liquid tag in an inline literal was an ERROR (Markdown advice, no line) that stopped
    # make publish; $…$ and \(…\) in literals were "LaTeX math", Jinja's {{ }} Jekyll's
    caplog.set_level(logging.WARNING)
    name = f"rst-code-{publish}"
    site = build_site({"posts/tips.rst": IN_CODE}, publish=publish, name=name)
    body = site.soup("posts/templating-tips/").select_one(".post-content")
    literals = [span.get_text() for span in body.select("span.literal")]
    assert "{% img /images/x.png 300 A lamp %}" in literals, literals
    assert "{% img /images/y.png %}" in body.select_one("pre").get_text()
    assert [
        r.getMessage() for r in caplog.records if f"{name}/posts/tips.rst" in r.getMessage()
    ] == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


IN_PROSE = (
    HEAD + "In Octopress: {% img /images/lamp.png 300 A lamp %}, in Jinja ``{{ page.title }}``.\n\n"
    "A shell's ``$HOME``, and the area $\\\\alpha_{ps}$ of the cloud.\n\n"
    "A literal block::\n\n    {{ page.title }}\n\n"
    "Then {{ page.title }} and {% youtube Tess3llate1 %}, done [ref]a note[/ref].\n"
)


def test_the_same_in_a_rest_posts_text_is_named_at_its_line_the_rest_way(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site({"posts/tips.rst": IN_PROSE}, name="rst-prose")
    lines = [
        (r.levelname, r.getMessage().split("posts/tips.rst: ", 1)[1])
        for r in caplog.records
        if "rst-prose/posts/tips.rst" in r.getMessage()
    ]
    assert lines == [
        (
            "WARNING",
            "line 8: {% img /images/lamp.png 300 A lamp %} is a tag of the liquid_tags plugin, "
            "which this site does not have: it is shown as written, and what it stood for is "
            "not; write .. image:: {static}/images/lamp.png, with :alt: A lamp indented under it",
        ),
        (
            "WARNING",
            "line 10: $\\alpha_{ps}$ is LaTeX math, which this site does not typeset in the "
            "text: it is shown as written; write it as reStructuredText's math, which is "
            "typeset: :math:`…` in a sentence (each backslash written once, :math:`\\alpha`), "
            "a .. math:: directive for a formula on lines of its own",
        ),
        (
            "WARNING",
            "line 16: {% youtube Tess3llate1 %} is a tag of the liquid_tags plugin, which this "
            "site does not have: the page has a link in its place, `Watch on YouTube "
            "<https://www.youtube.com/watch?v=Tess3llate1>`_ (this site embeds no players); "
            "write that link in the post",
        ),
        (
            "WARNING",
            "line 16: [ref]…[/ref] is the simple_footnotes plugin's, which this site does not "
            "have: it is shown as written; write a footnote: [#]_ in the text, and .. [#] the "
            "note, on a line of its own at the end",
        ),
        (  # Jekyll's: said after the plugins' of its line
            "WARNING",
            "line 16: {{ page.title }} is Jekyll's Liquid, which this site does not run: it is "
            "shown as written; remove it: the theme shows the post's title",
        ),
    ], lines


@pytest.mark.parametrize("fmt", ["markdown", "rst", "html"])
@pytest.mark.parametrize(
    "html",
    [
        '<p>Write <span class="docutils literal">{% img a.png %} $x_1$ \\(r\\)</span>.</p>',
        '<p><span class="docutils literal"><span class="pre">{{ page.title }}</span></span></p>',
        '<pre class="literal-block">{% gist 1 %} $$ x $$ ~~a~~\n- [x] done</pre>',
        '<pre class="code jinja literal-block">{% include footer.html %}</pre>',
        "<p><tt>{% img a.png %}</tt> <kbd>$x_1$</kbd> <samp>~~old~~ H~2~O</samp></p>",
        "<p><kbd><kbd>Ctrl</kbd>+<kbd>{%</kbd></kbd> [ref]<code>a</code>[/ref]</p>",
    ],
)
def test_code_is_passed_over_whichever_reader_wrote_it(html, fmt):
    found = foreign.found(html, fmt)
    assert [piece.message for piece in found if "[ref]" not in piece.message] == []
    assert foreign.jekyll(html, [], "", fmt) is None


def test_the_same_outside_code_is_found():
    html = '<p>{% img a.png %} $x_1$ <span class="docutils">{{ page.title }}</span></p>'
    assert len(foreign.found(html, "rst")) == 2
    assert foreign.jekyll(html, [], "{{ page.title }}", "rst") is not None


@pytest.mark.parametrize("name", sorted(foreign.LIQUID_TAGS))
def test_each_liquid_tag_is_answered_the_rest_way(name):
    assert set(foreign.LIQUID_TAGS_RST) == set(foreign.LIQUID_TAGS)
    (piece,) = foreign.found(f"<p>{{% {name} x 1 %}}</p>", "rst")
    advice = piece.message.split(" is ", 1)[1]
    for markdown in ("![", "](", "```", "Markdown", "(> ", "with > ", "[^1]"):
        assert markdown not in advice, advice
    (md,) = foreign.found(f"<p>{{% {name} x 1 %}}</p>")
    assert md.message.split(" is ")[0] == piece.message.split(" is ")[0]


@pytest.mark.parametrize(
    ("html", "rst_advice"),
    [
        ("<p>$x^2$</p>", "write it as reStructuredText's math, which is typeset: :math:`…`"),
        ("<p>a ~~b~~ c</p>", "remove the tildes (reStructuredText has no struck-through text"),
        ("<p>H~2~O</p>", "write :sub:`2`"),
        ("<p>a ==b== c</p>", "remove the marks, or write **b**"),
        ("<p>a ^^b^^ c</p>", "remove the marks, or write *b*"),
        ('<p>??? tip "More"\nText</p>', "write a .. admonition:: More directive"),
        (
            '<iframe src="https://www.youtube.com/embed/Tess3llate1"></iframe>',
            "`Watch on YouTube <https://www.youtube.com/watch?v=Tess3llate1>`_",
        ),
        ('<iframe src="https://maps.example.org/x"></iframe>', "`its title <its address>`_"),
    ],
)
def test_advice_fits_a_rest_post(html, rst_advice):
    (piece,) = foreign.found(html, "rst")
    assert rst_advice in piece.message, piece.message
    assert "write the post in reStructuredText" not in piece.message
    assert "<del>" not in piece.message and "](" not in piece.message
    (md,) = foreign.found(html)
    assert rst_advice not in md.message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% highlight ruby %}\n", "write a .. code-block:: ruby directive, the code indented"),
        ("{% comment %}\n", "write a reStructuredText comment: a line starting with .. "),
        ("{{ site.url }}\n", "`its title <{filename}/posts/x.rst>`_"),
    ],
)
def test_jekyll_liquid_is_answered_the_rest_way(source, expected):
    html = f"<p>{source.strip()}</p>"
    number, message = foreign.jekyll(html, [], source, "rst")
    assert number == 1 and expected in message, message
    assert expected not in foreign.jekyll(html, [], source)[1]


def test_a_rest_sources_code_is_passed_over_when_lines_are_named():
    source = (
        "Title\n#####\n\n"  # 1-3
        "Text ``{% img a.png %} $x_1$\n{{ page.title }} \\(r\\)`` and :math:`y_1`.\n\n"  # 4-6
        "Run::\n\n  {% img b.png %} {{ page.title }}\n\n"  # 7-10
        ".. code:: jinja\n\n    {% img c.png %}\n\n"  # 11-14
        ".. {% img d.png %}\n   $x_1$\n\n"  # 15-17
        "Text.\n\n    A quote: {% img e.png %}\n\n"  # 18-21 (a block quote is text)
        "The area $\\\\alpha_{ps}$, then \\\\(r\\\\) and {{ page.title }}.\n"  # 22
    )
    html = (
        '<p>Text <span class="docutils literal">…</span>.</p><pre>…</pre><pre>…</pre>'
        "<blockquote><p>A quote: {% img e.png %}</p></blockquote>"
        "<p>The area $\\alpha_{ps}$, then \\(r\\) and {{ page.title }}.</p>"
    )
    found = foreign.found(html, "rst")
    assert [piece.message.split(" is ")[0] for piece in found] == [
        "{% img e.png %}",
        "$\\alpha_{ps}$",
    ]
    assert foreign.lines_of(found, source, "rst") == [20, 22]
    assert foreign.jekyll(html, [], source, "rst")[0] == 22
    # read as Markdown: the literal on two lines is a code span there too (it was not, when
    # code spans were read a line at a time), the literal block indented two spaces is
    # text, the quote indented four is code
    assert foreign.lines_of(found, source) == [9, None]


def test_a_rest_links_line_is_named(build_site, caplog):
    # read as Markdown, `words <address>`_ was code in backticks: the line was never named
    caplog.set_level(logging.WARNING)
    post = HEAD + "Text.\n\nSee ``{statc}/x.png`` and `a picture <{statc}/images/x.png>`_.\n"
    build_site({"posts/tips.rst": post}, name="rst-link-line")
    said = [
        r.getMessage() for r in caplog.records if "rst-link-line/posts/tips.rst" in r.getMessage()
    ]
    assert said == [
        "rst-link-line/posts/tips.rst: line 10: the link {statc}/images/x.png starts with "
        "{statc}, which Pelican does not resolve: it is published as written (did you mean "
        "{static}?)"
    ], said
