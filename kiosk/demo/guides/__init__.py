"""Demo content of the guides feature: business guides, service information, contractors and applications
(Chinese and English in full; other locales fall back to Chinese)."""
