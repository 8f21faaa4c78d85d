"""Image renditions made when an image is saved or a page is published, so
no visitor's request pays for resizing and encoding (AVIF is slow).

The specs below are the ones the templates ask for: keep them in step when
a template's ``{% picture %}`` or ``{% image %}`` changes (a test checks
that every spec in the templates is listed). The work runs through the task
backend: at once in development and tests, on the worker in production.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

from django_tasks import task

logger = logging.getLogger(__name__)

# templates/courses/blocks/figure.html, module_page.html, includes/module_card.html
WEB = "format-{avif,webp,png} width-{360,720,1080}"
# templates/includes/header.html (logo), print_tags.PRINT_RENDITION,
# learning/package.py (offline copies of figures and the logo)
OTHERS = ["height-48", "width-1400", "format-webp|width-720"]


def rendition_specs():
    return [*Filter.expand_spec(WEB), *OTHERS]


@task()
def make_renditions(image_ids):
    """Create the missing renditions of these images (existing ones are kept)."""
    made = 0
    specs = rendition_specs()
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            made += len(image.get_renditions(*specs))
        except Exception as error:  # a missing or broken file: the page shows a fallback
            logger.warning("Renditions: image %s (%s) skipped: %s", image.pk, image.title, error)
    return made


def images_of_page(page):
    """The images a page uses (stream blocks, cover images…), from Wagtail's
    reference index, brought up to date first: its own update may still be
    waiting in the task queue."""
    ReferenceIndex.create_or_update_for_object(page)
    image_type = ContentType.objects.get_for_model(get_image_model())
    ids = ReferenceIndex.objects.filter(
        base_content_type=page.get_base_content_type(),
        object_id=str(page.pk),
        to_content_type=image_type,
    ).values_list("to_object_id", flat=True)
    return sorted({int(pk) for pk in ids})


@task()
def make_page_renditions(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return make_renditions.call(images_of_page(page.specific)) if page else 0


def _image_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: make_renditions.enqueue([instance.pk]))


def _page_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: make_page_renditions.enqueue(instance.pk))


def connect():
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="taller-renditions")
    page_published.connect(_page_published, dispatch_uid="taller-renditions-publish")
