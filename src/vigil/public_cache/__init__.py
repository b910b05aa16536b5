"""The public pages' cache (cache.py) and the version of what each case's or event's public pages
show (models.py). A ground-floor app: it imports no other Vigil app."""
