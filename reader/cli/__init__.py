"""The `reader` command: `main.py` parses and dispatches; one module per group of commands.

Each command module imports only the small leaves beside it (`errors`, `output`, `lookup`),
never `main`, so nothing here imports in a circle. Textual is imported only when the app starts.
"""
