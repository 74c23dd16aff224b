"""People in the order of a UN list of participants: by family name, particles aside."""

from types import SimpleNamespace

from convener.directory.sorting import family_name_order, filing_name


def person(given_name, family_name):
    return SimpleNamespace(given_name=given_name, family_name=family_name)


def test_lower_case_particles_do_not_file_the_name():
    assert filing_name("van Oosterom") == "Oosterom"
    assert filing_name("de la Cruz") == "Cruz"
    assert filing_name("von der Leyen") == "Leyen"
    assert filing_name("da Silva Pereira") == "Silva Pereira"


def test_a_capitalised_particle_files_the_name():
    assert filing_name("Van Buren") == "Van Buren"
    assert filing_name("De Gaulle") == "De Gaulle"


def test_a_name_of_lower_case_words_only_is_filed_as_written():
    assert filing_name("da") == "da"


def test_participants_sort_by_family_name_with_van_oosterom_under_o():
    people = [
        person("Virachai", "Plasai"),
        person("Karel", "van Oosterom"),
        person("Juan José", "Gómez Camacho"),
        person("Inigo", "Lambertini"),
        person("Ursula", "von der Leyen"),
        person("Martin", "Van Buren"),
    ]
    ordered = [p.family_name for p in sorted(people, key=family_name_order)]
    assert ordered == [
        "Gómez Camacho",
        "Lambertini",
        "von der Leyen",
        "van Oosterom",
        "Plasai",
        "Van Buren",
    ]


def test_accents_and_case_do_not_change_the_order():
    people = [person("B", "Gómez"), person("A", "gomez"), person("C", "Gomez")]
    assert [p.given_name for p in sorted(people, key=family_name_order)] == ["A", "B", "C"]
