from courses.demo.markup import to_html


def test_paragraphs_headings_and_lists():
    html = to_html("## Título\n\nUna línea\nque sigue.\n\n- uno\n- dos\n\n1. a\n2. b")
    assert html == (
        "<h2>Título</h2><p>Una línea que sigue.</p>"
        "<ul><li>uno</li><li>dos</li></ul><ol><li>a</li><li>b</li></ol>"
    )


def test_bold_and_italic():
    assert to_html("**fuerte** y *suave*") == "<p><b>fuerte</b> y <i>suave</i></p>"


def test_html_in_the_source_is_escaped():
    assert to_html('<script>alert("x")</script>') == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>"
    )
