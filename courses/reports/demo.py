"""The demo site's anonymous feedback page, in Spanish, English and
Brazilian Portuguese.

Called at the end of ``load_demo_content``. Idempotent: each page is found
(by its slug, or for a translation by its ``translation_key``) and left as
it is if it exists, since editors may have changed its questions since.

The translations are real Wagtail translations: the Spanish page's
``translation_key``, under the home page of their locale. Their questions
keep the Spanish field names (``clean_name``), as a copy made with Wagtail's
"translate" action would: the same question is stored under the same key in
every language, so answers from the three pages can be read side by side.
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

# Per language code: the page's texts and, in the order of QUESTIONS, each
# question's label and (for choices) its options.
TRANSLATIONS = {
    "en": {
        "slug": "your-feedback",
        "title": "Your feedback on the workshop",
        "intro": (
            "<p>Tell us how the workshop went for you. There are four questions and it "
            "takes two minutes. Your answers help the organisations in the network "
            "improve their next workshops.</p>"
        ),
        "thank_you_text": (
            "<p>Thank you for taking the time. We read every answer, together, to "
            "improve the workshops.</p>"
        ),
        "questions": [
            {
                "label": "How useful was the workshop for you?",
                "choices": (
                    "1 · Not useful at all\n2 · Not very useful\n3 · So-so\n"
                    "4 · Useful\n5 · Very useful"
                ),
            },
            {"label": "What was most useful for you?"},
            {"label": "What would you change or add?"},
            {
                "label": "Would you recommend this workshop to a fellow worker?",
                "choices": "Yes\nMaybe\nNo",
            },
        ],
    },
    "pt-br": {
        "slug": "sua-opiniao",
        "title": "Sua opinião sobre a oficina",
        "intro": (
            "<p>Conte para nós como foi a oficina para você. São quatro perguntas e "
            "leva dois minutos. Suas respostas ajudam as organizações da rede a "
            "melhorar as próximas oficinas.</p>"
        ),
        "thank_you_text": (
            "<p>Obrigada por dedicar seu tempo. Lemos todas as respostas, juntas, "
            "para melhorar as oficinas.</p>"
        ),
        "questions": [
            {
                "label": "O quanto a oficina foi útil para você?",
                "choices": (
                    "1 · Nada útil\n2 · Pouco útil\n3 · Mais ou menos\n4 · Útil\n5 · Muito útil"
                ),
            },
            {"label": "O que foi mais útil para você?"},
            {"label": "O que você mudaria ou acrescentaria?"},
            {
                "label": "Você recomendaria esta oficina a uma companheira?",
                "choices": "Sim\nTalvez\nNão",
            },
        ],
    },
}


def load_feedback_page():
    """Create whichever of the pages is missing; returns a list of
    (outcome, label) with outcome 'created' or 'unchanged'."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return []
    source = FeedbackFormPage.objects.child_of(home).filter(slug=SLUG).first()
    outcome = "unchanged"
    if source is None:
        source = _create_spanish_page(home)
        outcome = "created"
    results = [(outcome, f"feedback page: {SLUG}")]
    for language_code, text in TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=language_code).first()
        translated_home = home.get_translation_or_none(locale) if locale else None
        if translated_home is None:
            continue  # a site without this language
        label = f"feedback page: {text['slug']}"
        # Found by its key, or by its slug (whose place a new page could not take).
        if (
            FeedbackFormPage.objects.filter(
                translation_key=source.translation_key, locale=locale
            ).exists()
            or FeedbackFormPage.objects.child_of(translated_home).filter(slug=text["slug"]).exists()
        ):
            results.append(("unchanged", label))
        else:
            _create_translation(source, translated_home, text)
            results.append(("created", label))
    return results


def _questions(labels_and_choices=None):
    """The form fields, in order; translated labels and choices when given,
    always with the Spanish field names."""
    fields = []
    for i, question in enumerate(QUESTIONS):
        field = FeedbackFormField(sort_order=i, **question)
        field.clean_name = field.get_field_clean_name()
        if labels_and_choices:
            field.label = labels_and_choices[i]["label"]
            field.choices = labels_and_choices[i].get("choices", "")
        fields.append(field)
    return fields


@transaction.atomic
def _create_spanish_page(home):
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
    page.form_fields = _questions()
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def _create_translation(source, translated_home, text):
    page = FeedbackFormPage(
        title=text["title"],
        slug=text["slug"],
        locale=translated_home.locale,
        translation_key=source.translation_key,
        intro=text["intro"],
        thank_you_text=text["thank_you_text"],
    )
    questions = _questions(text["questions"])
    # Each question shares the key of the one it translates, as wagtail-localize expects.
    for question, original in zip(questions, source.form_fields.all(), strict=False):
        question.translation_key = original.translation_key
    page.form_fields = questions
    translated_home.add_child(instance=page)
    page.save_revision().publish()
    return page
