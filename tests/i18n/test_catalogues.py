"""Every marked string is translated in all six official languages, with its
placeholders, markup and plural forms intact, and the compiled files Django
reads say what the catalogues say."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from tests.i18n.catalogues import (
    LANGUAGES,
    LOCALE,
    PLURAL_FORMS,
    ROOT,
    catalogue_path,
    forms,
    messages,
    placeholders,
    read_catalogue,
    read_compiled,
    sources,
    tags,
)
from tests.tools import require


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    catalogue = read_catalogue(language)
    untranslated = [m.id for m in messages(catalogue) if not all(forms(m))]
    fuzzy = [m.id for m in messages(catalogue) if m.fuzzy]

    assert not catalogue.fuzzy, f"the {language} catalogue's header is marked fuzzy"
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}"


def test_english_catalogue_says_each_message_as_the_code_writes_it():
    # msgmerge gives a new message the translation of a similar old one; in
    # English that put another sentence on the screen than the one written.
    different = [
        message.id
        for message in messages(read_catalogue("en"))
        if tuple(forms(message)) != tuple(sources(message))
    ]

    assert different == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders_and_markup(language):
    broken = [
        (message.id, translated)
        for message in messages(read_catalogue(language))
        for translated in forms(message)
        if not _keeps_placeholders_and_markup(message, translated)
    ]
    assert broken == []


def _keeps_placeholders_and_markup(message, translated: str) -> bool:
    source = sources(message)[-1]
    if tags(translated) != tags(source):
        return False
    if not message.pluralizable:
        return placeholders(translated) == placeholders(source)
    # A plural's form may leave out the number ("one meeting"), never add a name.
    known = {name for text in sources(message) for name in placeholders(text)}
    return set(placeholders(translated)) <= known


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(language):
    catalogue = read_catalogue(language)
    plurals = [m for m in messages(catalogue) if m.pluralizable]

    assert catalogue.num_plurals == PLURAL_FORMS[language]
    assert [m.id for m in plurals if len(m.string) != PLURAL_FORMS[language]] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_holds_what_the_catalogue_says(language):
    written = {tuple(sources(m)): tuple(forms(m)) for m in messages(read_catalogue(language))}
    compiled = {tuple(sources(m)): tuple(forms(m)) for m in messages(read_compiled(language))}

    assert compiled == written, (
        f"convener/locale/{language}/LC_MESSAGES/django.mo is stale: run scripts/messages"
    )


def test_catalogues_hold_every_marked_string_of_the_code_and_no_other(tmp_path):
    """Extracts the strings from a copy of the code, so the catalogues are not touched."""
    require("xgettext")
    tree = tmp_path / "tree"
    copy = tree / "convener"
    shutil.copytree(ROOT / "convener", copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    for po in (copy / "locale").glob("*/LC_MESSAGES/django.po"):
        po.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--locale",
            "en",
            "--settings",
            "convener.settings",
            "--add-location",
            "never",
        ],
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "CONVENER_DATA_DIR": str(tmp_path), "PYTHONPATH": str(tree)},
        check=True,
        capture_output=True,
    )
    with (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").open("rb") as file:
        extracted = {message.id for message in read_po(file) if message.id}
    for language in LANGUAGES:
        held = {message.id for message in messages(read_catalogue(language))}
        assert extracted - held == set(), f"not in the {language} catalogue: run scripts/messages"
        assert held - extracted == set(), f"no longer in the code, still in {language}"


@pytest.mark.parametrize(
    ("language", "code"),
    [("ar", "ar"), ("zh_Hans", "zh-hans"), ("fr", "fr"), ("ru", "ru"), ("es", "es")],
)
def test_django_serves_the_translation_of_a_marked_string(language, code):
    message = next(m for m in messages(read_catalogue(language)) if not m.pluralizable)
    with translation.override(code):
        assert translation.gettext(message.id) == message.string


def test_the_catalogues_are_the_six_official_languages():
    assert sorted(path.name for path in LOCALE.iterdir() if path.is_dir()) == sorted(LANGUAGES)
    assert all(catalogue_path(language).exists() for language in LANGUAGES)


def _coverage_rows() -> dict[str, tuple[int, str]]:
    text = (ROOT / "docs" / "languages.md").read_text().split("## Coverage", 1)[1]
    rows = re.findall(r"^\| ([^|]+) \| `([^`]+)` \| ([\d,]+) \| ([^|]+) \|$", text, re.MULTILINE)
    return {code: (int(count.replace(",", "")), share.strip()) for _, code, count, share in rows}


def test_languages_guide_gives_each_catalogues_coverage():
    expected = {}
    for language in LANGUAGES:
        held = messages(read_catalogue(language))
        done = sum(all(forms(message)) for message in held)
        expected[language] = (len(held), f"{100 * done // len(held)} %")
    assert _coverage_rows() == expected
