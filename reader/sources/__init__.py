"""Sources -> ingest -> store: files, folders, web pages, feeds and (next) sync accounts.

The services that fetch what the user asked for and hand it to `reader.ingest`, then to the
store. Nothing here imports Textual.
"""
