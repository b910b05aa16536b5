"""One way to page, sort and filter a list, so no page ever renders an unbounded number of rows.

`paginate` gives a Django Page with `query` (the request's other parameters, for the pager's
links); `sorted_by` applies one of a list's declared orders, chosen by `?sort=`.
"""

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PAGE_SIZE = 50


def paginate(
    request, queryset, per_page: int = PAGE_SIZE, param: str = "page", count: int | None = None
) -> Page:
    """The page `?page=` asks for (the last one if it is past the end, the first if it is not a
    number); `page.query` keeps the other parameters for the pager's links, and `page.param`
    names the parameter (a page with several lists gives each its own). `count`, when the
    caller already knows how many rows there are (from an aggregate), saves counting them."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is its value
    page = paginator.get_page(request.GET.get(param))
    others: QueryDict = request.GET.copy()
    others.pop(param, None)
    page.query = others.urlencode()
    page.param = param
    return page


def sorted_by(request, queryset, orders: dict[str, tuple[str, ...]], default: str):
    """`queryset` in the order `?sort=` names among `orders` (unknown names take the default),
    and the name used."""
    name = request.GET.get("sort", default)
    if name not in orders:
        name = default
    return queryset.order_by(*orders[name]), name
