"""A system check for the libraries WeasyPrint needs from the system, so that
`migrate`, `runserver` and `check` say plainly what to install."""

import ctypes.util

from django.core import checks

INSTALL_HINT = "Debian or Ubuntu: apt-get install {packages}"


@checks.register()
def weasyprint_libraries(app_configs, **kwargs):
    if ctypes.util.find_library("pango-1.0") is None:
        return [
            checks.Error(
                "Pango is missing: WeasyPrint cannot make PDFs without it.",
                hint=INSTALL_HINT.format(packages="libpango-1.0-0 libpangoft2-1.0-0"),
                id="taller.E001",
            )
        ]
    if ctypes.util.find_library("harfbuzz-subset") is None:
        return [
            checks.Warning(
                "HarfBuzz's subsetting library is missing: every PDF takes about "
                "three times as long to make.",
                hint=INSTALL_HINT.format(packages="libharfbuzz-subset0"),
                id="taller.W001",
            )
        ]
    return []
