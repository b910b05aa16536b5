"""Installs the reference data (reference_data.py) into the database; safe to run again."""

import datetime

from django.db import transaction

from vigil.law import reference_data as data


@transaction.atomic
def install_reference_data(using: str = "default") -> None:
    from vigil.law.models import Crime, Element, Instrument, Provision

    instruments = {}
    for row in data.INSTRUMENTS:
        fields = {k: v for k, v in row.items() if k not in ("code", "adopted")}
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
