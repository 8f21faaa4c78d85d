"""The demo site's anonymous feedback page, in Spanish.

Called at the end of ``load_demo_content``. Idempotent: the page is found by
its slug under the Spanish home page and left as it is if it exists (editors
may have changed its questions since).
"""

from django.db import transaction

from wagtail.models import Locale

from cms.models import HomePage

from .models import FeedbackFormField, FeedbackFormPage

SLUG = "tu-opinion"
QUESTIONS = [
    {
        "label": "¿Qué tan útil te resultó el taller?",
        "field_type": "radio",
        "choices": "1 · Nada útil\n2 · Poco útil\n3 · Más o menos\n4 · Útil\n5 · Muy útil",
        "required": True,
    },
    {
        "label": "¿Qué fue lo más útil para ti?",
        "field_type": "multiline",
        "required": False,
    },
    {
        "label": "¿Qué cambiarías o agregarías?",
        "field_type": "multiline",
        "required": False,
    },
    {
        "label": "¿Recomendarías este taller a una compañera?",
        "field_type": "radio",
        "choices": "Sí\nTal vez\nNo",
        "required": True,
    },
]


def load_feedback_page():
    """Create the page if it is missing; returns 'created' or 'unchanged'."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return "unchanged"
    if FeedbackFormPage.objects.child_of(home).filter(slug=SLUG).exists():
        return "unchanged"
    with transaction.atomic():
        page = FeedbackFormPage(
            title="Tu opinión sobre el taller",
            slug=SLUG,
            locale=home.locale,
            intro=(
                "<p>Cuéntanos cómo te fue en el taller. Son cuatro preguntas y te lleva "
                "dos minutos. Tus respuestas ayudan a las organizaciones de la red a "
                "mejorar los próximos talleres.</p>"
            ),
            thank_you_text=(
                "<p>Gracias por tomarte el tiempo. Leemos todas las respuestas, "
                "juntas, para mejorar los talleres.</p>"
            ),
        )
        page.form_fields = [
            FeedbackFormField(sort_order=i, **question) for i, question in enumerate(QUESTIONS)
        ]
        home.add_child(instance=page)
        page.save_revision().publish()
    return "created"
