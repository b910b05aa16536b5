"""Small server-rendered SVG charts for the campaign dashboards."""

from vigil.recognition.actors import country_name

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 18, 6, 150, 640


def events_chart(per_year: dict) -> dict:
    """Horizontal bars: events per country, grouped by year."""
    rows = []
    for year, countries in per_year.items():
        for code, count in countries.most_common():
            rows.append({"year": year, "country": country_name(code) or code, "count": count})
    if not rows:
        return {"empty": True}
    top = max(row["count"] for row in rows)
    y = 0
    year_seen = None
    for row in rows:
        if row["year"] != year_seen:
            y += BAR_HEIGHT + GAP if year_seen is not None else 0
            row["year_label_y"] = y + BAR_HEIGHT - 4
            y += BAR_HEIGHT + GAP
            year_seen = row["year"]
        row["y"] = y
        row["width"] = (WIDTH - LABEL_WIDTH - 40) * row["count"] / top
        y += BAR_HEIGHT + GAP
    return {
        "empty": False,
        "rows": rows,
        "height": y,
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
