"""The evidence app's models, one module per kind of record; every model is imported here, so
`vigil.evidence.models.Source` and the migrations keep their addresses."""

from vigil.evidence.models.claims import Claim, ClaimReview, CredibilityGrade, Figure
from vigil.evidence.models.ocr import OcrRun
from vigil.evidence.models.sources import (
    ArchivedFile,
    Publishable,
    ReliabilityGrade,
    Source,
    WorkingCopy,
)
from vigil.evidence.models.tallies import ClaimTally
from vigil.evidence.models.timestamps import FileTimestamp, TimestampToken

__all__ = [
    "ArchivedFile",
    "Claim",
    "ClaimReview",
    "ClaimTally",
    "CredibilityGrade",
    "Figure",
    "FileTimestamp",
    "OcrRun",
    "Publishable",
    "ReliabilityGrade",
    "Source",
    "TimestampToken",
    "WorkingCopy",
]
