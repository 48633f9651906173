"""Exports: the store's contents in the formats monitors and researchers already use."""

from diaspora_watch.export.registry import Exporter, exporter, formats, write_export, write_export_dir

__all__ = ["Exporter", "exporter", "formats", "write_export", "write_export_dir"]
