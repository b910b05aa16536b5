from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.law.models import Crime, Element, ElementLink


def grouped_element_choices():
    """Elements grouped by crime, for a select box that reads like the Elements of Crimes."""
    groups = {}
    for element in Element.objects.select_related("crime").order_by("crime__order", "number"):
        label = f"{element.crime.name} — {element.crime.elements_reference}"
        groups.setdefault(label, []).append(
            (element.pk, f"{element.number}. [{element.get_kind_display()}] {element.text}")
        )
    return [("", "—"), *groups.items()]


class ElementLinkForm(forms.ModelForm):
    element = forms.ModelChoiceField(queryset=Element.objects.all(), label=_("Element"))

    class Meta:
        model = ElementLink
        fields = ["element", "bearing", "strength", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = grouped_element_choices()
        self.fields["strength"].required = True


class CrimeChoiceForm(forms.Form):
    crime = forms.ModelChoiceField(queryset=Crime.objects.all(), to_field_name="code")
    considered = forms.BooleanField(required=False)
