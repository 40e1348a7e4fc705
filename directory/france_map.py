"""A tile-grid map of France drawn by the portal: one square per département, placed near its real position.

Each metropolitan département starts from the approximate coordinates of its centre and takes the free grid
cell nearest to it, nearest to Paris first, so the dense Île-de-France spreads outwards and the rest keeps
its shape. Corsica keeps its place in the south-east; the overseas départements sit in a row below.
The layout is computed once per process; no geographic data or library is needed at run time.
"""

import math
from dataclasses import dataclass
from functools import cache

TILE = 44  # px, in the SVG's own units
GAP = 3
CELL_DEGREES = 0.68  # how much latitude one grid row covers

# Approximate centre (latitude, longitude) of each metropolitan département.
CENTRES = {
    "01": (46.10, 5.35),
    "02": (49.55, 3.55),
    "03": (46.40, 3.15),
    "04": (44.10, 6.25),
    "05": (44.65, 6.25),
    "06": (43.90, 7.15),
    "07": (44.75, 4.40),
    "08": (49.60, 4.65),
    "09": (42.95, 1.50),
    "10": (48.30, 4.15),
    "11": (43.10, 2.40),
    "12": (44.30, 2.70),
    "13": (43.50, 5.10),
    "14": (49.10, -0.35),
    "15": (45.05, 2.65),
    "16": (45.70, 0.20),
    "17": (45.80, -0.70),
    "18": (47.05, 2.50),
    "19": (45.35, 1.90),
    "2A": (41.85, 8.95),
    "2B": (42.40, 9.20),
    "21": (47.45, 4.75),
    "22": (48.40, -2.85),
    "23": (46.10, 2.00),
    "24": (45.10, 0.75),
    "25": (47.15, 6.35),
    "26": (44.70, 5.15),
    "27": (49.10, 1.00),
    "28": (48.35, 1.35),
    "29": (48.25, -4.05),
    "30": (44.00, 4.20),
    "31": (43.35, 1.20),
    "32": (43.70, 0.45),
    "33": (44.85, -0.55),
    "34": (43.60, 3.40),
    "35": (48.15, -1.65),
    "36": (46.75, 1.55),
    "37": (47.25, 0.70),
    "38": (45.25, 5.55),
    "39": (46.70, 5.70),
    "40": (43.95, -0.75),
    "41": (47.60, 1.40),
    "42": (45.70, 4.20),
    "43": (45.10, 3.80),
    "44": (47.35, -1.75),
    "45": (47.90, 2.30),
    "46": (44.60, 1.65),
    "47": (44.35, 0.45),
    "48": (44.50, 3.50),
    "49": (47.40, -0.55),
    "50": (49.10, -1.30),
    "51": (48.95, 4.25),
    "52": (48.10, 5.20),
    "53": (48.10, -0.65),
    "54": (48.80, 6.15),
    "55": (49.00, 5.40),
    "56": (47.85, -2.85),
    "57": (49.05, 6.65),
    "58": (47.10, 3.50),
    "59": (50.45, 3.20),
    "60": (49.40, 2.45),
    "61": (48.60, 0.15),
    "62": (50.45, 2.30),
    "63": (45.70, 3.15),
    "64": (43.25, -0.75),
    "65": (43.05, 0.15),
    "66": (42.60, 2.55),
    "67": (48.65, 7.55),
    "68": (47.85, 7.25),
    "69": (45.90, 4.65),
    "70": (47.65, 6.10),
    "71": (46.65, 4.55),
    "72": (48.00, 0.25),
    "73": (45.45, 6.45),
    "74": (46.05, 6.40),
    "75": (48.86, 2.35),
    "76": (49.65, 1.00),
    "77": (48.60, 2.95),
    "78": (48.80, 1.85),
    "79": (46.55, -0.30),
    "80": (49.95, 2.30),
    "81": (43.80, 2.15),
    "82": (44.05, 1.30),
    "83": (43.45, 6.20),
    "84": (44.00, 5.15),
    "85": (46.65, -1.30),
    "86": (46.55, 0.45),
    "87": (45.90, 1.25),
    "88": (48.20, 6.40),
    "89": (47.80, 3.55),
    "90": (47.65, 6.90),
    "91": (48.50, 2.25),
    "92": (48.84, 2.24),
    "93": (48.92, 2.48),
    "94": (48.78, 2.47),
    "95": (49.08, 2.20),
}
OVERSEAS = ["971", "972", "973", "974", "976"]
CORSICA = {"2B": (0, 0), "2A": (0, 1)}  # offsets from the Corsica anchor cell
PARIS = CENTRES["75"]
REFERENCE_LATITUDE = 46.5


def _ideal(code):
    lat, lon = CENTRES[code]
    x = lon * math.cos(math.radians(REFERENCE_LATITUDE)) / CELL_DEGREES
    y = -lat / CELL_DEGREES
    return x, y


@dataclass(frozen=True)
class Tile:
    code: str
    column: int
    row: int

    @property
    def x(self):
        return self.column * (TILE + GAP)

    @property
    def y(self):
        return self.row * (TILE + GAP)

    @property
    def centre_x(self):
        return self.x + TILE // 2


@cache
def layout():
    """{code: Tile} for the 101 départements, and the grid's size (columns, rows)."""
    mainland = [code for code in CENTRES if code not in CORSICA]
    ideals = {code: _ideal(code) for code in mainland}
    min_x = min(x for x, _ in ideals.values())
    min_y = min(y for _, y in ideals.values())
    ideals = {code: (x - min_x, y - min_y) for code, (x, y) in ideals.items()}
    paris_x, paris_y = ideals["75"]
    order = sorted(
        mainland, key=lambda c: (ideals[c][0] - paris_x) ** 2 + (ideals[c][1] - paris_y) ** 2
    )
    taken = {}
    for code in order:
        x, y = ideals[code]
        best = None
        for row in range(int(y) - 4, int(y) + 5):
            for column in range(int(x) - 4, int(x) + 5):
                if row < 0 or column < 0 or (column, row) in taken:
                    continue
                distance = (column + 0.5 - x) ** 2 + (row + 0.5 - y) ** 2
                if best is None or distance < best[0]:
                    best = (distance, column, row)
        taken[(best[1], best[2])] = code
    tiles = {code: Tile(code, column, row) for (column, row), code in taken.items()}
    columns = max(t.column for t in tiles.values()) + 1
    rows = max(t.row for t in tiles.values()) + 1
    anchor_column = columns
    anchor_row = rows - 2
    for code, (dc, dr) in CORSICA.items():
        tiles[code] = Tile(code, anchor_column + dc, anchor_row + dr)
    columns = anchor_column + 1
    overseas_row = rows + 1
    for n, code in enumerate(OVERSEAS):
        tiles[code] = Tile(code, n, overseas_row)
    return tiles, columns, overseas_row + 1


class DirectoryMap:
    """The actors per département under a filter, for the map and its table, counted at most once and
    only when asked (the directory page caches the rendered map)."""

    def __init__(self, actor_filter):
        self.actor_filter = actor_filter
        self._counts = None

    def counts(self):
        """[(departement, count)] in the départements' order."""
        if self._counts is None:
            self._counts = self.actor_filter.departement_counts()
        return self._counts

    def tiles(self):
        """[(tile, departement, count)] for the SVG map."""
        tiles, _, _ = layout()
        return [
            (tiles[departement.code], departement, count) for departement, count in self.counts()
        ]


def svg_size():
    _, columns, rows = layout()
    return columns * (TILE + GAP), rows * (TILE + GAP)


def overseas_label_y():
    _, _, rows = layout()
    return (rows - 1) * (TILE + GAP) - 8


def as_text():
    """The grid as text, to check the layout by eye."""
    tiles, columns, rows = layout()
    cells = {(t.column, t.row): code for code, t in tiles.items()}
    return "\n".join(
        "".join(f"{cells.get((c, r), ''):>4}" for c in range(columns)) for r in range(rows)
    )
