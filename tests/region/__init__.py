"""Tests of regions: the region admin, the overview, statistics, the hall switch and hall isolation."""
