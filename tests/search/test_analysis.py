"""Words are stemmed alike however many requests stem them at once (the
server answers pages from several threads)."""

from concurrent.futures import ThreadPoolExecutor

from convener.search.analysis import terms

TEXT = (
    "Les délégations ont souligné que les voies complémentaires d'admission, "
    "la réinstallation et le regroupement familial protègent les réfugiés. "
) * 20


def test_words_stemmed_from_many_threads_at_once_are_stemmed_as_from_one():
    alone = terms(TEXT, "fr")

    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda _: terms(TEXT, "fr"), range(200)))

    assert all(result == alone for result in together)
