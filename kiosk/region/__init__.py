"""Regions: halls run together on one server, the region admin's overview, statistics and hall switch."""
