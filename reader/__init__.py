"""Provenance Reader: a news reader that shows where every claim comes from.

The core (ingest, clean, attribution, store) never imports Qt; the window in
``reader.gui`` imports the core, never the reverse.
"""

__version__ = "0.1.0"
APP_NAME = "Provenance Reader"
ORG_NAME = "Provenance Reader"
APP_ID = "io.github.provenance_reader.ProvenanceReader"
