"""A trainer's workshop plan: activities from any module, breaks and the
trainer's own items, in order, with a start time.

No account and no personal data: a plan is reached through two links. The
share link (``share_key``) shows it read-only; the edit link carries a
secret of which only a hash is stored, so a copy of the database cannot be
used to change plans.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction

from courses.agenda import build_agenda
from courses.models import HandoutPage
from courses.printing import store
from courses.printing.models import PrintedFile

MAX_ITEMS = 60
MAX_MINUTES = 480
MINUTES_IN_A_DAY = 24 * 60
SHARE_KEY_LENGTH = 16  # token_urlsafe(12): 96 random bits
EDIT_SECRET_LENGTH = 43  # token_urlsafe(32): 256 random bits


def new_share_key():
    return secrets.token_urlsafe(12)


def new_edit_secret():
    return secrets.token_urlsafe(32)


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def ttl_days():
    return int(getattr(settings, "PLANNER_PLAN_TTL_DAYS", 180))


class WorkshopPlan(models.Model):
    """One workshop as a trainer will run it."""

    share_key = models.CharField(max_length=SHARE_KEY_LENGTH, unique=True, default=new_share_key)
    edit_hash = models.CharField(max_length=64, editable=False)
    title = models.CharField(_("título"), max_length=240)
    date = models.DateField(_("fecha"), null=True, blank=True)
    start_time = models.TimeField(_("hora de inicio"), default=datetime.time(9, 0))
    place = models.CharField(_("lugar"), max_length=200, blank=True)
    target_minutes = models.PositiveSmallIntegerField(
        _("duración prevista (minutos)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MINUTES_IN_A_DAY)],
    )
    language = models.CharField(_("idioma"), max_length=10, default="es")
    # Set when the plan is created, cleared once its edit link has been shown
    # with the warning to keep it: the warning appears once, without a cookie.
    welcome_pending = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True)
    last_touched_at = models.DateTimeField(_("último uso"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("plan de taller")
        verbose_name_plural = _("planes de taller")

    def __str__(self):
        return self.title

    def set_edit_secret(self):
        """A new edit secret: returned once, only its hash is kept."""
        secret = new_edit_secret()
        self.edit_hash = hash_secret(secret)
        return secret

    def accepts(self, secret):
        return hmac.compare_digest(self.edit_hash, hash_secret(secret or ""))

    @cached_property
    def item_list(self):
        """The items in order, with what the run-sheet and the pack read of
        each (its guide, module title, privacy, handouts) fetched for all of
        them at once: a plan of sixty activities costs what a plan of one does."""
        return list(PlanItem.objects.with_curriculum().filter(plan=self).order_by("position", "pk"))

    @cached_property
    def run_sheet(self):
        return build_agenda(self.item_list, start=self.start_time)

    @property
    def total_minutes(self):
        return self.run_sheet.total_minutes

    @property
    def over_target(self):
        """Minutes past the target length (0 when within it or no target)."""
        if not self.target_minutes:
            return 0
        return max(0, self.total_minutes - self.target_minutes)

    def delete_with_files(self):
        """Delete the plan and every printed file made for it."""
        files = list(PrintedFile.objects.filter(pk__in=self.prints.values("printed_file")))
        store.forget(files)
        self.delete()

    def touch(self):
        """Keep a plan in use from expiring; written at most once a day."""
        now = timezone.now()
        if now - self.last_touched_at > datetime.timedelta(days=1):
            type(self).objects.filter(pk=self.pk).update(last_touched_at=now)
            self.last_touched_at = now


GUIDE_PATH = "activity__guide__path"


class PlanItemQuerySet(models.QuerySet):
    def with_curriculum(self):
        """Items with their activity and guide, the title of the guide's
        module (``module_title``), whether a view restriction covers the
        guide (``guide_restricted``) and the activity's handouts in tree
        order (``activity.plan_handouts``)."""
        guide_path = OuterRef(GUIDE_PATH)
        module = Page.objects.filter(
            path=Substr(guide_path, 1, Length(guide_path) - Page.steplen)
        ).values("title")[:1]
        # A restriction on the guide or any of its ancestors (a path prefix).
        restriction = PageViewRestriction.objects.filter(
            page__path=Substr(guide_path, 1, Length("page__path"))
        )
        handouts = Prefetch(
            "activity__handouts",
            queryset=HandoutPage.objects.order_by("path"),
            to_attr="plan_handouts",  # the manager itself stays as it was
        )
        return (
            self.select_related("activity", "activity__guide")
            .prefetch_related(handouts)
            .annotate(module_title=Subquery(module), guide_restricted=Exists(restriction))
        )


class PlanItem(models.Model):
    """One line of the run-sheet: a curriculum activity, a break or an item
    of the trainer's own."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("Actividad")
        BREAK = "break", _("Pausa")
        OWN = "own", _("Actividad propia")

    plan = models.ForeignKey(WorkshopPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices)
    # SET_NULL and a copy of the title: a plan survives a curriculum change.
    activity = models.ForeignKey(
        "courses.Activity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("título"), max_length=200)
    minutes = models.PositiveSmallIntegerField(
        _("minutos"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)]
    )
    notes = models.TextField(_("notas"), max_length=2000, blank=True)
    # Copied like the title: what the projector shows for this item.
    participant_instructions = models.TextField(
        _("indicaciones para participantes"), max_length=4000, blank=True
    )

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("elemento del plan")
        verbose_name_plural = _("elementos del plan")

    def __str__(self):
        return self.title

    @property
    def is_break(self):
        return self.kind == self.Kind.BREAK

    @property
    def from_curriculum(self):
        """An activity still published, and public, in the curriculum: its
        guide may have been withdrawn or restricted since it was added, and
        then the plan keeps only its title and minutes (never its notes)."""
        return (
            self.kind == self.Kind.ACTIVITY
            and self.activity is not None
            and self.activity.guide.live
            and not self.is_restricted
        )

    @property
    def is_restricted(self):
        restricted = getattr(self, "guide_restricted", None)  # from with_curriculum()
        if restricted is None:
            restricted = self.activity.guide.get_view_restrictions().exists()
        return restricted

    @property
    def agenda_label(self):
        """Under the title in the run-sheet: the module of a curriculum
        activity, the kind of the trainer's own item, nothing for a break."""
        if self.from_curriculum:
            return self.module_title
        return "" if self.is_break else self.get_kind_display()

    @property
    def agenda_notes(self):
        return self.notes

    @property
    def activity_gone(self):
        return self.kind == self.Kind.ACTIVITY and self.activity_id is None


class PlanPrint(models.Model):
    """A printed file (pack PDF or ZIP) made for a plan, so deleting the plan
    deletes its files too: they hold the plan's title and place."""

    plan = models.ForeignKey(WorkshopPlan, on_delete=models.CASCADE, related_name="prints")
    printed_file = models.OneToOneField(
        "courses.PrintedFile", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return f"{self.plan_id}: {self.printed_file_id}"


def check_fits_in_a_day(plan, total_minutes):
    """A plan is one day: it may not run past midnight. (For a two-day
    training, make a plan per day.)"""
    start = plan.start_time.hour * 60 + plan.start_time.minute
    if start + total_minutes > MINUTES_IN_A_DAY:
        raise ValidationError(
            _(
                "Con este cambio el taller terminaría después de la medianoche. "
                "Un plan es para un solo día: acorta las actividades, empieza antes "
                "o haz un plan para cada día."
            )
        )
