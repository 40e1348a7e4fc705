"""Both backends must index a word under the same stem: the Elasticsearch analyzer and `search.text`
(used by the database backend) give the same terms for the same French text."""

import uuid

import pytest

from search import text
from search.backends.elasticsearch import ElasticsearchBackend

SAMPLE = (
    "Les mineurs non accompagnés : article 21-12 du code civil, 500 euros par évaluation, mise à l'abri "
    "d’urgence, l’État, les jeunes majeurs, examens osseux, délégation d'autorité parentale, "
    "scolarisation des allophones en UPE2A, obligation de quitter le territoire français (OQTF), "
    "Seine-Saint-Denis, décret n° 2023-1240, protection de l'enfance, hébergements, cœur, reconnaissance."
)


@pytest.mark.elasticsearch
def test_elasticsearch_analyzer_agrees_with_the_database_terms(elasticsearch_server):
    url, options = elasticsearch_server
    engine = ElasticsearchBackend(
        url=url, prefix=f"test-{uuid.uuid4().hex[:12]}", client_options=options
    )
    name = engine.new_index_name()
    engine.create_index(name)
    try:
        analysed = engine.client.indices.analyze(index=name, field="body", text=SAMPLE)
        assert [t["token"] for t in analysed["tokens"]] == text.stems(SAMPLE)
        # The canonical words of legal references stay whole, as in search.text.
        words = text.references(SAMPLE + " L. 221-2-4, art. 375")
        analysed = engine.client.indices.analyze(index=name, field="keywords", text=" ".join(words))
        assert [t["token"] for t in analysed["tokens"]] == words == text.stems(" ".join(words))
    finally:
        engine.client.indices.delete(index=name)


def test_stems_fold_accents_and_drop_stop_words():
    assert (
        text.stems("Les évaluations de l'âge") == text.stems("evaluation age") == ["evalu", "age"]
    )
    assert text.stem("2023") == "2023"
