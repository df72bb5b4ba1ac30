"""Staff accounts, login and the console."""
