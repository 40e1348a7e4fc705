"""The list pages share one filter toggle (includes/filters_toggle.html with portal.js): on phones the
filters fold behind « Filtrer » so the results come first; without JavaScript a link leads to the results."""

import re

import pytest

TOGGLE = (
    '<button type="button" class="filters-toggle__button" aria-expanded="false" '
    'aria-controls="filtres" hidden>Filtrer'
)


def assert_filters_toggle(html):
    assert html.count(TOGGLE) == 1
    assert html.count('id="filtres"') == 1
    assert html.index(TOGGLE) < html.index('id="filtres"')
    skip = re.search(
        r'<a class="filters-toggle__skip" href="#([^"]+)">Aller aux résultats</a>', html
    )
    assert skip, "no link to the results for browsers without JavaScript"
    assert f'id="{skip.group(1)}"' in html


@pytest.mark.parametrize(
    "path", ["/ressources/", "/annuaire/", "/agenda/", "/agenda/mois/2026-12/"]
)
def test_list_pages_fold_their_filters_behind_one_toggle(client, resource_index, path):
    assert_filters_toggle(client.get(path).content.decode())
