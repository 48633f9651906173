"""Sources: turn files, folders, stdin, URLs and feeds into documents, or set them aside with a reason."""

from diaspora_watch.sources.files import Item, read_file, read_jsonl, walk

__all__ = ["Item", "read_file", "read_jsonl", "walk"]
