"""The domain core: plans, drafts, units, targets. Pure Python, never imports Qt."""
