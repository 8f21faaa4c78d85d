"""Pages built for one test, so that a test says what it needs instead of
borrowing a page of the demo curriculum, whose wording and order editors
change. New pages go under the Spanish site's catalogue (found by type,
not by address), so they have addresses and render like any other page.

    module = ModulePageFactory(title="Cuidarnos")
    lesson = LessonPageFactory(parent=module, body=[paragraph("Hola")])
    guide = FacilitatorGuidePageFactory(parent=module, activities__minutes=[30, 45])
"""

from wagtail.models import Collection, Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from cms.models import HomePage, StandardPage
from courses.countries.models import CountryIndexPage, CountryPage
from courses.models import (
    Activity,
    FacilitatorGuidePage,
    HandoutPage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    Topic,
)


def spanish():
    return Locale.objects.get(language_code="es")


def spanish_catalogue():
    return ModuleIndexPage.objects.get(locale=spanish())


def spanish_home():
    return HomePage.objects.get(locale=spanish())


def paragraph(text):
    """A lesson's or handout's rich-text block, as ``body=[...]`` takes it."""
    return ("text", f"<p>{text}</p>")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Tema de prueba {n}")
    slug = factory.Sequence(lambda n: f"tema-de-prueba-{n}")
    locale = factory.LazyFunction(spanish)


class ImageFactory(wagtail_factories.ImageFactory):
    # In the site's one root collection, not in a second root.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Imagen de prueba {n}")


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    parent = factory.LazyFunction(spanish_catalogue)
    title = factory.Sequence(lambda n: f"Módulo de prueba {n}")
    summary = "Un módulo hecho para una prueba."


class InModuleFactory(wagtail_factories.PageFactory):
    """A page of a module: in a new module unless given a ``parent``."""

    class Meta:
        abstract = True

    parent = factory.SubFactory(ModulePageFactory)
    title = factory.Sequence(lambda n: f"Página de prueba {n}")


class LessonPageFactory(InModuleFactory):
    class Meta:
        model = LessonPage

    intro = "Una lección hecha para una prueba."


class HandoutPageFactory(InModuleFactory):
    class Meta:
        model = HandoutPage

    intro = "Una hoja hecha para una prueba."


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    title = factory.Sequence(lambda n: f"Actividad de prueba {n}")
    minutes = 30
    sort_order = factory.Sequence(int)


class FacilitatorGuidePageFactory(InModuleFactory):
    """A guide with its activities: ``activities__minutes=[30, 45]`` gives
    two (one of 30 minutes by default)."""

    class Meta:
        model = FacilitatorGuidePage
        skip_postgeneration_save = True

    @factory.post_generation
    def activities(guide, create, extracted, **kwargs):
        if not create:
            return
        for position, minutes in enumerate(kwargs.pop("minutes", [30])):
            ActivityFactory(guide=guide, minutes=minutes, sort_order=position, **kwargs)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(spanish_home)
    title = factory.Sequence(lambda n: f"Página de prueba {n}")


class CountryPageFactory(wagtail_factories.PageFactory):
    """A country page under the Spanish country index. Each country has one
    page per language: choose a ``code`` the demo does not use (``cl``)."""

    class Meta:
        model = CountryPage

    parent = factory.LazyFunction(lambda: CountryIndexPage.objects.get(locale=spanish()))
    code = "cl"
    title = "Chile"
