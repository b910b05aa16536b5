"""A refused form says what is wrong at its top and marks each field it names."""

import lxml.html


def refused_case_form(client):
    response = client.post(
        "/cases/new/",
        {
            "title": "",
            "slug": "srebrenica-1995",
            "start_date": "1995-07-20",
            "end_date": "1995-07-11",
        },
    )
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def test_a_refused_form_opens_with_a_summary_linking_to_each_field_at_fault(
    administrator_client,
):
    page = refused_case_form(administrator_client)
    form = page.xpath("//main//form")[0]
    summary = form.xpath(".//*[@data-error-summary]")
    assert summary, "no error summary"
    assert form.index(summary[0]) == 0 or summary[0].getprevious().get("name") == (
        "csrfmiddlewaretoken"
    ), "the summary is not at the top of the form"
    assert summary[0].get("tabindex") == "-1", "the summary cannot take focus"
    links = {a.get("href"): a.text_content() for a in summary[0].xpath(".//a")}
    assert links["#id_title"].startswith("Title:")
    assert "#id_end_date" in links


def test_each_field_at_fault_is_marked_invalid_and_described_by_its_error(administrator_client):
    page = refused_case_form(administrator_client)
    for name in ("title", "end_date"):
        field = page.get_element_by_id(f"id_{name}")
        assert field.get("aria-invalid") == "true"
        described = field.get("aria-describedby").split()
        assert f"id_{name}_error" in described
        for target in described:
            assert page.get_element_by_id(target) is not None, f"{target} does not exist"
    assert "before the start" in page.get_element_by_id("id_end_date_error").text_content()
    assert page.get_element_by_id("id_slug").get("aria-invalid") is None


def test_help_text_describes_its_field_even_without_errors(administrator_client):
    page = lxml.html.fromstring(administrator_client.get("/cases/new/").content)
    country = page.get_element_by_id("id_country_code")
    (target,) = country.get("aria-describedby").split()
    assert page.get_element_by_id(target).tag == "small"
    assert not page.xpath("//*[@data-error-summary]")
