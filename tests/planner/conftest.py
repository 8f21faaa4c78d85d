import pytest

from courses.models import Activity, FacilitatorGuidePage


def guide_activities(slug_fragment):
    guide = FacilitatorGuidePage.objects.live().get(url_path__contains=slug_fragment)
    return list(Activity.objects.filter(guide=guide).order_by("sort_order"))


@pytest.fixture
def rights_activities(db):
    return guide_activities("conocer-y-defender-nuestros-derechos")


@pytest.fixture
def care_activities(db):
    return guide_activities("autoestima-y-cuidado-colectivo")
