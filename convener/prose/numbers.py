"""A count in words, in the active language, agreeing with the noun it counts.

UN editorial style spells out a number that starts a sentence, whatever its
size ("Twenty-one Member States took the floor"). The sentence itself is a
catalogue message, so translators keep their word order and choose the noun's
form by the count (`ngettext`); this module gives the number's words, in the
gender of the noun (`convener.prose.nouns`):

- English, French, Russian and Spanish come from num2words, with small
  corrections where it does not agree with the noun: Spanish "uno" drops to
  "un"/"veintiún" before a masculine noun (and before "mil") and becomes
  "una"/"veintiuna", with "doscientas", before a feminine one; French "un"
  becomes "une" before a feminine noun; Russian takes the noun's gender from
  num2words itself and drops the "одна" of "одна тысяча".
- Chinese, which num2words 0.5.14 does not have, is written here: "两" for
  two before the classifier that the sentence carries (七个, 两个, 二十二个).
- Arabic is written here too, because num2words 0.5.14 gives only the
  masculine forms through its public interface, writes the conjunction apart
  ("واحد و عشرون") and gives "ثمان" where a noun follows. The rules are those
  of Modern Standard Arabic as UN Arabic documents write it, in the nominative
  (the count is the subject in the catalogue's sentences): 1 and 2 agree with
  the noun, 3 to 10 take the opposite gender ("سبع دول"), 11 and 12 agree in
  both parts ("إحدى عشرة"), 13 to 19 take the opposite gender in the unit and
  agree in the ten ("ثلاث عشرة"), the tens have no gender ("إحدى وعشرون");
  "مائة", "مائتا" before a noun, "ثلاثمائة"; "ألف", "آلاف", "ألفا". The
  noun's own form (plural after 3 to 10, accusative singular after 11 to 99,
  genitive singular after a hundred or a thousand) is the catalogue's, by
  Arabic's six plural forms.

Arabic counts from a million, and Chinese counts from a hundred million, are
given in figures.
"""

from __future__ import annotations

from django.utils.translation import get_language

from convener.prose.formats import number
from convener.prose.nouns import CountedNoun, Gender


def active_language() -> str:
    """The two-letter key of the active language: "zh" for "zh-hans"."""
    return (get_language() or "en")[:2].lower()


def count_in_words(count: int, noun: CountedNoun) -> str:
    """`count` in words in the active language, agreeing with `noun`:
    "twenty-one", "vingt et un", "veintiún", "двадцать одно", "二十一", "إحدى وعشرون"."""
    if count < 0:
        raise ValueError("A count is not negative.")
    language = active_language()
    gender = noun.gender(language)
    if language == "ar":
        return _arabic(count, gender) if count < 1_000_000 else number(count)
    if language == "zh":
        return _chinese(count) if count < 100_000_000 else number(count)
    if language == "es":
        return _spanish(_num2words(count, "es"), gender)
    if language == "fr":
        return _french(_num2words(count, "fr"), gender)
    if language == "ru":
        return _russian(_num2words(count, "ru", gender=_RUSSIAN_GENDERS[gender]))
    return _num2words(count, "en")


def _num2words(count: int, language: str, **options: str) -> str:
    # Loaded with the first count in words, which only documents write: num2words
    # imports its converters for every language (about 4 MB a process).
    from num2words import num2words

    return str(num2words(count, lang=language, **options))


def count_in_running_text(count: int, noun: CountedNoun) -> str:
    """A count inside a sentence, as UN editorial style writes it: one to ten
    in words, agreeing with `noun`; 11 and above in figures."""
    return count_in_words(count, noun) if 1 <= count <= 10 else number(count)


# --- Spanish, French, Russian: num2words, corrected for the noun's gender.

_SPANISH_ONE = {
    Gender.MASCULINE: {"uno": "un", "veintiuno": "veintiún"},
    Gender.FEMININE: {"uno": "una", "veintiuno": "veintiuna"},
}


def _spanish(words: str, gender: Gender) -> str:
    """ "veintiún Estados", "veintiuna reuniones", "doscientas": num2words gives
    the pronoun's "uno" and the masculine hundreds. Before "mil" one is "un"
    whatever the gender ("veintiún mil")."""
    tokens = words.split(" ")
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        ones = _SPANISH_ONE[gender if last and gender == Gender.FEMININE else Gender.MASCULINE]
        tokens[index] = ones.get(token, token)
        if gender == Gender.FEMININE and token.endswith("ientos"):
            tokens[index] = token.removesuffix("os") + "as"
    return " ".join(tokens)


def _french(words: str, gender: Gender) -> str:
    """ "vingt et une réunions-débats": num2words has only the masculine "un"."""
    if gender == Gender.FEMININE and (words == "un" or words.endswith((" un", "-un"))):
        return words + "e"
    return words


_RUSSIAN_GENDERS = {Gender.MASCULINE: "m", Gender.FEMININE: "f", Gender.NEUTER: "n"}


def _russian(words: str) -> str:
    """ "тысяча", not num2words' "одна тысяча", at the head of a number."""
    return str(words).removeprefix("одна ")


# --- Chinese.

_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_PLACES = ((1000, "千"), (100, "百"), (10, "十"))


def _chinese(count: int) -> str:
    """ "两" before a classifier, "十二", "二十一", "一百零一", "一百一十", "一万零五"."""
    if count == 2:
        return "两"
    words = _chinese_large(count)
    # 两千, 两万: two thousand and two myriad take 两, as two before a classifier.
    return "两" + words[1:] if words.startswith(("二千", "二万")) else words


def _chinese_large(count: int) -> str:
    if count >= 10_000:
        high, low = divmod(count, 10_000)
        rest = "" if not low else ("零" if low < 1000 else "") + _chinese_below_10000(low, False)
        return _chinese_below_10000(high, True) + "万" + rest
    return _chinese_below_10000(count, True)


def _chinese_below_10000(count: int, leading: bool) -> str:
    if count == 0:
        return _CHINESE_DIGITS[0]
    words = ""
    gap = False
    for place, name in _CHINESE_PLACES:
        digit, count = divmod(count, place)
        if digit:
            words += ("零" if gap else "") + _CHINESE_DIGITS[digit] + name
            gap = False
        elif words:
            gap = True
    if count:
        words += ("零" if gap else "") + _CHINESE_DIGITS[count]
    if leading and words.startswith("一十"):
        return words[1:]  # 十二, not 一十二, when ten leads
    return words


# --- Arabic: Modern Standard Arabic, nominative (see the module's docstring).

# For a masculine noun, for a feminine noun.
_ARABIC_ONES: dict[int, tuple[str, str]] = {
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنتان"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني"),
    9: ("تسعة", "تسع"),
    10: ("عشرة", "عشر"),
}
# The unit of 21 to 99, before "و" and the ten: one is "أحد"/"إحدى", and a
# feminine eight stands without its ي ("ثمانٍ وعشرون").
_ARABIC_COMPOUND_UNITS = {1: ("واحد", "إحدى"), 8: ("ثمانية", "ثمان")}
_ARABIC_TEENS = {11: ("أحد عشر", "إحدى عشرة"), 12: ("اثنا عشر", "اثنتا عشرة")}
_ARABIC_TENS = ("", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون")
_ARABIC_HUNDREDS = (
    "",
    "مائة",
    "مائتان",
    "ثلاثمائة",
    "أربعمائة",
    "خمسمائة",
    "ستمائة",
    "سبعمائة",
    "ثمانمائة",
    "تسعمائة",
)


def _arabic(count: int, gender: Gender) -> str:
    feminine = gender == Gender.FEMININE
    if count == 0:
        return "صفر"
    thousands, rest = divmod(count, 1000)
    parts = []
    if thousands:
        parts.append(_arabic_thousands(thousands, alone=not rest))
    if rest:
        parts.append(_arabic_below_1000(rest, feminine, alone=not thousands))
    return " و".join(parts)


def _arabic_below_1000(count: int, feminine: bool, *, alone: bool) -> str:
    hundreds, rest = divmod(count, 100)
    parts = []
    if hundreds:
        # "مائتا دولة": two hundred loses its ن before the noun it counts.
        parts.append(
            "مائتا" if hundreds == 2 and not rest and alone else _ARABIC_HUNDREDS[hundreds]
        )
    if rest:
        parts.append(_arabic_below_100(rest, feminine))
    return " و".join(parts)


def _arabic_below_100(count: int, feminine: bool) -> str:
    form = 1 if feminine else 0
    if count <= 10:
        return _ARABIC_ONES[count][form]
    if count in _ARABIC_TEENS:
        return _ARABIC_TEENS[count][form]
    tens, unit = divmod(count, 10)
    if tens == 1:
        return f"{_ARABIC_ONES[unit][form]} {'عشرة' if feminine else 'عشر'}"
    if not unit:
        return _ARABIC_TENS[tens]
    unit_word = _ARABIC_COMPOUND_UNITS.get(unit, _ARABIC_ONES[unit])[form]
    return f"{unit_word} و{_ARABIC_TENS[tens]}"


def _arabic_thousands(count: int, *, alone: bool) -> str:
    """ "ألف", "ألفان" ("ألفا" before the noun), "ثلاثة آلاف", "أحد عشر ألفا",
    "مائة ألف": thousand is masculine, and its form follows its count as a
    noun's does."""
    if count == 1:
        return "ألف"
    if count == 2:
        return "ألفا" if alone else "ألفان"
    words = _arabic_below_1000(count, False, alone=False)
    last_two = count % 100
    if 3 <= last_two <= 10:
        return f"{words} آلاف"
    if last_two >= 11:
        return f"{words} ألفا"
    return f"{words} ألف"
