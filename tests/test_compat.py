"""compat/: Hugo shortcodes, Jekyll Liquid and Pandoc syntax -> MyST, as pure functions.

The snippets are the ones Hugo's and Jekyll's documentation use.
"""

from __future__ import annotations

from sphinx_newsroom.compat.convert import Context, convert
from sphinx_newsroom.warnings_ import NewsroomWarning

DOCS = {"posts/hello", "posts/other", "blog/2020/x", "_posts/2016-07-26-name-of-post",
        "about/index"}


def run(text: str, **kw):
    context = Context(**{"docname": "posts/hello", "docnames": DOCS, "first_line": 1, **kw})
    return convert(text, context)


def test_figure_with_caption_alt_and_link():
    result = run('{{< figure src="/images/a.png" title="Steve Francia" alt="A photo" '
                 'link="https://gohugo.io" caption="A caption" >}}')
    assert result.text.splitlines() == [
        "```{figure} /images/a.png", ":alt: A photo", ":target: https://gohugo.io", "",
        "**Steve Francia** A caption", "```"]


def test_figure_without_caption_is_an_image_and_self_closing_form_works():
    assert run('{{< figure src="a.png" />}}').text.splitlines() == ["```{image} a.png", "```"]


def test_percent_form_and_paired_unknown_shortcode_keep_inner_markdown_with_a_warning():
    result = run("Intro\n\n{{% notice tip %}}\n*Inner*\n{{% /notice %}}\n")
    assert "*Inner*" in result.text and "notice" not in result.text
    assert [(p.subtype, p.line) for p in result.problems] == [(NewsroomWarning.SHORTCODE, 3)]
    assert "'notice'" in result.problems[0].message


def test_escaped_shortcodes_are_shown_literally_even_in_code():
    result = run('{{</* myshortcode */>}}\n\n```go\n{{%/* x `a` */%}}\n```\n')
    assert result.text == "{{< myshortcode >}}\n\n```go\n{{% x `a` %}}\n```\n"
    assert result.problems == ()


def test_shortcodes_and_liquid_in_code_stay_as_written():
    text = ("`{{< youtube x >}}` and\n\n```\n{{< figure src=a >}}\n{% include a %}\n```\n\n"
            "    {{ site.url }}\n")
    assert run(text).text == text
    assert run(text).problems == ()


def test_ref_and_relref_link_to_the_document():
    result = run('[other]({{< ref "posts/other.md" >}}), [x]({{< relref "/blog/2020/x" >}}), '
                 '{{< ref "other" >}}, [a]({{< ref "about" >}}), [p]({{< ref "other.md#part" >}})')
    assert result.text == ("[other](other.md), [x](../blog/2020/x.md), {doc}`/posts/other`, "
                           "[a](../about/index.md), [p](other.md#part)")


def test_ref_to_nothing_warns_and_keeps_the_path():
    result = run('[x]({{< ref "nowhere.md" >}})')
    assert result.text == "[x](nowhere.md)"
    assert "no document matches 'nowhere.md'" in result.problems[0].message


def test_youtube_is_an_html_embed_and_a_link_elsewhere():
    result = run('{{< youtube id="w7Ft2ymGmfc" title="A New Hugo Site" autoplay=true >}}')
    assert "````{only} html" in result.text and "````{only} not html" in result.text
    assert "[A New Hugo Site](https://www.youtube.com/watch?v=w7Ft2ymGmfc)" in result.text
    assert 'src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=true"' \
        in result.trusted_html[0]
    assert result.trusted_html[0] in result.text


def test_vimeo_positional_and_bad_id():
    assert "[Vimeo video](https://vimeo.com/55073825)" in run("{{< vimeo 55073825 >}}").text
    bad = run('{{< youtube "x<script>" >}}')
    assert bad.text == "" and bad.trusted_html == () and "not a video id" in bad.problems[0].message


def test_highlight_with_options():
    text = ('{{< highlight go "linenos=table,hl_lines=8 15-17,linenostart=199" >}}\n'
            "package main\n{{< /highlight >}}")
    assert run(text).text.splitlines() == [
        "```{code-block} go", ":linenos:", ":lineno-start: 199", ":emphasize-lines: 8,15-17",
        "", "package main", "```"]


def test_links_for_gist_tweet_x_instagram():
    text = run('{{< gist spf13 7896402 "img.html" >}} {{< tweet user="SanDiegoZoo" '
               'id="1453110110599868418" >}} {{< x user="SanDiegoZoo" id="1" >}} '
               "{{< instagram CxOWiQNP2MO >}}").text
    assert "(https://gist.github.com/spf13/7896402?file=img.html)" in text
    assert "(https://twitter.com/SanDiegoZoo/status/1453110110599868418)" in text
    assert "[Post by @SanDiegoZoo on X](https://x.com/SanDiegoZoo/status/1)" in text
    assert "(https://www.instagram.com/p/CxOWiQNP2MO/)" in text


def test_param_baseurl_and_postref():
    result = run('{{< param "author.name" >}} ![a]({{< baseurl >}}images/a.png) '
                 '![b]({{< postref >}}b.png) {{< param missing >}}',
                 front_matter={"author": {"name": "Ann"}})
    assert result.text == "Ann ![a](../images/a.png) ![b](./b.png) "
    assert "no 'missing'" in result.problems[0].message


def test_shortcode_inside_a_list_item_keeps_the_indentation():
    lines = run("- item\n\n  {{< figure src=a.png >}}\n").text.splitlines()
    assert lines[2:] == ["  ```{image} a.png", "  ```"]


def test_more_divider_gives_the_summary_and_is_never_shown():
    result = run("First **bold** [link](x.md) para.\n\n<!--more-->\n\nRest.")
    assert result.summary == "First bold link para."
    assert "more" not in result.text and result.text.count("\n") == 4


def test_jekyll_excerpt_separator_from_front_matter():
    result = run("Lead.\n<!-- excerpt -->\nBody.", front_matter={"excerpt_separator":
                                                                  "<!-- excerpt -->"})
    assert (result.summary, result.text) == ("Lead.", "Lead.\n\nBody.")


def test_liquid_highlight_raw_and_links():
    result = run("{% highlight ruby linenos %}\ndef foo\nend\n{% endhighlight %}\n"
                 "{% raw %}{{ page.title }} {% if x %}{% endraw %}\n"
                 "[a]({% link _posts/2016-07-26-name-of-post.md %}) "
                 "{% post_url 2016-07-26-name-of-post %}\n")
    assert result.text.splitlines() == [
        "```{code-block} ruby", ":linenos:", "", "def foo", "end", "```",
        "{{ page.title }} {% if x %}",
        "[a](../_posts/2016-07-26-name-of-post.md) {doc}`/_posts/2016-07-26-name-of-post`"]
    assert result.problems == ()


def test_liquid_urls():
    result = run('{{ site.baseurl }}/x {{ site.url }}{{ site.baseurl }}/y '
                 '{{ "/assets/s.css" | relative_url }} {{ "/z" | absolute_url }} '
                 "{{ page.title }}", front_matter={"title": "T"},
                 site_url="https://ex.org/")
    assert result.text == "../x ../y ../assets/s.css https://ex.org/z T"


def test_include_assign_and_unknown_tags_are_dropped_with_located_warnings():
    result = run("a\n{% include note.html %}\n{% assign x = 1 %}\n"
                 "{% if x %}kept{% endif %}\n{% comment %}hidden{% endcomment %}\n")
    assert result.text == "a\n\n\nkept\n\n"
    assert [p.line for p in result.problems] == [2, 3, 4]


def test_kramdown_attribute_lists():
    text = "A lead\nparagraph.\n{: .lead}\n\n*hi*{: .big}"
    assert run(text).text == "A lead\nparagraph.\n\n\n*hi*"
    on = run(text, attrs_block=True, attrs_inline=True).text
    assert on == "{.lead}\nA lead\nparagraph.\n\n\n*hi*{.big}"


def test_kramdown_math_is_left_alone():
    text = "$$\n\\frac{a}{b} {: x}\n$$ and \\\\( x^{2} \\\\)"
    assert run(text).text == text


def test_inline_footnotes_become_footnotes_defined_at_the_end():
    result = run("Here^[A note with [a link](x) inside.] and [^note-1] there^[Two.]\n\n"
                 "[^note-1]: Taken.\n")
    assert result.text == ("Here[^note-2] and [^note-1] there[^note-3]\n\n[^note-1]: Taken.\n\n"
                           "[^note-2]: A note with [a link](x) inside.\n\n[^note-3]: Two.\n")


def test_fenced_divs_become_admonitions_or_containers():
    text = ("::: {.warning #w}\nCareful.\n:::\n\n::: sidebar\n"
            "::: {.callout-tip}\nTip\n:::\n:::\n\n:::{note}\nMyST\n:::\n")
    assert run(text).text == (
        "`````{warning}\n:name: w\nCareful.\n`````\n\n``````{container} sidebar\n"
        "`````{tip}\nTip\n`````\n``````\n\n:::{note}\nMyST\n:::\n")


def test_heading_attributes_become_targets():
    assert run("Text\n\n## Methods {#methods .unnumbered}\n").text == \
        "Text\n(methods)=\n## Methods\n"
    assert run("# Top {#top}").text == "(top)=\n# Top"


def test_r_chunks_show_as_r_code_and_hidden_ones_are_removed():
    text = ("```{r setup, include=FALSE}\nlibrary(x)\n```\n"
            "```{r plot, echo = F}\nplot(1)\n```\n```{r cars, fig.cap='x'}\nsummary(cars)\n```")
    assert run(text).text == "\n\n\n\n\n\n```r\nsummary(cars)\n```"


def test_lines_keep_their_numbers_for_warnings_after_added_lines():
    text = "{{< figure src=a.png caption=c >}}\n\n{{< youtube abc >}}\n\n{{< unknown >}}"
    assert run(text, first_line=10).problems[0].line == 14


def test_families_can_be_turned_off():
    text = "{{< unknown >}} {% include x %} ^[n]"
    assert run(text, families=()).text == text
    assert run(text, families=("pandoc",)).text.startswith("{{< unknown >}} {% include x %} [^")
