from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Learner features: progress on the device, self-checks, glossary
    tips, certificates and the offline web app."""

    name = "courses.learning"
    label = "learning"
    verbose_name = _("Aprendizaje")
