"""Exports: a draft as the Word draft and the task-division workbook. No Qt here."""
