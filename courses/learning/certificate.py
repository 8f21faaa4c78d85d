"""The certificate of completion: a one-page PDF with the name the learner
types (an alias is fine), the module, its length and today's date.

The name exists only while the request is answered. It is not stored (no
model, no cache entry, no printed-file record: the PDF is rendered for this
response and never cached), not logged (the parameter is marked sensitive
for error reports, it is never in a URL, and failures are logged without
their message) and not put in the file name or the PDF's metadata.

The server cannot know whether the learner finished the module: progress
lives only on the learner's device. The certificate says the learner
completed the module's online study, which is what the page offers once
every lesson is marked as done.
"""

import logging
from dataclasses import dataclass

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from cms import clients
from courses.models import ModulePage
from courses.printing.documents import PrintDocument, default_paper
from courses.text import clean_text, format_minutes

logger = logging.getLogger(__name__)

NAME_FIELD = "nombre"
MAX_NAME_LENGTH = 80
# Each client may ask for this many certificates per window (a workshop
# room shares one address), and the whole site for ten times as many:
# rendering a PDF costs a second of CPU.
RATE = 20
SITE_RATE = 200
WINDOW = 600


class CertificateForm(forms.Form):
    modulo = forms.IntegerField(min_value=1)
    nombre = forms.CharField(
        label=gettext_lazy("Nombre para el certificado"), max_length=MAX_NAME_LENGTH * 2
    )

    def clean_nombre(self):
        name = clean_text(self.cleaned_data["nombre"])
        if not name:
            raise forms.ValidationError(_("Escribe el nombre que quieres en el certificado."))
        if len(name) > MAX_NAME_LENGTH:
            raise forms.ValidationError(
                _("El nombre puede tener hasta %(n)d letras.") % {"n": MAX_NAME_LENGTH}
            )
        return name


def study_minutes(module):
    """The time the learner studied online: the reading time of the module's
    lessons (the certificate is for the online course, not the workshop)."""
    return sum(lesson.reading_minutes for lesson in module.lessons)


# CSRF: this view is exempt on purpose. It changes nothing on the server
# (nothing is saved, no session, no account), so a forged cross-site POST
# could at most make a browser download a certificate with a name the
# forger chose: no harm to the learner. Requiring a token would mean a
# CSRF cookie on the module page, and anonymous pages set no cookie.
# Abuse (CPU for rendering) is bounded by the rate limit instead.
@csrf_exempt
@sensitive_post_parameters(NAME_FIELD)
@sensitive_variables("name", "form", "document", "data")
def certificate(request):
    if request.method != "POST":
        return HttpResponseRedirect(reverse("learning:my_modules"))
    form = CertificateForm(request.POST)
    module = None
    if form.is_valid():
        module = ModulePage.objects.live().public().filter(pk=form.cleaned_data["modulo"]).first()
    if module is None:
        return _problem(request, form, status=400)
    if not clients.allow(request, "certificate", RATE, SITE_RATE, WINDOW):
        response = _problem(request, form, status=429, module=module)
        response["Retry-After"] = str(WINDOW)
        return response
    name = form.cleaned_data[NAME_FIELD]
    document = CertificateDocument(
        module,
        paper=_paper(module),
        language=module.locale.language_code,
        learner=name,
        known_module=module,  # a certificate is for a whole module
    )
    try:
        data, _pages = document.render_bytes()
    except Exception:
        # Without the error's text or a traceback: either could quote the name.
        logger.error("Certificate for module %s could not be rendered", module.pk)
        return _problem(request, form, status=503, module=module)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.file_name
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _problem(request, form, *, status, module=None):
    response = render(
        request,
        "learning/certificate_problem.html",
        {"form": form, "status": status, "module": module},
        status=status,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _paper(module):
    return default_paper(module)


@dataclass
class CertificateDocument(PrintDocument):
    """A certificate of completion for ``page`` (a module), never cached."""

    learner: str = ""

    variant = "certificate"
    template = "learning/certificate.html"

    def neutral_name(self):
        return _("módulo %(m)s, certificado") % {"m": self.module_number}

    def plain_name(self):
        return _("Certificado: %(module)s") % {"module": self.page.title}

    @property
    def file_name(self):
        # Never the learner's name: the file may sit in a shared Downloads folder.
        with translation.override(self.language):
            if self.discreet:
                stem = slugify(f"{self.site_name} {self.neutral_name()}")
            else:
                stem = slugify(_("certificado") + " " + self.page.title)
        return f"{stem[:120]}.pdf"

    def key(self):
        raise NotImplementedError("certificates carry a name and are never cached")

    def context(self):
        with translation.override(self.language):
            return {
                **super().context(),
                "learner": self.learner,
                "issued": timezone.localdate(),
                "duration": format_minutes(study_minutes(self.page)),
                "lessons": len(self.page.lessons),
            }
