"""What anyone may fetch from the recognition tracker without signing in: the map's shapes."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import etag, require_safe

from vigil.recognition import worldmap

# The address names the shapes' version, so a browser may keep them for good (a year, here).
FOREVER = "public, max-age=31536000, immutable"


@login_not_required
@require_safe
@gzip_page
@etag(lambda request, version: worldmap.shapes_version())
def worldmap_shapes(request, version):
    """The country shapes every page's map draws with `<use>`, as one cached SVG file. An
    address of older shapes gets today's, cached only briefly."""
    response = HttpResponse(worldmap.shapes_svg(), content_type="image/svg+xml")
    current = version == worldmap.shapes_version()
    response["Cache-Control"] = FOREVER if current else "public, max-age=300"
    return response
