"""Comparing two versions: lines added, removed and changed, words inside a changed line."""

from convener.publishing.interfaces.differences import Line, Piece, compare, has_changes


def test_identical_texts_have_no_changes():
    assert not has_changes(compare("a\nb", "a\nb"))


def test_a_line_only_removed():
    assert compare("keep\ngone", "keep") == [
        Line("same", (Piece("keep", "same"),)),
        Line("removed", (Piece("gone", "removed"),)),
    ]


def test_a_line_only_added():
    assert compare("a", "a\nb")[-1] == Line("added", (Piece("b", "added"),))


def test_a_changed_line_shows_the_words_that_changed():
    (line,) = compare("Ten minutes each.", "Twelve minutes each.")

    assert line.change == "changed"
    assert line.pieces == (
        Piece("Ten", "removed"),
        Piece("Twelve", "added"),
        Piece(" minutes each.", "same"),
    )


def test_unchanged_lines_far_from_a_change_are_folded():
    old = "\n".join(f"line {n}" for n in range(10))
    new = old.replace("line 9", "line nine")

    lines = compare(old, new, context=2)

    assert lines[0] == Line("skipped", skipped=7)
    assert [line.change for line in lines[1:]] == ["same", "same", "changed"]


def test_a_single_unchanged_line_is_shown_rather_than_folded():
    lines = compare("line a\nb\nc\nline d", "line A\nb\nc\nline D", context=1)

    assert [line.change for line in lines] == ["changed", "same", "same", "changed"]


def test_lines_alike_are_paired_and_others_are_removed_or_added_whole():
    old = "Panels\nThe meeting looks at responsibility sharing."
    new = "A paragraph of its own.\nThe meeting looks at fair responsibility sharing."

    lines = compare(old, new)

    assert [(line.change, line.text) for line in lines[:2]] == [
        ("removed", "Panels"),
        ("added", "A paragraph of its own."),
    ]
    assert lines[2].change == "changed"
    assert Piece("fair ", "added") in lines[2].pieces
