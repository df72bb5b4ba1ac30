"""Business guides, registration-form samples, notification letters, service information and application progress."""
