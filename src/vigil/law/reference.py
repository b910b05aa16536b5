"""Installs the reference data (reference_data.py) into the database; safe to run again. Also
answers, from the same data and without the database, which provisions a citation names."""

import datetime

from django.db import transaction

from vigil.law import reference_data as data


@transaction.atomic
def install_reference_data(using: str = "default") -> None:
    from vigil.law.models import Crime, Element, Instrument, Provision

    instruments = {}
    for row in data.INSTRUMENTS:
        fields = {k: v for k, v in row.items() if k not in ("code", "adopted", "aliases")}
        fields["adopted_on"] = datetime.date.fromisoformat(row["adopted"])
        instruments[row["code"]], _ = Instrument.objects.using(using).update_or_create(
            code=row["code"], defaults=fields
        )
    provisions = {}
    for order, (instrument, code, article, paraphrase) in enumerate(data.PROVISIONS):
        provisions[code], _ = Provision.objects.using(using).update_or_create(
            code=code,
            defaults={
                "instrument": instruments[instrument],
                "article": article,
                "paraphrase": paraphrase,
                "order": order,
            },
        )
    for order, (code, provision, category, name, reference, elements) in enumerate(data.CRIMES):
        crime, _ = Crime.objects.using(using).update_or_create(
            code=code,
            defaults={
                "provision": provisions[provision],
                "category": category,
                "name": name,
                "elements_reference": reference,
                "order": order,
            },
        )
        for number, (kind, text) in enumerate(elements, start=1):
            Element.objects.using(using).update_or_create(
                crime=crime, number=number, defaults={"kind": kind, "text": text}
            )
        Element.objects.using(using).filter(crime=crime, number__gt=len(elements)).delete()


def instrument_names() -> dict[str, list[str]]:
    """Each instrument's short title → every name a text may give it (title first)."""
    return {
        row["short_title"]: [row["title"], *row.get("aliases", [])]
        for row in data.INSTRUMENTS
        if row.get("aliases")
    }


def provisions_cited(instrument: str, article: str) -> list[str]:
    """The codes of the provisions a citation names: `instrument` by its short title ("Rome
    Statute"), `article` as extraction normalises it ("7(1)(a)", "II", "6"). A citation of a
    whole article names each of its paragraphs held here ("6" → 6(a) … 6(e)); an article in
    Arabic figures names the same one in Roman ("2" of the Genocide Convention is its II)."""
    codes = {row["short_title"]: row["code"] for row in data.INSTRUMENTS}
    code = codes.get(instrument)
    if code is None or not article:
        return []
    head, bracket, rest = article.partition("(")
    forms = {f"Art. {article}"}
    if head.isdigit() and 0 < int(head) < len(ROMAN):
        forms.add(f"Art. {ROMAN[int(head)]}{bracket}{rest}")
    return [
        provision
        for owner, provision, held, _paraphrase in data.PROVISIONS
        if owner == code and any(held == form or held.startswith(f"{form}(") for form in forms)
    ]


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
