"""What is cached and who is rendering it: two small tables.

A row in ``PrintedFile`` is written only after its file is completely in
storage, so a file without a row (a crash half-way) is never served.
``RenderLock`` lets processes on any machine sharing the database agree
that only one of them renders a given file.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PrintedFile(models.Model):
    """A rendered PDF (or ZIP) kept in storage, found by its key."""

    key = models.CharField(_("clave"), max_length=64, unique=True)
    # None for a file that belongs to no page: a workshop plan's pack, which
    # its plan owns (planner.PlanPrint) and deletes with it.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    revision_id = models.PositiveBigIntegerField(_("revisión"), null=True, blank=True)
    variant = models.CharField(_("variante"), max_length=20)
    paper = models.CharField(_("papel"), max_length=10)
    language = models.CharField(_("idioma"), max_length=10)
    file_name = models.CharField(_("archivo"), max_length=255)
    # Long enough for the editable handouts (.docx: 71 characters).
    content_type = models.CharField(max_length=100, default="application/pdf")
    size = models.PositiveBigIntegerField(_("tamaño en bytes"))
    sha256 = models.CharField(max_length=64)
    pages = models.PositiveIntegerField(_("páginas"), null=True, blank=True)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        verbose_name = _("PDF generado")
        verbose_name_plural = _("PDF generados")
        indexes = [models.Index(fields=["page", "variant", "paper", "language"])]

    def __str__(self):
        return self.file_name

    @property
    def etag(self):
        return f'"{self.sha256[:32]}"'


class RenderLock(models.Model):
    """Held while one process renders the file with this key."""

    key = models.CharField(max_length=64, unique=True)
    owner = models.CharField(max_length=64)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("PDF en preparación")

    def __str__(self):
        return self.key
