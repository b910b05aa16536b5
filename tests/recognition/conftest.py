import datetime

from vigil.recognition import services
from vigil.recognition.models import Actor


def state(code):
    return Actor.objects.get(kind="state", country_code=code)


def body(name, kind, country=""):
    parent = Actor.objects.filter(kind="state", country_code=country).first() if country else None
    return Actor.objects.create(name=name, kind=kind, country_code=country, parent=parent)


def act(
    case,
    actor,
    characterisation="genocide",
    status="adopted",
    review="verified",
    date=datetime.date(2012, 2, 1),
    sources=(),
    instrument="resolution",
):
    return services.record_act(
        case,
        fields={
            "actor": actor,
            "date": date,
            "instrument": instrument,
            "characterisation": characterisation,
            "wording": "quoted words",
            "status": status,
            "review": review,
        },
        sources=sources,
    )
