"""revised_parent."""
