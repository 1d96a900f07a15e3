"""The desktop app (PySide6). Everything it does to a draft goes through app.core."""
