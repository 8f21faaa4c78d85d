"""Handouts as editable files, so a national organisation can adapt a
sheet in LibreOffice or Word without retyping it: ``.docx`` (python-docx)
and ``.odt`` (odfpy), with the handout's headings, lists, check boxes (☐)
and writing lines (paragraphs with a bottom border, easy to add or
delete). Document kinds of the printing pipeline like the PDFs: cached by
published revision, named and invalidated the same way."""

import io
from html.parser import HTMLParser

from django.utils import translation

from .documents import HandoutDocument

CHECK_BOX = "☐"
PAGE_SIZE_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
# A sans-serif font Word has and LibreOffice replaces with a metric twin
# (Liberation Sans), as the PDFs' DejaVu Sans is not everywhere.
FONT = "Arial"


class _RichText(HTMLParser):
    """Rich text (Wagtail's stored HTML) as ("heading"|"paragraph"|"bullet"|
    "number", text) pairs: the structure an editable sheet needs."""

    def __init__(self):
        super().__init__()
        self.items, self.text, self.lists = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "br":
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "li":
            kind = "number" if self.lists and self.lists[-1] == "ol" else "bullet"
            self._flush(kind)
        elif tag in ("h2", "h3", "h4"):
            self._flush("heading")
        elif tag == "p":
            self._flush("paragraph")

    def handle_data(self, data):
        self.text.append(data)

    def _flush(self, kind):
        text = " ".join("".join(self.text).split())
        if text:
            self.items.append((kind, text))
        self.text = []


def rich_text_items(value):
    parser = _RichText()
    parser.feed(str(getattr(value, "source", value) or ""))
    parser.close()
    parser._flush("paragraph")
    return parser.items


def handout_outline(handout):
    """The handout as a flat list of (kind, text) items, the same for both
    formats: title, lead, heading, label, paragraph, bullet, number, check,
    line (a writing line) and term (a label with its text)."""
    items = [("title", handout.title)]
    if handout.intro:
        items.append(("lead", handout.intro))
    for block in handout.body:
        value = block.value
        kind = block.block_type
        if kind == "text":
            items += rich_text_items(value)
        elif kind == "key_message":
            items.append(("heading", value["title"]))
            items += rich_text_items(value["text"])
        elif kind == "checklist":
            items.append(("heading", value["title"]))
            items += [("check", f"{CHECK_BOX} {item}") for item in value["items"]]
        elif kind == "fill_in":
            items.append(("heading", value["title"]))
            for field in value["fields"]:
                items.append(("label", field))
                items += [("line", "")] * max(1, int(value["lines"] or 1))
        elif kind == "facts":
            items.append(("heading", value["title"]))
            items += [("term", (row["label"], row["text"])) for row in value["rows"]]
    return items


class EditableHandoutDocument(HandoutDocument):
    """Shared by the two formats: the outline, in the document's language."""

    def outline(self):
        with translation.override(self.language):
            return handout_outline(self.page)

    def render_bytes(self):
        return self.build(self.outline()), 1

    def key_extra(self):
        return ["editable", 1]


class DocxHandoutDocument(EditableHandoutDocument):
    variant = "docx"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def build(self, outline):
        # python-docx and odfpy load lxml and their own templates: only when
        # someone asks for an editable handout, not in every web process.
        from docx import Document
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        document = Document()
        section = document.sections[0]
        section.page_width, section.page_height = (Mm(v) for v in PAGE_SIZE_MM[self.paper])
        for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, margin, Mm(17))
        # Black, sans-serif and tight, as on the PDF: the default template's
        # blue headings print grey, its wide spacing pushed a sheet onto two pages.
        for name, size in (("Normal", 11), ("Heading 1", 18), ("Heading 2", 13)):
            font = document.styles[name].font
            font.name, font.size, font.color.rgb = FONT, Pt(size), RGBColor(0, 0, 0)
        document.styles["Normal"].paragraph_format.space_after = Pt(4)
        document.core_properties.title = self.title
        document.core_properties.language = self.language
        document.core_properties.author = self.author
        for kind, text in outline:
            if kind == "title":
                document.add_heading(text, level=1)
            elif kind == "heading":
                document.add_heading(text, level=2)
            elif kind == "lead":
                document.add_paragraph(text).runs[0].italic = True
            elif kind == "bullet":
                document.add_paragraph(text, style="List Bullet")
            elif kind == "number":
                document.add_paragraph(text, style="List Number")
            elif kind == "label":
                document.add_paragraph().add_run(text).bold = True
            elif kind == "term":
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{text[0]}: ").bold = True
                paragraph.add_run(text[1])
            elif kind == "line":
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_before = Pt(14)
                borders = OxmlElement("w:pBdr")
                bottom = OxmlElement("w:bottom")
                for name, value in (("val", "single"), ("sz", "6"), ("space", "1")):
                    bottom.set(qn(f"w:{name}"), value)
                bottom.set(qn("w:color"), "000000")
                borders.append(bottom)
                paragraph._p.get_or_add_pPr().append(borders)
            elif kind == "check":
                document.add_paragraph(text).paragraph_format.space_after = Pt(2)
            else:
                document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


class OdtHandoutDocument(EditableHandoutDocument):
    variant = "odt"
    extension = "odt"
    content_type = "application/vnd.oasis.opendocument.text"

    def build(self, outline):
        # Loaded when asked, like python-docx above.
        from odf import dc, style, text
        from odf.opendocument import OpenDocumentText

        document = OpenDocumentText()
        document.fontfacedecls.addElement(
            style.FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss")
        )
        default = style.DefaultStyle(family="paragraph")
        default.addElement(style.TextProperties(fontname=FONT))
        document.styles.addElement(default)
        width, height = PAGE_SIZE_MM[self.paper]
        layout = style.PageLayout(name="Sheet")
        layout.addElement(
            style.PageLayoutProperties(
                pagewidth=f"{width}mm",
                pageheight=f"{height}mm",
                margin="17mm",
                printorientation="portrait",
            )
        )
        document.automaticstyles.addElement(layout)
        document.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))

        def paragraph_style(name, size="11pt", **extra):
            # Named styles, so an editor can restyle every heading at once.
            found = style.Style(name=name, family="paragraph")
            found.addElement(style.TextProperties(fontsize=size, **extra.pop("text", {})))
            if extra:
                found.addElement(style.ParagraphProperties(**extra))
            document.styles.addElement(found)
            return found

        styles = {
            "title": paragraph_style("Título", "18pt", text={"fontweight": "bold"}),
            "heading": paragraph_style(
                "Subtítulo", "13pt", text={"fontweight": "bold"}, margintop="4mm"
            ),
            "lead": paragraph_style("Entradilla", "12pt", text={"fontstyle": "italic"}),
            "paragraph": paragraph_style("Texto", marginbottom="1.5mm"),
            "check": paragraph_style("Casilla", marginbottom="1mm"),
            "label": paragraph_style("Campo", text={"fontweight": "bold"}, margintop="2mm"),
            "line": paragraph_style(
                "Línea para escribir", borderbottom="0.5pt solid #000000", margintop="6mm"
            ),
        }
        bold = style.Style(name="Negrita", family="text")
        bold.addElement(style.TextProperties(fontweight="bold"))
        document.styles.addElement(bold)
        document.meta.addElement(dc.Title(text=self.title))
        document.meta.addElement(dc.Language(text=self.language))
        list_styles = {"bullet": bullet_list_style(), "number": number_list_style()}
        for list_style in list_styles.values():
            document.automaticstyles.addElement(list_style)
        current_list, list_kind = None, None
        for kind, value in outline:
            if kind in ("bullet", "number"):  # check boxes carry their own ☐, no bullet
                if current_list is None or list_kind != kind:
                    current_list, list_kind = text.List(stylename=list_styles[kind]), kind
                    document.text.addElement(current_list)
                item = text.ListItem()
                item.addElement(text.P(stylename=styles["paragraph"], text=value))
                current_list.addElement(item)
                continue
            current_list = None
            if kind == "title":
                title = text.H(outlinelevel=1, stylename=styles["title"], text=value)
                document.text.addElement(title)
            elif kind == "heading":
                heading = text.H(outlinelevel=2, stylename=styles["heading"], text=value)
                document.text.addElement(heading)
            elif kind == "term":
                paragraph = text.P(stylename=styles["paragraph"])
                paragraph.addElement(text.Span(stylename=bold, text=f"{value[0]}: "))
                paragraph.addText(value[1])
                document.text.addElement(paragraph)
            else:
                document.text.addElement(text.P(stylename=styles[kind], text=value))
        buffer = io.BytesIO()
        document.write(buffer)
        return buffer.getvalue()


def bullet_list_style():
    from odf import style, text

    found = text.ListStyle(name="bullet")
    level = text.ListLevelStyleBullet(level=1, bulletchar="•")
    level.addElement(style.ListLevelProperties(spacebefore="2mm", minlabelwidth="5mm"))
    found.addElement(level)
    return found


def number_list_style():
    from odf import style, text

    found = text.ListStyle(name="number")
    level = text.ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    level.addElement(style.ListLevelProperties(spacebefore="2mm", minlabelwidth="6mm"))
    found.addElement(level)
    return found
