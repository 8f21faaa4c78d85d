"""The admin makes a wrong tree impossible, and editors can create every page type."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import HomePage, StandardPage
from courses.countries.models import CountryIndexPage
from courses.models import (
    FacilitatorGuidePage,
    GlossaryPage,
    HandoutPage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
)
from courses.reports.models import FeedbackFormPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_the_catalogue_glossary_and_plain_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {ModuleIndexPage, GlossaryPage, CountryIndexPage, StandardPage, FeedbackFormPage},
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_catalogue_holds_only_modules(self):
        self.assertAllowedSubpageTypes(ModuleIndexPage, {ModulePage})
        self.assertAllowedParentPageTypes(ModuleIndexPage, {HomePage})

    def test_module_holds_lessons_a_guide_and_handouts(self):
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage, FacilitatorGuidePage, HandoutPage})
        self.assertAllowedParentPageTypes(ModulePage, {ModuleIndexPage})

    def test_lessons_hold_only_handouts(self):
        self.assertAllowedSubpageTypes(LessonPage, {HandoutPage})
        self.assertAllowedParentPageTypes(HandoutPage, {LessonPage, ModulePage})

    def test_leaves_have_no_children(self):
        for leaf in (HandoutPage, FacilitatorGuidePage, GlossaryPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_a_module_has_one_guide_and_a_home_one_catalogue(self):
        module = ModulePage.objects.first()
        self.assertFalse(FacilitatorGuidePage.can_create_at(module))
        home = HomePage.objects.first()
        self.assertFalse(ModuleIndexPage.can_create_at(home))
        self.assertFalse(GlossaryPage.can_create_at(home))


class AdminCanCreateEachPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="es")
        self.catalogue = ModuleIndexPage.objects.get(locale__language_code="es")
        self.module = ModulePage.objects.first()
        self.lesson = LessonPage.objects.child_of(self.module).first()

    def test_create_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Contacto",
                    "slug": "contacto",
                    "intro": "Cómo escribirnos",
                    "body": rich_text("<p>Escríbenos.</p>"),
                }
            ),
        )

    def test_create_module(self):
        self.assertCanCreate(
            self.catalogue,
            ModulePage,
            nested_form_data(
                {
                    "title": "Salud sin discriminación",
                    "slug": "salud",
                    "summary": "Nuestro derecho a la salud.",
                    "introduction": rich_text("<p>Intro</p>"),
                    "objectives": "Conocer el derecho a la salud",
                    "audience": "Todas",
                }
            ),
        )

    def test_create_lesson_with_every_block(self):
        from courses.models import GlossaryTerm

        term = GlossaryTerm.objects.filter(locale__language_code="es").first()
        body = streamfield(
            [
                ("text", rich_text("<p>Un texto.</p>")),
                ("key_message", {"title": "Clave", "text": rich_text("<p>Idea.</p>")}),
                ("story", {"title": "Caso", "text": rich_text("<p>Relato.</p>")}),
                ("discussion", {"intro": "", "questions": streamfield_list(["¿Qué piensas?"])}),
                ("glossary", {"term": term.pk}),
                ("help", {"title": "Ayuda", "text": rich_text("<p>Llama.</p>")}),
                (
                    "self_check",
                    {
                        "question": "¿Sí o no?",
                        "options": streamfield_list(
                            [
                                {"text": "Sí", "correct": "on", "feedback": "Bien"},
                                {"text": "No", "feedback": "Revisa"},
                            ]
                        ),
                        "explanation": rich_text("<p>Porque sí.</p>"),
                    },
                ),
            ]
        )
        self.assertCanCreate(
            self.module,
            LessonPage,
            nested_form_data(
                {
                    "title": "Nueva lección",
                    "slug": "nueva",
                    "intro": "Resumen",
                    "objectives": "",
                    "body": body,
                    "country_notes": inline_formset(
                        [{"country": "bo", "text": rich_text("En Bolivia, la Defensoría…")}]
                    ),
                }
            ),
        )
        lesson = LessonPage.objects.get(slug="nueva")
        self.assertEqual([n.country for n in lesson.country_notes.all()], ["bo"])
        self.assertEqual(
            [b.block_type for b in lesson.body],
            ["text", "key_message", "story", "discussion", "glossary", "help", "self_check"],
        )

    def test_create_handout(self):
        body = streamfield(
            [
                ("checklist", {"title": "Antes", "items": streamfield_list(["Avisar"])}),
                ("fill_in", {"title": "Datos", "fields": streamfield_list(["Nombre"]), "lines": 2}),
            ]
        )
        self.assertCanCreate(
            self.lesson,
            HandoutPage,
            nested_form_data(
                # The editor's form starts with one copy per participant.
                {
                    "title": "Hoja",
                    "slug": "hoja",
                    "intro": "",
                    "body": body,
                    "copies": 1,
                    "copies_for": "participant",
                    "people_per_group": 5,
                }
            ),
        )

    def test_create_guide_with_activities_and_their_handouts(self):
        module = ModulePage(title="Módulo nuevo", slug="modulo-nuevo", summary="Resumen")
        self.catalogue.add_child(instance=module)
        handout = HandoutPage(title="Hoja del taller", slug="hoja-del-taller")
        module.add_child(instance=handout)
        data = nested_form_data(
            {
                "title": "Guía",
                "slug": "guia",
                "introduction": rich_text("<p>Intro</p>"),
                "preparation": "Sala\nCopias",
                "start_time": "10:00",
                "activities": inline_formset(
                    [
                        {"title": "Bienvenida", "minutes": 20, "kind": "opening"},
                        {"title": "Pausa", "minutes": 15, "kind": "break"},
                    ]
                ),
            }
        )
        data["activities-0-handouts"] = [str(handout.pk)]  # a multiple select
        self.assertCanCreate(module, FacilitatorGuidePage, data)
        guide = FacilitatorGuidePage.objects.get(slug="guia")
        first, second = guide.activities.all()
        self.assertEqual((first.title, second.title), ("Bienvenida", "Pausa"))
        self.assertEqual(list(first.handouts.all()), [handout])
        self.assertEqual(guide.total_minutes, 35)


def streamfield_list(items):
    """Form data for a ListBlock, as the admin posts it."""
    data = {"count": len(items)}
    for i, item in enumerate(items):
        data[str(i)] = {"value": item, "id": f"item-{i}", "order": i, "deleted": ""}
    return data
