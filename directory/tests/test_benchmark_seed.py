"""The benchmark seeder writes valid rows and every URL it returns answers."""

from benchmarks.directory import seed
from directory.models import Actor


def test_benchmark_seed_urls_answer(home, client):
    urls, counts = seed(0.1, home)
    assert counts == {"actors": 35} == {"actors": Actor.objects.count()}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
