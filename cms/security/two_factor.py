"""Two-step verification for the admin, with django-otp.

- Sign-in: Wagtail's login form (``WAGTAILADMIN_USER_LOGIN_FORM``) asks for
  a code from the authenticator app (TOTP) or a recovery code once the
  account has one; a wrong code counts as a failed sign-in for django-axes.
- Account page: "Verificación en dos pasos" sets up the app (a key to type
  or a QR code drawn here, no request elsewhere) and shows ten recovery
  codes once (django-otp's static tokens, each usable once).
- ``TALLER_REQUIRE_TWO_FACTOR``: administrators and members of
  ``TALLER_TWO_FACTOR_GROUPS`` (the network's moderators) must set it up
  before anything else in the admin, and confirm a code in each session.
"""

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

import segno
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .middleware import is_admin_path

RECOVERY_CODES = 10
TOKEN_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "none"}
)


def has_two_factor(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def must_use_two_factor(user):
    if not settings.TALLER_REQUIRE_TWO_FACTOR or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TALLER_TWO_FACTOR_GROUPS).exists()


class LoginForm(WagtailLoginForm):
    otp_token = forms.CharField(
        label=gettext_lazy("Código de verificación"),
        required=False,
        widget=TOKEN_WIDGET,
        help_text=gettext_lazy(
            "Si tu cuenta usa la verificación en dos pasos: el código de seis cifras de "
            "tu aplicación, o uno de tus códigos de recuperación."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not has_two_factor(user):
            return cleaned_data
        token = "".join(cleaned_data.get("otp_token", "").split())
        device = match_token(user, token) if token else None
        if device is None:
            # Counted like a wrong password, so guessing codes gets locked out too.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            raise ValidationError(
                _("Escribe el código de tu aplicación o un código de recuperación."),
                code="otp_token",
            )
        self.request.taller_otp_device = device
        return cleaned_data


@receiver(user_logged_in)
def verify_session(sender, request, user, **kwargs):
    """Mark the new session as verified with the device the form checked."""
    device = getattr(request, "taller_otp_device", None) if request is not None else None
    if device is not None:
        otp_login(request, device)


class RequireTwoFactorMiddleware:
    """Sends administrators and moderators without a verified session to the
    verification page before any other admin page (after django-otp's
    OTPMiddleware, which tells whether the session is verified)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and is_admin_path(request.path_info)
            and must_use_two_factor(user)
            and not user.is_verified()
            and request.path_info not in free_paths()
        ):
            return redirect(reverse("taller_two_factor") + f"?next={request.path}")
        return self.get_response(request)


def free_paths():
    return {
        reverse("taller_two_factor"),
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Código de verificación"), max_length=16, widget=TOKEN_WIDGET
    )


def pending_device(user):
    """The authenticator being set up: one unconfirmed TOTP device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Aplicación de verificación"), confirmed=False
    )


def new_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_svg(url):
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def two_factor_view(request):
    """Set up the authenticator (no device yet), confirm a code for this
    session (a device, an unverified session), or renew recovery codes."""
    user = request.user
    next_url = request.GET.get("next") or request.POST.get("next") or reverse("wagtailadmin_home")
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = reverse("wagtailadmin_home")
    context = {"next": next_url, "required": must_use_two_factor(user)}
    form = TokenForm(request.POST or None)

    if has_two_factor(user) and not user.is_verified():
        if form.is_valid():
            device = match_token(user, "".join(form.cleaned_data["token"].split()))
            if device is not None:
                otp_login(request, device)
                return redirect(next_url)
            form.add_error("token", _("Ese código no es válido. Prueba con el código actual."))
        return render(request, "security/two_factor_verify.html", {**context, "form": form})

    if has_two_factor(user):
        codes = None
        if request.method == "POST" and request.POST.get("renew"):
            codes = new_recovery_codes(user)
        left = StaticToken.objects.filter(device__user=user).count()
        return render(
            request, "security/two_factor_done.html", {**context, "codes": codes, "left": left}
        )

    device = pending_device(user)
    if form.is_valid():
        if device.verify_token("".join(form.cleaned_data["token"].split())):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = new_recovery_codes(user)
            return render(
                request,
                "security/two_factor_done.html",
                {**context, "codes": codes, "left": len(codes), "just_enrolled": True},
            )
        form.add_error("token", _("Ese código no es válido. Prueba con el código actual."))
    key = _base32(device.bin_key)
    return render(
        request,
        "security/two_factor_setup.html",
        {
            **context,
            "form": form,
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "qr": qr_svg(device.config_url),
        },
    )


def _base32(data):
    return b32encode(data).decode().rstrip("=")
