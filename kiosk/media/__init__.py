"""Media and notices between calls: the wall display's playlist (images, videos, text, tariff, commitments)."""
