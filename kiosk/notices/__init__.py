"""Notice board: business-suspended signs, outage announcements, notices, the opinion book and callbacks."""
