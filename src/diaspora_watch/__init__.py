"""diaspora-watch: news about legal pressure on diaspora and migrant communities, as sourced incidents.

The pipeline reads as the package layout does::

    sources  ->  extract  ->  link  ->  store  ->  serve / export / advise

Each stage is a named component registered in :mod:`diaspora_watch.pipeline`.
"""

from diaspora_watch.document import Document
from diaspora_watch.errors import DwError

__all__ = ["Document", "DwError", "__version__"]
__version__ = "0.1.0"
