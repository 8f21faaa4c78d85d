"""The demo country loader: idempotent, and refuses broken files whole."""

import pytest

from courses.countries.demo import COUNTRIES_DIR, CountryLoader, read_sources
from courses.countries.models import CountryPage
from courses.demo.loader import ContentError, Report

pytestmark = pytest.mark.django_db
PARAGUAY = 'code = "py"\nslug = "x"\ntitle = "X"\n'


def test_loading_the_countries_again_writes_no_revision():
    before = {p.pk: p.latest_revision_id for p in CountryPage.objects.all()}
    report = Report()
    CountryLoader(report).load()
    assert report.created == [] and report.updated == []
    assert {p.pk: p.latest_revision_id for p in CountryPage.objects.all()} == before


def copy_sources(tmp_path):
    folder = tmp_path / "countries"
    folder.mkdir()
    for path in COUNTRIES_DIR.glob("*.toml"):
        (folder / path.name).write_text(path.read_text())
    return folder


@pytest.mark.parametrize(
    "broken, message",
    [
        ('code = "zz"\nslug = "x"\ntitle = "X"\n', "unknown country code"),
        (
            'code = "py"\nslug = "x"\ntitle = "X"\n[[contacts]]\nname = "A"\nphone = "<b>"\n',
            "phone",
        ),
        (
            'code = "py"\nslug = "x"\ntitle = "X"\n[[notes]]\nlesson = "no-existe"\ntext = "x"\n',
            "lesson",
        ),
        ('code = "py"\nslug = "x"\n', "title is required"),
        ("code = ", "paraguay.toml"),
    ],
)
def test_a_broken_file_is_refused_by_name_and_nothing_is_written(tmp_path, broken, message):
    folder = copy_sources(tmp_path)
    (folder / "paraguay.toml").write_text(broken)
    pages = CountryPage.objects.count()
    with pytest.raises(ContentError) as error:
        CountryLoader(Report(), folder).load()
    assert message in str(error.value) and "paraguay.toml" in str(error.value)
    assert CountryPage.objects.count() == pages


def test_a_translation_must_keep_the_contacts_of_its_source(tmp_path):
    folder = copy_sources(tmp_path)
    (folder / "en").mkdir()
    (folder / "en" / "index.toml").write_text('slug = "countries"\ntitle = "Countries"\n')
    (folder / "en" / "bolivia.toml").write_text(
        'code = "bo"\nslug = "bolivia"\ntitle = "Bolivia"\n'
    )
    with pytest.raises(ContentError, match="contacts"):
        read_sources(folder)
