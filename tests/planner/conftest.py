import pytest

from courses.models import Activity
from tests import demo


def guide_activities(address):
    guide = demo.page_at(address)
    return list(Activity.objects.filter(guide=guide).order_by("sort_order"))


@pytest.fixture
def rights_activities(db):
    return guide_activities(demo.RIGHTS_GUIDE)


@pytest.fixture
def care_activities(db):
    return guide_activities(demo.CARE_GUIDE)
