"""Bar charts drawn by the portal as SVG, with no script: the geometry is computed here and the
template `reports/includes/chart.html` writes it out. Every chart is followed by a table of the same
figures; the SVG is labelled as an image and says so."""

LABEL_WIDTH = 210
BAR_AREA = 380
VALUE_WIDTH = 70
BAR_HEIGHT = 12
GAP = 10
TOP = 28
LABEL_CHARS = 32


def _short(label):
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(rows, series_names):
    """Horizontal bars, one group per row. `rows`: [(label, value, value…)], one value per series
    (numbers, or None/text that draw no bar). Returns what the template draws."""
    numbers = [v for row in rows for v in row[1:] if isinstance(v, (int, float))]
    peak = max(numbers + [1])
    series_count = len(series_names)
    group_height = series_count * BAR_HEIGHT + GAP
    groups = []
    for index, (label, *values) in enumerate(rows):
        top = TOP + index * group_height
        bars = []
        for position, value in enumerate(values):
            number = value if isinstance(value, (int, float)) else 0
            width = round(BAR_AREA * number / peak, 1)
            y = top + position * BAR_HEIGHT
            bars.append(
                {
                    "x": LABEL_WIDTH,
                    "y": y,
                    "width": max(width, 1 if number else 0),
                    "height": BAR_HEIGHT - 2,
                    "series": position,
                    "value": value,
                    "text_x": LABEL_WIDTH + width + 4,
                    "text_y": y + BAR_HEIGHT - 3,
                }
            )
        groups.append(
            {
                "label": _short(label),
                "label_y": top + series_count * BAR_HEIGHT / 2 + 4,
                "bars": bars,
            }
        )
    return {
        "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        "height": TOP + len(rows) * group_height,
        "label_x": LABEL_WIDTH - 6,
        "groups": groups,
        "legend": [
            {"name": name, "series": position, "x": LABEL_WIDTH + position * 120}
            for position, name in enumerate(series_names)
        ],
    }
