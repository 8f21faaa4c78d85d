"""StreamField blocks for lessons and handouts.

Block names are stored in the page JSON: choose them once, never rename.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms import rich_text

# Interface strings are written in Spanish, the default language; the
# pt-BR and English catalogues translate from it.


class TitledTextBlock(blocks.StructBlock):
    """A title and a few lines of text: the shape of key messages, stories
    and help boxes."""

    title = blocks.CharBlock(label=_("Título"), max_length=120)
    text = blocks.RichTextBlock(label=_("Texto"), features=rich_text.NOTE)


class KeyMessageBlock(TitledTextBlock):
    class Meta:
        icon = "pick"
        template = "courses/blocks/key_message.html"
        label = _("Mensaje clave")
        description = _("Una idea destacada para recordar.")
        preview_value = {
            "title": "La violencia nunca es culpa de quien la sufre",
            "text": "<p>Tenemos derecho a trabajar con seguridad y a ser tratadas con respeto.</p>",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Imagen"))
    caption = blocks.CharBlock(label=_("Pie de imagen"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/figure.html"
        label = _("Imagen")
        description = _("Una ilustración con su texto alternativo escrito para esta lección.")


class StoryBlock(TitledTextBlock):
    text = blocks.RichTextBlock(label=_("Relato"), features=rich_text.NOTE)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/story.html"
        label = _("Relato o caso")
        description = _("Un relato o caso breve y ficticio para pensar. Sin nombres reales.")
        preview_value = {
            "title": "La historia de Rosa",
            "text": "<p>Rosa llegó al centro de salud y la hicieron esperar tres horas…</p>",
        }


class DiscussionBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introducción"), required=False)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Pregunta")), label=_("Preguntas"))

    class Meta:
        icon = "help"
        template = "courses/blocks/discussion.html"
        label = _("Preguntas para conversar")
        description = _("Preguntas para pensar a solas o conversar en grupo.")
        preview_value = {
            "intro": "Pensemos juntas:",
            "questions": ["¿Qué nos da fuerza?", "¿A quién podemos pedir ayuda?"],
        }


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Respuesta"), max_length=250)
    correct = blocks.BooleanBlock(label=_("Es correcta"), required=False)
    feedback = blocks.CharBlock(label=_("Devolución"), required=False, max_length=400)

    class Meta:
        icon = "tick"
        label = _("Opción")


class SelfCheckBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Pregunta"), max_length=300)
    options = blocks.ListBlock(AnswerOptionBlock(), min_num=2, max_num=6, label=_("Opciones"))
    explanation = blocks.RichTextBlock(label=_("Explicación"), features=rich_text.NOTE)

    class Meta:
        icon = "tasks"
        template = "courses/blocks/self_check.html"
        label = _("Pregunta de autoevaluación")
        description = _(
            "Una pregunta con opciones; quien estudia recibe la devolución al instante."
        )
        preview_value = {
            "question": "¿La violencia policial es culpa de quien la sufre?",
            "options": [
                {"text": "Sí", "correct": False, "feedback": "No: nadie merece violencia."},
                {"text": "No", "correct": True, "feedback": "Correcto."},
            ],
            "explanation": "<p>La responsabilidad es siempre de quien agrede.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": blocks.ListBlockValidationError(
                        non_block_errors=[_("Marca al menos una opción como correcta.")]
                    )
                }
            )
        return value


class GlossaryTermBlock(blocks.StructBlock):
    term = SnippetChooserBlock("courses.GlossaryTerm", label=_("Término"))

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/glossary_term.html"
        label = _("Término del glosario")
        description = _("Muestra un término del glosario y su definición dentro de la lección.")


class HelpBoxBlock(TitledTextBlock):
    class Meta:
        icon = "warning"
        template = "courses/blocks/help_box.html"
        label = _("Dónde pedir ayuda")
        description = _("Dónde pedir ayuda: organizaciones, servicios, primeros pasos.")
        preview_value = {
            "title": "¿Dónde pedir ayuda?",
            "text": "<p>Comunícate con la organización de tu país.</p>",
        }


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Texto"),
        features=rich_text.ARTICLE,
        template="courses/blocks/text.html",
        icon="pilcrow",
    )
    key_message = KeyMessageBlock()
    figure = FigureBlock()
    story = StoryBlock()
    discussion = DiscussionBlock()
    self_check = SelfCheckBlock()
    glossary = GlossaryTermBlock()
    help = HelpBoxBlock()


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Punto")), label=_("Puntos"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/checklist.html"
        label = _("Lista para marcar")
        description = _("Puntos con una casilla para marcar en papel.")
        preview_value = {"title": "Antes de salir", "items": ["Avisé a una compañera"]}


class FillInBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), max_length=120)
    fields = blocks.ListBlock(blocks.CharBlock(label=_("Campo")), label=_("Campos"))
    lines = blocks.IntegerBlock(label=_("Renglones por campo"), min_value=1, max_value=6, default=1)

    class Meta:
        icon = "form"
        template = "courses/blocks/fill_in.html"
        label = _("Campos para completar")
        description = _("Renglones en blanco con su etiqueta, para escribir en papel.")
        preview_value = {"title": "Mis contactos", "fields": ["Nombre", "Teléfono"], "lines": 1}


class FactRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Etiqueta"), max_length=80)
    text = blocks.TextBlock(label=_("Texto"))

    class Meta:
        icon = "list-ul"


class FactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), max_length=120)
    rows = blocks.ListBlock(FactRowBlock(), label=_("Filas"))

    class Meta:
        icon = "table"
        template = "courses/blocks/facts.html"
        label = _("Lista de datos")
        description = _(
            "Dos columnas, etiqueta y texto: una línea de tiempo o un resumen en una página."
        )
        preview_value = {
            "title": "Fechas",
            "rows": [
                {"label": "2 de junio", "text": "Día Internacional de las Trabajadoras Sexuales"}
            ],
        }


class HandoutStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Texto"),
        features=rich_text.ARTICLE,
        template="courses/blocks/text.html",
        icon="pilcrow",
    )
    key_message = KeyMessageBlock()
    checklist = ChecklistBlock()
    fill_in = FillInBlock()
    facts = FactsBlock()
