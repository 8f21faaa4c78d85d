"""The rich-text features editors get, one list for each kind of text.

Rich text stays simple everywhere: structure and emphasis, no colours, no
embeds, nothing that could load from another site.
"""

# A page's own long text: headings, lists, emphasis, links.
ARTICLE = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
# Text under a heading the page already gives it: subheadings only.
SECTION = ["h3", "bold", "italic", "ol", "ul", "link"]
# Blocks and notes inside a page: lists and emphasis, no headings.
NOTE = ["bold", "italic", "ol", "ul", "link"]
# A sentence or two: a definition, a form's introduction.
SENTENCE = ["bold", "italic", "link"]
