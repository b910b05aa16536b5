"""Vigil: evidence, law, recognition and campaigns for the recognition of mass atrocities."""
