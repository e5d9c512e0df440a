"""Turn what a teacher gives (pasted text, an uploaded file, a link) into clean article text."""

from quizapp.ingest.article import IngestedArticle
from quizapp.ingest.errors import IngestError
from quizapp.ingest.upload import ingest_text, ingest_upload
from quizapp.ingest.url import ingest_url

__all__ = ["IngestError", "IngestedArticle", "ingest_text", "ingest_upload", "ingest_url"]
