"""Every word a user reads is marked for translation: in templates and in Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.catalogues import ROOT
from tests.i18n.unmarked import unmarked_in_module, unmarked_in_template

TEMPLATES = sorted(
    path
    for pattern in ("*.html", "*.txt")
    for path in ROOT.glob(f"convener/**/templates/**/{pattern}")
)
# What a user of the screens never reads: operators' command-line and settings
# help, the system checks of `convener check` (in English, as Django's own are),
# and the API, which speaks English to programs as its schema does.
NOT_ON_SCREENS = (
    "convener/api/",
    "/management/",
    "/migrations/",
    "convener/exchange/domain/rows.py",
)
NOT_ON_SCREENS_FILES = {
    "convener/config.py",
    "convener/settings.py",
    "convener/cli.py",
    "convener/server/checks.py",
}
MODULES = [
    path
    for path in sorted(ROOT.glob("convener/**/*.py"))
    if not any(part in str(path.relative_to(ROOT)) for part in NOT_ON_SCREENS)
    and str(path.relative_to(ROOT)) not in NOT_ON_SCREENS_FILES
]


def test_templates_mark_every_word_a_reader_sees_or_hears():
    found = [str(u) for path in TEMPLATES for u in unmarked_in_template(path, ROOT)]
    assert found == []


def test_python_marks_labels_choices_messages_and_sentences_shown_to_users():
    found = [str(u) for path in MODULES for u in unmarked_in_module(path, ROOT)]
    assert found == []


@pytest.mark.parametrize(
    ("template", "unmarked"),
    [
        ("<main><h1>Meetings</h1></main>", ["Meetings"]),
        ('<img src="x.png" alt="Emblem of the group">', ["Emblem of the group"]),
        ('<input aria-label="Search people">', ["Search people"]),
        ("<h1>{% translate 'Meetings' %}</h1>", []),
        ("{% blocktranslate %}On {{ day }}{% endblocktranslate %}", []),
        ("<p>{{ meeting.title }} · Convener</p>", []),
        ("<script>const label = 'not read';</script>", []),
        ('<tr{% if over %} class="over"{% endif %}><td>{{ n }}</td></tr>', []),
    ],
)
def test_template_check_finds_what_is_not_marked(tmp_path, template, unmarked):
    path = tmp_path / "page.html"
    path.write_text(template)
    assert [u.text for u in unmarked_in_template(path, tmp_path)] == unmarked


@pytest.mark.parametrize(
    ("code", "unmarked"),
    [
        ('forms.CharField(label="Title")', ["Title"]),
        ('forms.CharField(label=_("Title"))', []),
        (
            'raise ValidationError("The date is not in the series.")',
            ["The date is not in the series."],
        ),
        ('messages.success(request, "The meeting was saved.")', ["The meeting was saved."]),
        ('class Kind(models.TextChoices):\n    PANEL = "panel", "Panel"', ["Panel"]),
        ('errors.append(("field", "Name a speaker or a State."))', ["Name a speaker or a State."]),
        ('raise ValueError("A turn moves one place at a time.")', []),
        ('logger.warning("The build took too long to finish.")', []),
        ('Field(description="The key of the segment of the meeting.")', []),
    ],
)
def test_python_check_finds_what_is_not_marked(tmp_path, code, unmarked):
    path = tmp_path / "module.py"
    path.write_text(code + "\n")
    assert [u.text for u in unmarked_in_module(path, tmp_path)] == unmarked


def test_the_check_reads_every_app_that_has_screens():
    apps = {Path(path).relative_to(ROOT).parts[1] for path in MODULES}
    assert {"manage", "public", "live", "meetings", "records", "publishing"} <= apps
