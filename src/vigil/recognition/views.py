import io
from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.accounts.redirects import redirect_next
from vigil.cases import translations as cases_translations
from vigil.cases.access import get_case_for_user
from vigil.evidence.access import visible_sources
from vigil.paging import paginate, sorted_by
from vigil.recognition import board, importer, services, timeline, translations
from vigil.recognition.actors import country_name
from vigil.recognition.forms import (
    ActFilterForm,
    ActorFilterForm,
    ActorForm,
    ActTranslationForm,
    MoveForm,
    RecognitionActForm,
    TargetEditForm,
    TargetForm,
)
from vigil.recognition.models import (
    Actor,
    Characterisation,
    RecognitionAct,
    RecognitionActTranslation,
    Target,
)
from vigil.recognition.translations import with_texts
from vigil.recognition.worldmap import recognition_marks, world_map_svg
from vigil.tabular import ImportForm, csv_download, json_download, read_upload


def _visible_acts(user, case):
    """The case's acts, each carrying only the sources `user` may see."""
    return services.acts_for(case, sources=visible_sources(user, case))


def _country_summary(summaries) -> dict:
    """What the map knows of each coloured state without asking the server again."""
    return {
        code: {
            "country": country_name(code) or code,
            "characterisation": str(Characterisation(found.characterisation).label),
            "verified": found.verified,
        }
        for code, found in summaries.items()
    }


def _country_details(user, case, code: str) -> dict | None:
    """What a click on a country shows: its acts and the sources the reader may see."""
    acts = services.acts_of_country(_visible_acts(user, case), code)
    found = services.country_summaries(RecognitionAct.objects.filter(case=case)).get(code)
    details = {"country": country_name(code) or code, "characterisation": "", "verified": False}
    if found is not None:
        details.update(_country_summary({code: found})[code])
    details["acts"] = [
        {
            "actor": act.actor.display_name,
            "date": act.date_display or _("date unknown"),
            "characterisation": act.get_characterisation_display(),
            "instrument": act.get_instrument_display(),
            "status": act.get_status_display(),
            "review": act.get_review_display(),
            "wording": act.text.wording,
            "wording_language": act.text.language,
            "wording_direction": act.text.direction,
            "wording_note": act.text.note,
            "url": act.get_absolute_url(),
            "sources": [{"title": s.title, "url": s.get_absolute_url()} for s in act.sources.all()],
        }
        for act in with_texts(acts)
    ]
    return details


@require_safe
def overview(request, slug):
    case = get_case_for_user(request.user, slug)
    acts = _visible_acts(request.user, case)
    all_acts = RecognitionAct.objects.filter(case=case)
    summaries = services.country_summaries(all_acts)
    labels = {value: str(label) for value, label in Characterisation.choices}
    counts = Counter(found.characterisation for found in summaries.values())
    national = services.national_acts(all_acts).values("pk")
    act_filters = ActFilterForm(request.GET)
    context = {
        "case": case,
        "map": world_map_svg(recognition_marks(summaries, labels), _("Recognition by state")),
        "summary": _country_summary(summaries),
        "details_url": reverse("recognition:map_json", args=[case.slug]),
        "legend": [(value, label, counts[value]) for value, label in Characterisation.choices],
        "states_recognising": len(summaries),
        "beside": paginate(request, acts.exclude(pk__in=national), param="beside_page"),
        "unsourced": paginate(request, acts.filter(source_total=0), param="unsourced_page"),
        "page": paginate(request, act_filters.apply(acts)),
        "act_filters": act_filters,
        "chart": timeline.chart(all_acts),
        "characterisations": Characterisation.choices,
    }
    return render(request, "recognition/overview.html", context)


def _sources_for_user(request, case):
    return visible_sources(request.user, case).order_by("title")


def act_add(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    initial = {"status": RecognitionAct.Status.ADOPTED}
    if request.GET.get("actor"):
        initial["actor"] = request.GET["actor"]
    form = RecognitionActForm(
        request.POST or None,
        initial=initial,
        case=case,
        sources_queryset=_sources_for_user(request, case),
    )
    if request.method == "POST" and form.is_valid():
        act = services.record_act(
            case, fields=form.act_fields(), sources=form.cleaned_data["sources"], user=request.user
        )
        messages.success(request, _("Recognition act recorded."))
        return redirect(act)
    return render(request, "recognition/act_form.html", {"case": case, "form": form})


@require_safe
def act_detail(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    act = get_object_or_404(services.acts_for(case), pk=pk)
    sources = act.sources.filter(pk__in=visible_sources(request.user, case))
    context = {
        "case": case,
        "act": act,
        "sources": sources,
        "text": translations.act_text(act),
        "may_translate": translations.may_translate(request.user, case),
        "translations": cases_translations.languages_of(act),
    }
    return render(request, "recognition/act_detail.html", context)


def act_translate(request, slug, pk, language):
    """An act's wording in one of Vigil's other languages, beside the quoted original."""
    case = get_case_for_user(request.user, slug)
    if not translations.may_translate(request.user, case):
        raise PermissionDenied(_("Only translators and the case's researchers may translate it."))
    act = get_object_or_404(services.acts_for(case), pk=pk)
    if language not in dict(settings.LANGUAGES) or language == act.original_language:
        raise Http404("No such language to translate into")
    found = RecognitionActTranslation.objects.filter(act=act, language=language).first()
    form = ActTranslationForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        translations.save_act_translation(
            act, language=language, wording=form.cleaned_data["wording"]
        )
        messages.success(request, _("Translation saved."))
        return redirect(act)
    context = {"form": form, "case": case, "act": act, "language": language}
    return render(request, "recognition/act_translate.html", context)


def act_edit(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    act = get_object_or_404(RecognitionAct, case=case, pk=pk)
    form = RecognitionActForm(
        request.POST or None,
        instance=act,
        case=case,
        sources_queryset=_sources_for_user(request, case),
    )
    if request.method == "POST" and form.is_valid():
        services.update_act(act, fields=form.act_fields(), sources=form.cleaned_data["sources"])
        messages.success(request, _("Recognition act updated."))
        return redirect(act)
    return render(request, "recognition/act_form.html", {"case": case, "form": form, "act": act})


@require_safe
def pipeline(request, slug):
    case = get_case_for_user(request.user, slug)
    today = timezone.localdate()
    stage = request.GET.get("stage", "")
    stage_page = None
    if stage in Target.Stage.values:
        # One stage in full, page by page ("see all" under a column).
        stage_page = paginate(request, board.cards(case).filter(stage=stage))
        label = Target.Stage(stage).label
        count = stage_page.paginator.count
        targets = stage_page.object_list
        columns = [{"stage": stage, "label": label, "targets": targets, "count": count}]
    else:
        columns = board.columns(case)
    form = TargetForm(initial={"stage": Target.Stage.NOT_ENGAGED}, user=request.user)
    form.fields["actor"].queryset = (
        Actor.objects.exclude(pk__in=services.won_actor_ids(case))
        .exclude(targets__case=case)
        .order_by("kind", "name")
    )
    context = {
        "case": case,
        "columns": columns,
        "today": today,
        "form": form,
        "overdue": paginate(request, services.overdue_targets(case, today), param="overdue_page"),
        "stage_page": stage_page,
    }
    return render(request, "recognition/pipeline.html", context)


@require_POST
def target_add(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = TargetForm(request.POST, user=request.user)
    if form.is_valid():
        if form.new_body() and not permissions.can_add_actor(request.user):
            raise PermissionDenied(_("Only researchers and administrators may add bodies."))
        try:
            services.create_target(
                case, user=request.user, new_body=form.new_body(), **form.target_fields()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Target added to the pipeline."))
    else:
        messages.error(
            request,
            _("The target could not be added: %(errors)s")
            % {"errors": "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())},
        )
    return redirect("recognition:pipeline", slug=case.slug)


def target_detail(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=request.method == "POST")
    target = get_object_or_404(Target.objects.select_related("actor", "owner"), case=case, pk=pk)
    form = TargetEditForm(request.POST or None, instance=target, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Target updated."))
        return redirect(target)
    context = {
        "case": case,
        "target": target,
        "form": form,
        "move_form": MoveForm(initial={"stage": target.next_stage or target.stage}),
        "history": paginate(
            request, target.history.select_related("changed_by"), param="history_page"
        ),
        "needs_act": services.needs_act(target),
    }
    return render(request, "recognition/target_detail.html", context)


@require_POST
def target_move(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    target = get_object_or_404(Target, case=case, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a stage."))
        return redirect(target)
    try:
        services.move_target(
            target,
            to_stage=form.cleaned_data["stage"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect_next(request, target)
    if services.needs_act(target):
        messages.success(
            request,
            _("%(actor)s adopted: record the recognition act now.") % {"actor": target.actor},
        )
        return redirect(
            f"{reverse('recognition:act_add', args=[case.slug])}?actor={target.actor_id}"
        )
    messages.success(
        request,
        _("%(actor)s moved to “%(stage)s”.")
        % {"actor": target.actor, "stage": target.get_stage_display()},
    )
    return redirect_next(request, target)


def import_acts(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        text = read_upload(form)
        if text is not None:
            report = importer.import_recognitions(
                case,
                io.StringIO(text),
                skip_invalid=form.cleaned_data["skip_invalid"],
                user=request.user,
            )
    context = {
        "case": case,
        "form": form,
        "report": report,
        "title": _("Import recognition acts"),
        "back_url": reverse("recognition:overview", args=[case.slug]),
        "back_label": _("Recognition"),
        "columns_help": _(
            "A CSV file (UTF-8) with the columns %(columns)s: the same as the export."
        )
        % {"columns": ", ".join(importer.COLUMNS)},
    }
    return render(request, "import_page.html", context)


@require_safe
def export_acts(request, slug, fmt):
    case = get_case_for_user(request.user, slug)
    visible = visible_sources(request.user, case)
    rows = importer.export_rows(case, sources=visible, request=request)
    if fmt == "json":
        return json_download({"case": case.slug}, "recognitions", rows)
    return csv_download(rows, importer.COLUMNS, f"{case.slug}-recognitions.csv")


ACTOR_ORDERS = {
    "name": ("name", "pk"),
    "kind": ("kind", "name", "pk"),
    "country": ("country_code", "name", "pk"),
    "added": ("-pk",),
}


def actor_list(request):
    filters = ActorFilterForm(request.GET)
    actors = filters.apply(Actor.objects.exclude(kind=Actor.Kind.STATE).select_related("parent"))
    actors, sort = sorted_by(request, actors, ACTOR_ORDERS, default="name")
    form = ActorForm(request.POST or None)
    if request.method == "POST" and not permissions.can_add_actor(request.user):
        raise PermissionDenied(_("Only researchers and administrators may add bodies."))
    if request.method == "POST" and form.is_valid():
        actor = form.save()
        messages.success(request, _("Actor %(name)s added.") % {"name": actor.name})
        return redirect("actors")
    return render(
        request,
        "recognition/actors.html",
        {
            "page": paginate(request, actors),
            "filters": filters,
            "sort": sort,
            "sorts": [
                ("name", _("name")),
                ("kind", _("kind")),
                ("country", _("country")),
                ("added", _("last added first")),
            ],
            "form": form,
            "state_count": Actor.objects.filter(kind=Actor.Kind.STATE).count(),
        },
    )


@require_safe
def details_json(request, slug):
    """The map as JSON: each coloured state's strongest word, or with `?country=XXX` that state's
    acts and the sources the reader may see."""
    case = get_case_for_user(request.user, slug)
    code = request.GET.get("country", "").upper()
    if code:
        payload = _country_details(request.user, case, code)
    else:
        payload = _country_summary(
            services.country_summaries(RecognitionAct.objects.filter(case=case))
        )
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
