"""The demo hall used by ``make run``, the README and the tests."""
