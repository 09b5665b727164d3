"""Sync with feed services (Google Reader API, Fever API): accounts, protocol clients, engine.

Nothing here imports Textual. The app and the command line call
`reader.sources.sync.engine.sync_accounts` (from a worker thread in the app).
"""
